"use client";

import { clsx } from "clsx";
import { ListChecks } from "lucide-react";

import type { ActionForm } from "@/components/forms/use-action-form";
import { DuePicker } from "@/components/next-steps/due-picker";
import { ACTION_TYPE_LABELS, ACTION_TYPES, NextStepTypeIcon } from "@/components/next-steps/next-step-type";
import type { useDueChoice } from "@/components/next-steps/use-due-choice";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { controlClasses } from "@/components/ui/input";

type NewDealNextActionProps = {
  form: ActionForm;
  due: ReturnType<typeof useDueChoice>;
  /** Whose queue the next action lands in, for the explanation. */
  ownerLabel: string;
  timeZone: string;
  locale: string;
  disabled: boolean;
};

/** The required first step: a deal is created together with it, in one transaction, or not at all. */
export function NewDealNextAction({ form, due, ownerLabel, timeZone, locale, disabled }: NewDealNextActionProps) {
  const missing = Object.keys(form.errors).some((key) => key.startsWith("firstAction"));
  return (
    <Card>
      <CardHeader
        title={
          <span className="inline-flex items-center gap-2">
            <ListChecks aria-hidden className="size-4 text-brand-600 dark:text-brand-400" />
            First next action <span className="text-xs font-normal text-red-700 dark:text-red-400">(required)</span>
          </span>
        }
        description={`No open deal is without a next step. Plan the first one now; it goes into ${ownerLabel} queue.`}
      />
      {/* The due presets' digit shortcuts work anywhere in this card except while typing; keys bubble up here. */}
      <CardBody className="space-y-5" onKeyDown={disabled ? undefined : due.onShortcut}>
        {missing ? (
          <Alert tone="error" title="A deal can't be created without a next action.">
            Every open deal needs a planned next step. Describe it below and pick when it is due.
          </Alert>
        ) : null}

        <fieldset data-field="firstAction.type" disabled={disabled}>
          <legend className="mb-1.5 text-sm font-medium text-zinc-800 dark:text-zinc-200">Type</legend>
          <div className="flex flex-wrap gap-1.5">
            {ACTION_TYPES.map((type) => (
              <label
                key={type}
                className={clsx(
                  "inline-flex h-8 cursor-pointer items-center gap-1.5 rounded-md border px-2.5 text-sm font-medium transition-colors",
                  "has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-brand-500",
                  "border-zinc-300 bg-white text-zinc-700 hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-300 dark:hover:bg-zinc-800",
                  "has-checked:border-brand-600 has-checked:bg-brand-50 has-checked:text-brand-800",
                  "dark:has-checked:border-brand-400 dark:has-checked:bg-brand-950 dark:has-checked:text-brand-100",
                )}
              >
                <input type="radio" name="firstAction.type" value={type} defaultChecked={type === "call"} className="sr-only" />
                <NextStepTypeIcon type={type} className="size-4" />
                {ACTION_TYPE_LABELS[type]}
              </label>
            ))}
          </div>
        </fieldset>

        <Field
          label="What is the next step?"
          {...form.field("firstAction.details")}
          hint="For example: Call Jens about the scope and budget."
        >
          {(control) => (
            <textarea {...control} rows={2} maxLength={2000} disabled={disabled} className={clsx(controlClasses, "h-auto min-h-16 py-2")} />
          )}
        </Field>

        <DuePicker
          id="new-deal-due"
          data-field="firstAction.dueAt"
          legend="Due"
          timeZone={timeZone}
          locale={locale}
          value={due.due}
          onChange={due.pick}
          error={form.errorFor("firstAction.dueAt")}
          disabled={disabled}
        />
      </CardBody>
    </Card>
  );
}
