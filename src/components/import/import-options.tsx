"use client";

import { clsx } from "clsx";

import type { ActionForm } from "@/components/forms/use-action-form";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { DUE_PRESET_LABELS, type DuePreset } from "@/lib/dates/due-presets";
import { IMPORT_MODE_LABELS, IMPORT_MODES, type ImportMode, type UnknownOwnerPolicy } from "@/lib/import/fields";
import { ACTION_TYPE_LABELS, ACTION_TYPES } from "@/lib/schemas/deals";
import type { ImportOptions } from "@/lib/schemas/imports";

export type OptionsDraft = Omit<ImportOptions, "mapping">;

type ImportOptionsProps = {
  form: Pick<ActionForm, "field">;
  /** The options as last saved (or the defaults): the controls start from them. */
  defaults: OptionsDraft;
  disabled?: boolean;
  meName: string;
  /** Each open stage's first next step (pipeline settings, or suggested by its name). */
  firstSteps: { stage: string; step: string }[];
};

const DUE_PRESETS = Object.keys(DUE_PRESET_LABELS) as DuePreset[];

function RadioCard({
  name,
  value,
  defaultChecked,
  label,
  hint,
  disabled,
}: {
  name: string;
  value: string;
  defaultChecked: boolean;
  label: string;
  hint: string;
  disabled?: boolean;
}) {
  return (
    <label
      className={clsx(
        "flex cursor-pointer gap-3 rounded-lg border px-3 py-2.5 text-sm transition-colors",
        "has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-brand-500",
        // Styled from the radio's own state (uncontrolled), not from a prop.
        "border-zinc-300 not-has-checked:hover:bg-zinc-50 dark:border-zinc-700 dark:not-has-checked:hover:bg-zinc-800",
        "has-checked:border-brand-600 has-checked:bg-brand-50 dark:has-checked:border-brand-400 dark:has-checked:bg-brand-950/60",
        disabled && "cursor-not-allowed opacity-60",
      )}
    >
      <input
        type="radio"
        name={name}
        value={value}
        defaultChecked={defaultChecked}
        disabled={disabled}
        className="mt-0.5 accent-brand-600"
      />
      <span>
        <span className="block font-medium text-zinc-900 dark:text-zinc-100">{label}</span>
        <span className="block text-xs text-zinc-600 dark:text-zinc-400">{hint}</span>
      </span>
    </label>
  );
}

/** How duplicates are handled, what unknown owners become, and the first next action of every open deal. */
export function ImportOptionsFields({ form, defaults, disabled, meName, firstSteps }: ImportOptionsProps) {
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <fieldset className="space-y-2">
        <legend className="mb-1 text-sm font-medium text-zinc-800 dark:text-zinc-200">Rows that match an existing deal</legend>
        <p className="text-xs text-zinc-500 dark:text-zinc-400">
          A match is the same client (any case) with the same title or the same amount.
        </p>
        {IMPORT_MODES.map((mode: ImportMode) => (
          <RadioCard
            key={mode}
            name="mode"
            value={mode}
            defaultChecked={defaults.mode === mode}
            disabled={disabled}
            label={IMPORT_MODE_LABELS[mode].label}
            hint={IMPORT_MODE_LABELS[mode].hint}
          />
        ))}
      </fieldset>
      <div className="space-y-6">
        <fieldset className="space-y-2">
          <legend className="mb-1 text-sm font-medium text-zinc-800 dark:text-zinc-200">Owners who are not members</legend>
          {(["error", "me"] as UnknownOwnerPolicy[]).map((policy) => (
            <RadioCard
              key={policy}
              name="unknownOwner"
              value={policy}
              defaultChecked={defaults.unknownOwner === policy}
              disabled={disabled}
              label={policy === "error" ? "Report the row as invalid" : `Assign the deal to me (${meName})`}
              hint={policy === "error" ? "You can fix the file and upload it again." : "Rows without an owner are always yours."}
            />
          ))}
        </fieldset>
        <fieldset className="space-y-3">
          <legend className="text-sm font-medium text-zinc-800 dark:text-zinc-200">First next action of each open deal</legend>
          <p className="text-xs text-zinc-500 dark:text-zinc-400">
            Owned by the deal’s owner. Won and lost deals get none. Notes are added to it. What it says follows the deal’s stage (an admin
            can change it in the pipeline settings):
          </p>
          <ul className="space-y-0.5 text-xs text-zinc-600 dark:text-zinc-400" aria-label="First next action by stage">
            {firstSteps.map((s) => (
              <li key={s.stage}>
                <span className="font-medium text-zinc-800 dark:text-zinc-200">{s.stage}</span>: {s.step}
              </li>
            ))}
          </ul>
          <div className="grid gap-3 sm:grid-cols-2">
            <Field label="Type" {...form.field("firstAction.type")}>
              {(c) => (
                <Select {...c} defaultValue={defaults.firstAction.type} disabled={disabled}>
                  {ACTION_TYPES.map((t) => (
                    <option key={t} value={t}>
                      {ACTION_TYPE_LABELS[t]}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
            <Field label="Due" {...form.field("firstAction.due")}>
              {(c) => (
                <Select {...c} defaultValue={defaults.firstAction.due} disabled={disabled}>
                  {DUE_PRESETS.map((p) => (
                    <option key={p} value={p}>
                      {DUE_PRESET_LABELS[p]}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
            <Field label="What to do in a stage without its own" {...form.field("firstAction.details")} className="sm:col-span-2">
              {(c) => <Input {...c} defaultValue={defaults.firstAction.details} maxLength={200} disabled={disabled} />}
            </Field>
          </div>
        </fieldset>
      </div>
    </div>
  );
}
