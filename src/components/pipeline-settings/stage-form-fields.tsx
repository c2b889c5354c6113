"use client";

import { z } from "zod";

import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { stageFieldsSchema } from "@/lib/schemas/pipeline";

/** A stage's editable values, kept as typed (strings); the shared zod schema parses them. */
export type StageValues = { name: string; probability: string; staleAfterDays: string };
export type StageErrors = Partial<Record<keyof StageValues, string[]>>;

/** Validates with the action's own schema; on success returns the values as the server will store them. */
export function checkStage(values: StageValues): { errors: StageErrors } | { normalized: StageValues } {
  const parsed = stageFieldsSchema.safeParse(values);
  if (!parsed.success) return { errors: z.flattenError(parsed.error).fieldErrors as StageErrors };
  const { name, probability, staleAfterDays } = parsed.data;
  return { normalized: { name, probability: String(probability), staleAfterDays: String(staleAfterDays) } };
}

type StageFormFieldsProps = {
  values: StageValues;
  errors: StageErrors;
  onChange: (key: keyof StageValues, value: string) => void;
  /** Won is always 100 % and Lost 0 %: shown, not editable. */
  probabilityFixed?: boolean;
  /** Distinguishes the fields of one row from another's for screen readers ("Lead name"). */
  labelPrefix?: string;
};

/** Name, probability and stale threshold: the same three fields for editing a stage and adding one. */
export function StageFormFields({ values, errors, onChange, probabilityFixed = false, labelPrefix }: StageFormFieldsProps) {
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
      <Field label={label("Name")} error={errors.name}>
        {(control) => (
          <Input
            {...control}
            name="name"
            maxLength={40}
            autoComplete="off"
            value={values.name}
            onChange={(e) => onChange("name", e.target.value)}
          />
        )}
      </Field>
      <Field label={label("Probability")} error={errors.probability} hint={probabilityFixed ? "Fixed" : undefined}>
        {(control) => (
          <Suffixed suffix="%">
            <Input
              {...control}
              name="probability"
              inputMode="numeric"
              autoComplete="off"
              className="pr-8"
              readOnly={probabilityFixed}
              value={values.probability}
              onChange={(e) => onChange("probability", e.target.value)}
            />
          </Suffixed>
        )}
      </Field>
      <Field label={label("Stale after")} error={errors.staleAfterDays}>
        {(control) => (
          <Suffixed suffix="days">
            <Input
              {...control}
              name="staleAfterDays"
              inputMode="numeric"
              autoComplete="off"
              className="pr-12"
              value={values.staleAfterDays}
              onChange={(e) => onChange("staleAfterDays", e.target.value)}
            />
          </Suffixed>
        )}
      </Field>
    </div>
  );
}

function Suffixed({ suffix, children }: { suffix: string; children: React.ReactNode }) {
  return (
    <div className="relative">
      {children}
      <span aria-hidden className="pointer-events-none absolute top-1/2 right-3 -translate-y-1/2 text-sm text-zinc-500 dark:text-zinc-400">
        {suffix}
      </span>
    </div>
  );
}
