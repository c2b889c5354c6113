"use client";

import { useRouter } from "next/navigation";
import { type KeyboardEvent, useId, useMemo, useState } from "react";

import { completeNextStepAction } from "@/actions/next-steps";
import { FormAlert } from "@/components/forms/form-messages";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { formatDateTime } from "@/lib/dates/format";
import { eligibleNextStepOwners } from "@/lib/deals/rules";
import type { CompletionResult } from "@/lib/next-steps/results";
import { type CompleteNextStepInput, completeNextStepSchema } from "@/lib/schemas/deals";

import { ConflictNotice } from "./conflict-notice";
import { DuePicker } from "./due-picker";
import { LossReasonOptions } from "./loss-reason-options";
import { ACTION_TYPE_LABELS, NextStepTypeOptions } from "./next-step-type";
import { type Then, ThenChoice } from "./then-choice";
import type { Assignee, NextStepForCompletion, OrgDisplay } from "./types";
import { useDueChoice } from "./use-due-choice";

type CompleteNextStepFormProps = {
  org: OrgDisplay;
  step: NextStepForCompletion;
  lossReasons: { id: string; label: string }[];
  assignees: Assignee[];
  /** The server action's result (it carries no re-rendered page): the caller updates what it shows. */
  onCompleted: (result: CompletionResult) => void;
  onDone: () => void;
};

const DUE = "followUp.next.dueAt";

export function CompleteNextStepForm({ org, step, lossReasons, assignees: members, onCompleted, onDone }: CompleteNextStepFormProps) {
  const assignees = useMemo(() => eligibleNextStepOwners(members, step.ownerId), [members, step.ownerId]);
  const router = useRouter();
  const ids = useId();
  // What the form shows depends on `then`; the due time is picked, not typed. Every other field is read from the form on submit.
  const [then, setThen] = useState<Then>("next");
  // Set when someone else got there first (or the action vanished): the form is then read-only.
  const [conflict, setConflict] = useState<string | null>(null);

  const form = useActionForm({
    action: (input: CompleteNextStepInput) => completeNextStepAction(org.slug, input),
    schema: completeNextStepSchema,
    // The inputs are named after the schema's paths; only the due time (picked, resolved now) and the id are added.
    toInput: (values) => {
      const input = { ...values, actionId: step.id } as unknown as CompleteNextStepInput;
      if (input.followUp.then === "next") input.followUp.next.dueAt = due.resolve();
      return input;
    },
    successToast: (result) => successMessage(result, org),
    onSuccess: (result) => (onCompleted(result), onDone()),
    onFailure: (failure) => {
      if (failure.code !== "CONFLICT" && failure.code !== "NOT_FOUND") return false;
      // Someone completed it first (or it is gone): say so, and show the fresh state behind the dialog.
      setConflict(failure.code === "NOT_FOUND" ? "This action no longer exists or is no longer yours to complete." : failure.message);
      router.refresh();
      return true;
    },
  });
  const due = useDueChoice(org.timeZone, () => form.clearError(DUE));

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) {
      event.preventDefault();
      form.submit();
    } else if (then === "next") due.onShortcut(event);
  }

  if (conflict) return <ConflictNotice title="Could not complete this action" message={conflict} onClose={onDone} />;

  const { pending } = form;
  return (
    <form {...form.formProps} onKeyDown={onKeyDown} className="space-y-4" aria-label="Complete and plan next">
      <FormAlert form={form} />

      <Field label="What happened?" {...form.field("outcome")} hint="Ctrl+Enter saves from anywhere in the form.">
        {(control) => (
          // Radix focuses the first focusable element unless focus is already inside: autoFocus puts it here.
          <Textarea {...control} autoFocus placeholder="e.g. Spoke to Anna, they want a revised quote" disabled={pending} />
        )}
      </Field>

      <ThenChoice name="followUp.then" value={then} onChange={setThen} disabled={pending} />

      {then === "next" ? (
        <div className="space-y-4 rounded-lg border border-zinc-200 p-3.5 dark:border-zinc-800">
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label="Next action" {...form.field("followUp.next.type")}>
              {(control) => (
                <Select {...control} defaultValue={step.type} disabled={pending}>
                  <NextStepTypeOptions />
                </Select>
              )}
            </Field>
            {assignees.length ? (
              <Field label="Assign to" {...form.field("followUp.next.ownerId")}>
                {(control) => (
                  <Select
                    {...control}
                    defaultValue={assignees.some((a) => a.id === step.ownerId) ? step.ownerId : assignees[0]!.id}
                    disabled={pending}
                  >
                    {assignees.map((a) => (
                      <option key={a.id} value={a.id}>
                        {a.name}
                      </option>
                    ))}
                  </Select>
                )}
              </Field>
            ) : null}
          </div>
          <DuePicker
            id={`${ids}-due`}
            data-field={DUE}
            timeZone={org.timeZone}
            locale={org.locale}
            value={due.due}
            onChange={due.pick}
            error={form.errorFor(DUE)}
            disabled={pending}
          />
          <Field label="Details" {...form.field("followUp.next.details")}>
            {(control) => <Input {...control} placeholder="e.g. Send the revised quote" disabled={pending} />}
          </Field>
        </div>
      ) : null}

      {then === "lost" ? (
        <div className="space-y-4 rounded-lg border border-zinc-200 p-3.5 dark:border-zinc-800">
          <Field label="Loss reason" {...form.field("followUp.lossReasonId")}>
            {(control) => (
              <Select {...control} required defaultValue="" disabled={pending}>
                <LossReasonOptions reasons={lossReasons} />
              </Select>
            )}
          </Field>
          <Field label="Note (optional)" {...form.field("followUp.lossNote")}>
            {(control) => <Input {...control} disabled={pending} />}
          </Field>
        </div>
      ) : null}

      {then === "won" ? (
        <p className="rounded-lg border border-emerald-200 bg-emerald-50 px-3.5 py-3 text-sm text-emerald-800 dark:border-emerald-900 dark:bg-emerald-950/60 dark:text-emerald-200">
          The deal moves to Won and is locked; no further action is planned.
        </p>
      ) : null}

      <div className="flex flex-wrap justify-end gap-2 pt-1">
        <Button variant="secondary" onClick={onDone} disabled={pending}>
          Cancel
        </Button>
        <Button type="submit" pending={pending} variant={then === "lost" ? "danger" : "primary"}>
          {then === "next" ? "Complete & plan next" : then === "won" ? "Complete & close as won" : "Complete & close as lost"}
        </Button>
      </div>
    </form>
  );
}

function successMessage(result: CompletionResult, org: OrgDisplay) {
  if (result.status === "won") return "Done. The deal is won.";
  if (result.status === "lost") return "Done. The deal is closed as lost.";
  const next = result.next!;
  return `Done. Next: ${ACTION_TYPE_LABELS[next.type].toLowerCase()} ${formatDateTime(new Date(next.dueAt), org.locale, org.timeZone)}.`;
}
