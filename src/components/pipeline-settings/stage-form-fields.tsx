"use client";

import type { ReactNode } from "react";

import type { ActionForm } from "@/components/forms/use-action-form";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

/** A stage's values as the form shows them (text); the shared zod schema parses them. */
export type StageValues = { name: string; probability: string; staleAfterDays: string; firstStep?: string };

type StageFormFieldsProps = {
  form: Pick<ActionForm, "field">;
  defaults: StageValues;
  /** Won is always 100 % and Lost 0 %: shown, not editable. */
  probabilityFixed?: boolean;
  /** Distinguishes the fields of one row from another's for screen readers ("Lead name"). */
  labelPrefix?: string;
};

/**
 * Name, probability and stale threshold: the same three fields for editing a stage and adding one;
 * an open stage being edited also has the first next step of the deals imported into it.
 */
export function StageFormFields({ form, defaults, probabilityFixed = false, labelPrefix }: StageFormFieldsProps) {
  const label = (text: string) =>
    labelPrefix ? (
      <>
        <span className="sr-only">{labelPrefix} </span>
        {text}
      </>
    ) : (
      text
    );
  return (
    <div className="grid gap-3 sm:grid-cols-[minmax(0,1fr)_7.5rem_8.5rem]">
      <Field label={label("Name")} {...form.field("name")}>
        {(control) => <Input {...control} maxLength={40} autoComplete="off" defaultValue={defaults.name} />}
      </Field>
      <Field label={label("Probability")} {...form.field("probability")} hint={probabilityFixed ? "Fixed" : undefined}>
        {(control) => (
          <Suffixed suffix="%">
            <Input
              {...control}
              inputMode="numeric"
              autoComplete="off"
              className="pr-8"
              readOnly={probabilityFixed}
              defaultValue={defaults.probability}
            />
          </Suffixed>
        )}
      </Field>
      <Field label={label("Stale after")} {...form.field("staleAfterDays")}>
        {(control) => (
          <Suffixed suffix="days">
            <Input {...control} inputMode="numeric" autoComplete="off" className="pr-12" defaultValue={defaults.staleAfterDays} />
          </Suffixed>
        )}
      </Field>
      {defaults.firstStep !== undefined ? (
        <Field
          label={label("First next action of imported deals")}
          {...form.field("firstStep")}
          hint="Planned for each deal an import brings into this stage. Blank: suggested from the stage's name."
          className="sm:col-span-3"
        >
          {(control) => <Input {...control} maxLength={200} autoComplete="off" defaultValue={defaults.firstStep} />}
        </Field>
      ) : null}
    </div>
  );
}

function Suffixed({ suffix, children }: { suffix: string; children: ReactNode }) {
  return (
    <div className="relative">
      {children}
      <span aria-hidden className="pointer-events-none absolute top-1/2 right-3 -translate-y-1/2 text-sm text-zinc-500 dark:text-zinc-400">
        {suffix}
      </span>
    </div>
  );
}
