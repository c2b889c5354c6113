"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import type { z } from "zod";

import { snoozeActionAction } from "@/actions/next-actions";
import { FormAlert } from "@/components/forms/form-messages";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { formatDateTime } from "@/lib/dates/format";
import { snoozeActionSchema } from "@/lib/schemas/deals";

import { ACTION_TYPE_LABELS } from "./action-type";
import { ConflictNotice } from "./conflict-notice";
import { DuePicker } from "./due-picker";
import type { ActionForCompletion, OrgDisplay, SnoozeResult } from "./types";
import { useDueChoice } from "./use-due-choice";

type SnoozeInput = z.input<typeof snoozeActionSchema>;

type SnoozeActionDialogProps = {
  org: OrgDisplay;
  action: ActionForCompletion;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Called with the result once snoozed, before the dialog closes; the caller updates what it shows. */
  onSnoozed: (result: SnoozeResult) => void;
  /** Where focus goes after closing (Radix's onCloseAutoFocus); by default back to what opened the dialog. */
  onCloseAutoFocus?: (event: Event) => void;
};

/** Moves the due time of a pending action; the reason is kept on the deal's timeline (audit log). */
export function SnoozeActionDialog({ org, action, open, onOpenChange, onSnoozed, onCloseAutoFocus }: SnoozeActionDialogProps) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent
        title="Snooze"
        description={
          <>
            <span className="font-medium text-zinc-800 dark:text-zinc-200">{action.deal.title}</span> · {ACTION_TYPE_LABELS[action.type]}:{" "}
            {action.details}
            <span className="mt-0.5 block">Due {formatDateTime(new Date(action.dueAt), org.locale, org.timeZone)}</span>
          </>
        }
        className="max-h-[calc(100dvh-2rem)] max-w-lg overflow-y-auto"
        onCloseAutoFocus={onCloseAutoFocus}
      >
        <SnoozeForm org={org} action={action} onSnoozed={onSnoozed} onDone={() => onOpenChange(false)} />
      </DialogContent>
    </Dialog>
  );
}

type SnoozeFormProps = { org: OrgDisplay; action: ActionForCompletion; onSnoozed: (result: SnoozeResult) => void; onDone: () => void };

function SnoozeForm({ org, action, onSnoozed, onDone }: SnoozeFormProps) {
  const router = useRouter();
  const id = useId();
  const [conflict, setConflict] = useState<string | null>(null);
  const form = useActionForm({
    action: (input: SnoozeInput) => snoozeActionAction(org.slug, input),
    schema: snoozeActionSchema,
    toInput: (values) => ({ actionId: action.id, dueAt: due.resolve(), reason: String(values.reason ?? "") }),
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
