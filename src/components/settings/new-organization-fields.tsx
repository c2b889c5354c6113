"use client";

import { useEffect, useRef } from "react";

import type { ActionForm } from "@/components/forms/use-action-form";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

import { browserTimeZone } from "./org-display";
import { type Option, OrgRegionalFields } from "./org-regional-fields";

export type RegionalOptions = { currencyOptions: Option[]; localeOptions: Option[]; timeZones: string[] };

type NewOrganizationFieldsProps = RegionalOptions & {
  form: Pick<ActionForm, "field">;
  /** Focus the name on mount (a dialog's first field). */
  autoFocus?: boolean;
};

/**
 * A new organization's name, currency, locale and time zone, as the settings form asks them (the
 * same fields, names and lists), for the setup page and the org switcher's "Create organization".
 * The time zone starts as the browser's own, filled in after mount so the server's HTML matches.
 */
export function NewOrganizationFields({ form, autoFocus, ...options }: NewOrganizationFieldsProps) {
  const rootRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const input = rootRef.current?.querySelector<HTMLInputElement>('input[name="timeZone"]');
    const zone = browserTimeZone();
    // "UTC" is a valid zone that Intl's list of region zones leaves out.
    if (input && !input.value && zone) input.value = zone;
  }, []);

  return (
    <div ref={rootRef} className="space-y-5">
      <Field label="Organization name" {...form.field("name")}>
        {(control) => <Input {...control} autoComplete="organization" autoFocus={autoFocus} />}
      </Field>
      <OrgRegionalFields form={form} initial={{ currency: "EUR", locale: "en-GB", timeZone: "" }} {...options} />
    </div>
  );
}
