"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, type KeyboardEvent, useId, useMemo, useRef, useState, useTransition } from "react";
import { toast } from "sonner";

import { completeActionAction } from "@/actions/next-actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { formatDateTime } from "@/lib/dates/format";
import { eligibleNextStepOwners } from "@/lib/deals/rules";
import { type ActionType, type CompleteActionInput, completeActionSchema } from "@/lib/schemas/deals";

import { ACTION_TYPE_LABELS, ActionTypeOptions } from "./action-type";
import { ConflictNotice } from "./conflict-notice";
import { DEFAULT_DUE, type DueChoice, dueShortcut, isTextEntry, resolveDue, toCustom } from "./due-choice";
import { DuePicker } from "./due-picker";
import { type CompleteField, hasErrors, mapFieldErrors, mapIssues, type MappedErrors } from "./form-errors";
import { LossReasonOptions } from "./loss-reason-options";
import { type Then, ThenChoice } from "./then-choice";
import type { ActionForCompletion, Assignee, CompletionResult, OrgDisplay } from "./types";

type CompleteActionFormProps = {
  org: OrgDisplay;
  action: ActionForCompletion;
  lossReasons: { id: string; label: string }[];
  assignees: Assignee[];
  /** The action's result (it carries no re-rendered page): the caller updates what it shows. */
  onCompleted: (result: CompletionResult) => void;
  onDone: () => void;
};

const NO_ERRORS: MappedErrors = { fields: {}, general: [] };
// Focus goes to the first invalid field in the order the form shows them.
const FIELD_ORDER: CompleteField[] = ["outcome", "type", "ownerId", "dueAt", "details", "lossReasonId", "lossNote"];

export function CompleteActionForm({ org, action, lossReasons, assignees: members, onCompleted, onDone }: CompleteActionFormProps) {
  const assignees = useMemo(() => eligibleNextStepOwners(members, action.ownerId), [members, action.ownerId]);
  const router = useRouter();
  const ids = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [outcome, setOutcome] = useState("");
  const [then, setThen] = useState<Then>("next");
  const [type, setType] = useState<ActionType>(action.type);
  const [ownerId, setOwnerId] = useState(assignees.some((a) => a.id === action.ownerId) ? action.ownerId : (assignees[0]?.id ?? ""));
  const [due, setDue] = useState<DueChoice>(DEFAULT_DUE);
  const [details, setDetails] = useState("");
  const [lossReasonId, setLossReasonId] = useState("");
  const [lossNote, setLossNote] = useState("");
  const [errors, setErrors] = useState<MappedErrors>(NO_ERRORS);
  // Set when someone else got there first (or the action vanished): the form is then read-only.
  const [conflict, setConflict] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function clear(field: CompleteField) {
    if (errors.fields[field]) setErrors((e) => ({ ...e, fields: { ...e.fields, [field]: undefined } }));
  }

  function showErrors(next: MappedErrors) {
    setErrors(next);
    const first = FIELD_ORDER.find((f) => next.fields[f]);
    const el = first ? formRef.current?.querySelector<HTMLElement>(`[data-field="${first}"]`) : null;
    // The due picker is a fieldset: focus its first button.
    (el instanceof HTMLFieldSetElement ? el.querySelector<HTMLElement>("button") : el)?.focus();
  }

  function buildInput(): CompleteActionInput {
    const now = new Date();
    const followUp: CompleteActionInput["followUp"] =
      then === "next"
        ? {
            then,
            next: {
              type,
              details,
              dueAt: resolveDue(due, now, org.timeZone)?.toISOString() ?? "",
              ownerId: assignees.length ? ownerId || null : null,
            },
          }
        : then === "won"
          ? { then }
          : { then, lossReasonId, lossNote };
    return { actionId: action.id, outcome, followUp };
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending || conflict) return;
    const input = buildInput();
    const parsed = completeActionSchema.safeParse(input);
    if (!parsed.success) return showErrors(mapIssues(parsed.error.issues));
    startTransition(async () => {
      const result = await completeActionAction(org.slug, input);
      if (result.ok) {
        setErrors(NO_ERRORS);
        toast.success(successMessage(result.data.status, parsed.data.followUp, org));
        onCompleted(result.data);
        onDone();
        return;
      }
      if (result.code === "CONFLICT" || result.code === "NOT_FOUND") {
        // Someone completed it first (or it is gone): say so, and show the fresh state behind the dialog.
        setConflict(result.code === "NOT_FOUND" ? "This action no longer exists or is no longer yours to complete." : result.message);
        router.refresh();
        return;
      }
      const mapped = mapFieldErrors(result.fieldErrors);
      showErrors(hasErrors(mapped) ? mapped : { fields: {}, general: [result.message] });
    });
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) {
      event.preventDefault();
      formRef.current?.requestSubmit();
      return;
    }
    if (then !== "next" || event.altKey || event.ctrlKey || event.metaKey || isTextEntry(event.target)) return;
    const shortcut = dueShortcut(event.key);
    if (!shortcut) return;
    event.preventDefault();
    setDue(shortcut === "custom" ? toCustom(due, new Date(), org.timeZone) : { kind: "preset", preset: shortcut });
    clear("dueAt");
  }

  /** Enter in the last single-line field submits (inputs do this natively; made explicit so it never depends on button placement). */
  function submitOnEnter(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "Enter" && !event.nativeEvent.isComposing) {
      event.preventDefault();
      formRef.current?.requestSubmit();
    }
  }

  if (conflict) return <ConflictNotice title="Could not complete this action" message={conflict} onClose={onDone} />;

  const locked = pending;
  return (
    <form ref={formRef} onSubmit={submit} onKeyDown={onKeyDown} noValidate className="space-y-4" aria-label="Complete and plan next">
      {errors.general.length ? <Alert tone="error">{errors.general.join(" ")}</Alert> : null}

      <Field label="What happened?" error={errors.fields.outcome} hint="Ctrl+Enter saves from anywhere in the form.">
        {(control) => (
          <Textarea
            {...control}
            data-field="outcome"
            // Radix focuses the first focusable element unless focus is already inside: this puts it here.
            autoFocus
            name="outcome"
            placeholder="e.g. Spoke to Anna, they want a revised quote"
            value={outcome}
            disabled={locked}
            onChange={(e) => (setOutcome(e.target.value), clear("outcome"))}
          />
        )}
      </Field>

      <ThenChoice value={then} onChange={setThen} disabled={locked} />

      {then === "next" ? (
        <div className="space-y-4 rounded-lg border border-zinc-200 p-3.5 dark:border-zinc-800">
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label="Next action" error={errors.fields.type}>
              {(control) => (
                <Select
                  {...control}
                  data-field="type"
                  value={type}
                  disabled={locked}
                  onChange={(e) => setType(e.target.value as ActionType)}
                >
                  <ActionTypeOptions />
                </Select>
              )}
            </Field>
            {assignees.length ? (
              <Field label="Assign to" error={errors.fields.ownerId}>
                {(control) => (
                  <Select
                    {...control}
                    data-field="ownerId"
                    value={ownerId}
                    disabled={locked}
                    onChange={(e) => (setOwnerId(e.target.value), clear("ownerId"))}
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
            data-field="dueAt"
            timeZone={org.timeZone}
            locale={org.locale}
            value={due}
            onChange={(d) => (setDue(d), clear("dueAt"))}
            error={errors.fields.dueAt}
            disabled={locked}
          />
          <Field label="Details" error={errors.fields.details}>
            {(control) => (
              <Input
                {...control}
                data-field="details"
                name="details"
                placeholder={`e.g. ${ACTION_TYPE_LABELS[type]} to follow up on the quote`}
                value={details}
                disabled={locked}
                onChange={(e) => (setDetails(e.target.value), clear("details"))}
                onKeyDown={submitOnEnter}
              />
            )}
          </Field>
        </div>
      ) : null}

      {then === "lost" ? (
        <div className="space-y-4 rounded-lg border border-zinc-200 p-3.5 dark:border-zinc-800">
          <Field label="Loss reason" error={errors.fields.lossReasonId}>
            {(control) => (
              <Select
                {...control}
                data-field="lossReasonId"
                required
                value={lossReasonId}
                disabled={locked}
                onChange={(e) => (setLossReasonId(e.target.value), clear("lossReasonId"))}
              >
                <LossReasonOptions reasons={lossReasons} />
              </Select>
            )}
          </Field>
          <Field label="Note (optional)" error={errors.fields.lossNote}>
            {(control) => (
              <Input
                {...control}
                data-field="lossNote"
                value={lossNote}
                disabled={locked}
                onChange={(e) => (setLossNote(e.target.value), clear("lossNote"))}
                onKeyDown={submitOnEnter}
              />
            )}
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

function successMessage(
  status: "open" | "won" | "lost",
  followUp: { then: string; next?: { type: ActionType; dueAt: Date } },
  org: OrgDisplay,
) {
  if (status === "won") return "Done. The deal is won.";
  if (status === "lost") return "Done. The deal is closed as lost.";
  const next = followUp.next!;
  return `Done. Next: ${ACTION_TYPE_LABELS[next.type].toLowerCase()} ${formatDateTime(next.dueAt, org.locale, org.timeZone)}.`;
}
