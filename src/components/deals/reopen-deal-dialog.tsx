"use client";

import { RotateCcw } from "lucide-react";
import { useId, useState } from "react";
import type { z } from "zod";

import { reopenDealAction } from "@/actions/deals";
import { FormAlert } from "@/components/forms/form-messages";
import { useActionForm } from "@/components/forms/use-action-form";
import { DuePicker } from "@/components/next-steps/due-picker";
import { NextStepTypeOptions } from "@/components/next-steps/next-step-type";
import { useDueChoice } from "@/components/next-steps/use-due-choice";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { reopenDealSchema } from "@/lib/schemas/deals";

import { StageOptions } from "./stage-options";
import type { DealOrg, StageOption } from "./types";

type ReopenDealDialogProps = {
  org: DealOrg;
  dealId: string;
  dealTitle: string;
  /** Open stages only; the first one offered is `defaultStageId`. */
  stages: StageOption[];
  defaultStageId: string;
};

/**
 * Reopening puts a closed deal back into an open stage, and — because no open deal may be without
 * a next step — it requires the next action in the same step (the server does both in one transaction).
 * The action answers with its result only; the dialog closes together with the refreshed page.
 */
export function ReopenDealDialog({ org, dealId, dealTitle, stages, defaultStageId }: ReopenDealDialogProps) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="secondary" icon={<RotateCcw aria-hidden className="size-4" />}>
          Reopen
        </Button>
      </DialogTrigger>
      <DialogContent
        title="Reopen deal"
        description={`“${dealTitle}” goes back into the pipeline. Plan its next action so it is never without a next step.`}
        className="max-w-lg"
      >
        <ReopenForm org={org} dealId={dealId} stages={stages} defaultStageId={defaultStageId} onDone={() => setOpen(false)} />
      </DialogContent>
    </Dialog>
  );
}

type ReopenInput = z.input<typeof reopenDealSchema>;

function ReopenForm({ org, dealId, stages, defaultStageId, onDone }: Omit<ReopenDealDialogProps, "dealTitle"> & { onDone: () => void }) {
  const ids = useId();
  const form = useActionForm({
    action: (input: ReopenInput) => reopenDealAction(org.slug, input),
    schema: reopenDealSchema,
    toInput: (values) => {
      const input = { ...values, dealId } as unknown as ReopenInput;
      return { ...input, nextAction: { ...input.nextAction, dueAt: due.resolve() } };
    },
    successToast: "Deal reopened with its next action planned.",
    // The dialog closes when the refreshed page (open, with its next step) shows.
    refresh: true,
    onSuccess: onDone,
  });
  const due = useDueChoice(org.timeZone, () => form.clearError("nextAction.dueAt"));

  return (
    <form {...form.formProps} className="space-y-4" aria-label="Reopen deal">
      <FormAlert form={form} />
      <Field label="Reopen into stage" {...form.field("stageId")}>
        {(control) => (
          <Select {...control} autoFocus defaultValue={defaultStageId} disabled={form.pending}>
            <StageOptions stages={stages} />
          </Select>
        )}
      </Field>
      <div className="space-y-4 rounded-lg border border-zinc-200 p-3.5 dark:border-zinc-800">
        <Field label="Next action" {...form.field("nextAction.type")}>
          {(control) => (
            <Select {...control} defaultValue="call" disabled={form.pending}>
              <NextStepTypeOptions />
            </Select>
          )}
        </Field>
        <DuePicker
          id={`${ids}-due`}
          data-field="nextAction.dueAt"
          timeZone={org.timeZone}
          locale={org.locale}
          value={due.due}
          onChange={due.pick}
          error={form.errorFor("nextAction.dueAt")}
          disabled={form.pending}
        />
        <Field label="Details" {...form.field("nextAction.details")}>
          {(control) => <Input {...control} placeholder="e.g. Call to hear what changed" maxLength={2000} disabled={form.pending} />}
        </Field>
      </div>
      <div className="flex flex-wrap justify-end gap-2 pt-1">
        <DialogClose asChild>
          <Button variant="secondary" disabled={form.pending}>
            Cancel
          </Button>
        </DialogClose>
        <Button type="submit" pending={form.pending}>
          Reopen deal
        </Button>
      </div>
    </form>
  );
}
