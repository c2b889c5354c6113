"use client";

import { RotateCcw } from "lucide-react";
import { useRouter } from "next/navigation";
import { type FormEvent, useEffect, useId, useRef, useState, useTransition } from "react";
import { toast } from "sonner";

import { reopenDealAction } from "@/actions/deals";
import { ActionTypeOptions } from "@/components/actions/action-type";
import { DEFAULT_DUE, type DueChoice, resolveDue } from "@/components/actions/due-choice";
import { DuePicker } from "@/components/actions/due-picker";
import { hasErrors, mapFieldErrors, mapIssues, type MappedErrors } from "@/components/actions/form-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { type ActionType, reopenDealSchema } from "@/lib/schemas/deals";

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

const NO_ERRORS: MappedErrors = { fields: {}, general: [] };

function ReopenForm({ org, dealId, stages, defaultStageId, onDone }: Omit<ReopenDealDialogProps, "dealTitle"> & { onDone: () => void }) {
  const ids = useId();
  const [stageId, setStageId] = useState(defaultStageId);
  const [type, setType] = useState<ActionType>("call");
  const [due, setDue] = useState<DueChoice>(DEFAULT_DUE);
  const [details, setDetails] = useState("");
  const [errors, setErrors] = useState<MappedErrors>(NO_ERRORS);
  const [stageError, setStageError] = useState<string | undefined>();
  const [pending, startTransition] = useTransition();
  const formRef = useRef<HTMLFormElement>(null);
  const router = useRouter();
  // Bumped on each refused submit, so focus moves to the first invalid control once it has rendered.
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (attempt === 0) return;
    const form = formRef.current;
    const invalid = form?.querySelector<HTMLElement>("[aria-invalid='true']");
    (invalid ?? (errors.fields.dueAt ? form?.querySelector<HTMLElement>(`#${CSS.escape(`${ids}-due`)} button`) : null))?.focus();
    // Only a new attempt moves focus, not every keystroke that clears an error.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [attempt]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = { dealId, stageId, nextAction: { type, details, dueAt: resolveDue(due, new Date(), org.timeZone)?.toISOString() ?? "" } };
    const parsed = reopenDealSchema.safeParse(input);
    if (!parsed.success) {
      setErrors(mapIssues(parsed.error.issues));
      setAttempt((n) => n + 1);
      return;
    }
    startTransition(async () => {
      const result = await reopenDealAction(org.slug, input);
      if (result.ok) {
        toast.success("Deal reopened with its next action planned.");
        // Same transition: the dialog closes when the refreshed page (open, with its next step) shows.
        startTransition(() => {
          router.refresh();
          onDone();
        });
        return;
      }
      setStageError(result.fieldErrors?.stageId?.[0]);
      const mapped = mapFieldErrors(result.fieldErrors);
      setErrors(hasErrors(mapped) ? mapped : { fields: {}, general: [result.message] });
      setAttempt((n) => n + 1);
    });
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="space-y-4" aria-label="Reopen deal">
      {errors.general.length ? <Alert tone="error">{errors.general.join(" ")}</Alert> : null}
      <Field label="Reopen into stage" error={stageError}>
        {(control) => (
          <Select
            {...control}
            autoFocus
            value={stageId}
            disabled={pending}
            onChange={(e) => (setStageId(e.target.value), setStageError(undefined))}
          >
            {stages.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} ({s.probability} %)
              </option>
            ))}
          </Select>
        )}
      </Field>
      <div className="space-y-4 rounded-lg border border-zinc-200 p-3.5 dark:border-zinc-800">
        <Field label="Next action" error={errors.fields.type}>
          {(control) => (
            <Select {...control} value={type} disabled={pending} onChange={(e) => setType(e.target.value as ActionType)}>
              <ActionTypeOptions />
            </Select>
          )}
        </Field>
        <DuePicker
          id={`${ids}-due`}
          timeZone={org.timeZone}
          locale={org.locale}
          value={due}
          onChange={(d) => (setDue(d), setErrors((e) => ({ ...e, fields: { ...e.fields, dueAt: undefined } })))}
          error={errors.fields.dueAt}
          disabled={pending}
        />
        <Field label="Details" error={errors.fields.details}>
          {(control) => (
            <Input
              {...control}
              placeholder="e.g. Call to hear what changed"
              maxLength={2000}
              value={details}
              disabled={pending}
              onChange={(e) => (setDetails(e.target.value), setErrors((x) => ({ ...x, fields: { ...x.fields, details: undefined } })))}
            />
          )}
        </Field>
      </div>
      <div className="flex flex-wrap justify-end gap-2 pt-1">
        <DialogClose asChild>
          <Button variant="secondary" disabled={pending}>
            Cancel
          </Button>
        </DialogClose>
        <Button type="submit" pending={pending}>
          Reopen deal
        </Button>
      </div>
    </form>
  );
}
