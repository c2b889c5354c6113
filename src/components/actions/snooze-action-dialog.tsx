"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, type KeyboardEvent, useId, useRef, useState, useTransition } from "react";
import { toast } from "sonner";

import { snoozeActionAction } from "@/actions/next-actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { formatDateTime } from "@/lib/dates/format";
import { snoozeActionSchema } from "@/lib/schemas/deals";

import { ACTION_TYPE_LABELS } from "./action-type";
import { ConflictNotice } from "./conflict-notice";
import { DEFAULT_DUE, type DueChoice, dueShortcut, isTextEntry, resolveDue, toCustom } from "./due-choice";
import { DuePicker } from "./due-picker";
import { mapFieldErrors, mapIssues, type MappedErrors } from "./form-errors";
import type { ActionForCompletion, OrgDisplay, SnoozeResult } from "./types";

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

const NO_ERRORS: MappedErrors = { fields: {}, general: [] };

type SnoozeFormProps = { org: OrgDisplay; action: ActionForCompletion; onSnoozed: (result: SnoozeResult) => void; onDone: () => void };

function SnoozeForm({ org, action, onSnoozed, onDone }: SnoozeFormProps) {
  const router = useRouter();
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [due, setDue] = useState<DueChoice>(DEFAULT_DUE);
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<MappedErrors>(NO_ERRORS);
  const [conflict, setConflict] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function showErrors(next: MappedErrors) {
    setErrors(next);
    const target = next.fields.dueAt ? `#${CSS.escape(`${id}-due`)} button` : next.fields.reason ? `[data-field="reason"]` : null;
    if (target) formRef.current?.querySelector<HTMLElement>(target)?.focus();
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending || conflict) return;
    const input = { actionId: action.id, dueAt: resolveDue(due, new Date(), org.timeZone)?.toISOString() ?? "", reason };
    const parsed = snoozeActionSchema.safeParse(input);
    if (!parsed.success) return showErrors(mapIssues(parsed.error.issues));
    startTransition(async () => {
      const result = await snoozeActionAction(org.slug, input);
      if (result.ok) {
        toast.success(`Snoozed to ${formatDateTime(parsed.data.dueAt, org.locale, org.timeZone)}.`);
        onSnoozed(result.data);
        onDone();
        return;
      }
      if (result.code === "CONFLICT" || result.code === "NOT_FOUND") {
        setConflict(result.code === "NOT_FOUND" ? "This action no longer exists or is no longer yours to snooze." : result.message);
        router.refresh();
        return;
      }
      const mapped = mapFieldErrors(result.fieldErrors);
      showErrors(mapped.general.length || Object.keys(mapped.fields).length ? mapped : { fields: {}, general: [result.message] });
    });
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.altKey || event.ctrlKey || event.metaKey || isTextEntry(event.target)) return;
    const shortcut = dueShortcut(event.key);
    if (!shortcut) return;
    event.preventDefault();
    setDue(shortcut === "custom" ? toCustom(due, new Date(), org.timeZone) : { kind: "preset", preset: shortcut });
  }

  if (conflict) return <ConflictNotice title="Could not snooze this action" message={conflict} onClose={onDone} />;

  const locked = pending;
  return (
    <form ref={formRef} onSubmit={submit} onKeyDown={onKeyDown} noValidate className="space-y-4" aria-label="Snooze action">
      {errors.general.length ? <Alert tone="error">{errors.general.join(" ")}</Alert> : null}
      <DuePicker
        id={`${id}-due`}
        legend="New due time"
        timeZone={org.timeZone}
        locale={org.locale}
        value={due}
        onChange={(d) => (setDue(d), setErrors((e) => ({ ...e, fields: { ...e.fields, dueAt: undefined } })))}
        error={errors.fields.dueAt}
        disabled={locked}
      />
      <Field label="Reason" error={errors.fields.reason} hint="Kept on the deal's history.">
        {(control) => (
          <Input
            {...control}
            data-field="reason"
            autoFocus
            placeholder="e.g. Customer is on holiday until Monday"
            value={reason}
            disabled={locked}
            onChange={(e) => (setReason(e.target.value), setErrors((er) => ({ ...er, fields: { ...er.fields, reason: undefined } })))}
          />
        )}
      </Field>
      <div className="flex flex-wrap justify-end gap-2 pt-1">
        <Button variant="secondary" onClick={onDone} disabled={pending}>
          Cancel
        </Button>
        <Button type="submit" pending={pending}>
          Snooze
        </Button>
      </div>
    </form>
  );
}
