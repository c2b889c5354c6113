"use client";

import { clsx } from "clsx";
import { ListChecks } from "lucide-react";
import type { KeyboardEvent } from "react";

import { type DueChoice, dueShortcut, isTextEntry, toCustom } from "@/components/next-steps/due-choice";
import { DuePicker } from "@/components/next-steps/due-picker";
import { ACTION_TYPE_LABELS, ACTION_TYPES, NextStepTypeIcon } from "@/components/next-steps/next-step-type";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { controlClasses } from "@/components/ui/input";
import type { ActionType } from "@/lib/schemas/deals";

import type { NewDealErrors } from "./new-deal-errors";

export type NextActionDraft = { type: ActionType; details: string; due: DueChoice };

type NewDealNextActionProps = {
  value: NextActionDraft;
  onChange: (patch: Partial<NextActionDraft>) => void;
  errors: NewDealErrors;
  /** Whose queue the action lands in, for the explanation. */
  ownerLabel: string;
  timeZone: string;
  locale: string;
  disabled: boolean;
};

/** The required first step: a deal is created together with it, in one transaction, or not at all. */
export function NewDealNextAction({ value, onChange, errors, ownerLabel, timeZone, locale, disabled }: NewDealNextActionProps) {
  // The due presets show digit shortcuts (1–4, 5 = custom); they work anywhere in this card except while typing.
  function shortcut(event: KeyboardEvent<HTMLDivElement>) {
    if (disabled || event.altKey || event.ctrlKey || event.metaKey || isTextEntry(event.target)) return;
    const key = dueShortcut(event.key);
    if (!key) return;
    event.preventDefault();
    onChange({ due: key === "custom" ? toCustom(value.due, new Date(), timeZone) : { kind: "preset", preset: key } });
  }

  const missing =
    Boolean(errors.fields["firstAction.details"] || errors.fields["firstAction.dueAt"] || errors.fields["firstAction.type"]) ||
    errors.nextAction.length > 0;
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
      {/* Keys bubble up here from the controls inside. */}
      <CardBody className="space-y-5" onKeyDown={shortcut}>
        {missing ? (
          <Alert tone="error" title="A deal can't be created without a next action.">
            {errors.nextAction.length > 0
              ? errors.nextAction.join(" ")
              : "Every open deal needs a planned next step. Describe it below and pick when it is due."}
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
                  value.type === type
                    ? "border-brand-600 bg-brand-50 text-brand-800 dark:border-brand-400 dark:bg-brand-950 dark:text-brand-100"
                    : "border-zinc-300 bg-white text-zinc-700 hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-300 dark:hover:bg-zinc-800",
                )}
              >
                <input
                  type="radio"
                  name="firstAction.type"
                  value={type}
                  checked={value.type === type}
                  onChange={() => onChange({ type })}
                  className="sr-only"
                />
                <NextStepTypeIcon type={type} className="size-4" />
                {ACTION_TYPE_LABELS[type]}
              </label>
            ))}
          </div>
        </fieldset>

        <Field
          label="What is the next step?"
          error={errors.fields["firstAction.details"]}
          hint="For example: Call Jens about the scope and budget."
        >
          {(control) => (
            <textarea
              {...control}
              data-field="firstAction.details"
              name="firstAction.details"
              rows={2}
              maxLength={2000}
              value={value.details}
              disabled={disabled}
              onChange={(e) => onChange({ details: e.target.value })}
              className={clsx(controlClasses, "h-auto min-h-16 py-2")}
            />
          )}
        </Field>

        <DuePicker
          id="new-deal-due"
          data-field="firstAction.dueAt"
          legend="Due"
          timeZone={timeZone}
          locale={locale}
          value={value.due}
          onChange={(due) => onChange({ due })}
          error={errors.fields["firstAction.dueAt"]}
          disabled={disabled}
        />
      </CardBody>
    </Card>
  );
}
