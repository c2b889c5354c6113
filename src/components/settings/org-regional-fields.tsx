"use client";

import { useId } from "react";

import type { ActionForm } from "@/components/forms/use-action-form";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";

export type Option = { value: string; label: string };

type OrgRegionalFieldsProps = {
  form: Pick<ActionForm, "field">;
  initial: { currency: string; locale: string; timeZone: string };
  currencyOptions: Option[];
  localeOptions: Option[];
  timeZones: string[];
};

/** Currency, locale and time zone: how amounts and dates show, and when "today" is. */
export function OrgRegionalFields({ form, initial, currencyOptions, localeOptions, timeZones }: OrgRegionalFieldsProps) {
  const timeZoneListId = useId();
  return (
    <div className="grid gap-5 sm:grid-cols-2">
      <Field label="Currency" {...form.field("currency")}>
        {(control) => (
          <Select {...control} defaultValue={initial.currency}>
            <Options options={withCurrent(currencyOptions, initial.currency)} />
          </Select>
        )}
      </Field>
      <Field label="Locale" {...form.field("locale")} hint="Number and date formats.">
        {(control) => (
          <Select {...control} defaultValue={initial.locale}>
            <Options options={withCurrent(localeOptions, initial.locale)} />
          </Select>
        )}
      </Field>
      <Field
        label="Time zone"
        {...form.field("timeZone")}
        hint="An IANA name, e.g. Europe/Copenhagen. Start typing to search."
        className="sm:col-span-2"
      >
        {(control) => (
          <>
            <Input {...control} list={timeZoneListId} autoComplete="off" spellCheck={false} defaultValue={initial.timeZone} />
            <datalist id={timeZoneListId}>
              {timeZones.map((tz) => (
                <option key={tz} value={tz} />
              ))}
            </datalist>
          </>
        )}
      </Field>
    </div>
  );
}

function Options({ options }: { options: Option[] }) {
  return options.map((option) => (
    <option key={option.value} value={option.value}>
      {option.label}
    </option>
  ));
}

/** Keeps an unexpected stored value selectable rather than silently showing the first option. */
function withCurrent(options: Option[], current: string): Option[] {
  return options.some((o) => o.value === current) ? options : [{ value: current, label: current }, ...options];
}
