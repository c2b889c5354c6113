"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import type { z } from "zod";

import { snoozeNextStepAction } from "@/actions/next-steps";
import { FormAlert } from "@/components/forms/form-messages";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { formatDateTime } from "@/lib/dates/format";
import type { SnoozeResult } from "@/lib/next-steps/results";
import { snoozeNextStepSchema } from "@/lib/schemas/deals";

import { ConflictNotice } from "./conflict-notice";
import { DuePicker } from "./due-picker";
import { ACTION_TYPE_LABELS } from "./next-step-type";
import type { NextStepForCompletion, OrgDisplay } from "./types";
import { useDueChoice } from "./use-due-choice";

type SnoozeInput = z.input<typeof snoozeNextStepSchema>;

type SnoozeNextStepDialogProps = {
  org: OrgDisplay;
  step: NextStepForCompletion;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Called with the result once snoozed, before the dialog closes; the caller updates what it shows. */
  onSnoozed: (result: SnoozeResult) => void;
  /** Where focus goes after closing (Radix's onCloseAutoFocus); by default back to what opened the dialog. */
  onCloseAutoFocus?: (event: Event) => void;
};

/** Moves the due time of a pending next step; the reason is kept on the deal's timeline (audit log). */
export function SnoozeNextStepDialog({ org, step, open, onOpenChange, onSnoozed, onCloseAutoFocus }: SnoozeNextStepDialogProps) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent
        title="Snooze"
        description={
          <>
            <span className="font-medium text-zinc-800 dark:text-zinc-200">{step.deal.title}</span> · {ACTION_TYPE_LABELS[step.type]}:{" "}
            {step.details}
            <span className="mt-0.5 block">Due {formatDateTime(new Date(step.dueAt), org.locale, org.timeZone)}</span>
          </>
        }
        className="max-h-[calc(100dvh-2rem)] max-w-lg overflow-y-auto"
        onCloseAutoFocus={onCloseAutoFocus}
      >
        <SnoozeForm org={org} step={step} onSnoozed={onSnoozed} onDone={() => onOpenChange(false)} />
      </DialogContent>
    </Dialog>
  );
}

type SnoozeFormProps = { org: OrgDisplay; step: NextStepForCompletion; onSnoozed: (result: SnoozeResult) => void; onDone: () => void };

function SnoozeForm({ org, step, onSnoozed, onDone }: SnoozeFormProps) {
  const router = useRouter();
  const id = useId();
  const [conflict, setConflict] = useState<string | null>(null);
  const form = useActionForm({
    action: (input: SnoozeInput) => snoozeNextStepAction(org.slug, input),
    schema: snoozeNextStepSchema,
    toInput: (values) => ({ actionId: step.id, dueAt: due.resolve(), reason: String(values.reason ?? "") }),
    successToast: (result) => `Snoozed to ${formatDateTime(new Date(result.dueAt), org.locale, org.timeZone)}.`,
    onSuccess: (result) => (onSnoozed(result), onDone()),
    onFailure: (failure) => {
      if (failure.code !== "CONFLICT" && failure.code !== "NOT_FOUND") return false;
      setConflict(failure.code === "NOT_FOUND" ? "This action no longer exists or is no longer yours to snooze." : failure.message);
      router.refresh();
      return true;
    },
  });
  const due = useDueChoice(org.timeZone, () => form.clearError("dueAt"));

  if (conflict) return <ConflictNotice title="Could not snooze this action" message={conflict} onClose={onDone} />;

  return (
    <form {...form.formProps} onKeyDown={due.onShortcut} className="space-y-4" aria-label="Snooze action">
      <FormAlert form={form} />
      <DuePicker
        id={`${id}-due`}
        data-field="dueAt"
        legend="New due time"
        timeZone={org.timeZone}
        locale={org.locale}
        value={due.due}
        onChange={due.pick}
        error={form.errorFor("dueAt")}
        disabled={form.pending}
      />
      <Field label="Reason" {...form.field("reason")} hint="Kept on the deal's history.">
        {(control) => <Input {...control} autoFocus placeholder="e.g. Customer is on holiday until Monday" disabled={form.pending} />}
      </Field>
      <div className="flex flex-wrap justify-end gap-2 pt-1">
        <Button variant="secondary" onClick={onDone} disabled={form.pending}>
          Cancel
        </Button>
        <Button type="submit" pending={form.pending}>
          Snooze
        </Button>
      </div>
    </form>
  );
}
