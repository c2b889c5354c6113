"use client";

import type { ActionForm } from "@/components/forms/use-action-form";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

type OrgSalesFieldsProps = {
  form: Pick<ActionForm, "field">;
  initial: { defaultTaxRate: string; saleNumberPrefix: string };
  /** The prefix as typed so far, for the example sale number. */
  prefix: string;
  /** The current year in the org's time zone (server-computed, so it hydrates identically). */
  year: string;
};

/** Defaults for new quotes and sales: the tax rate ("25,5" is fine: the schema reads a decimal comma) and the sale-number prefix. */
export function OrgSalesFields({ form, initial, prefix, year }: OrgSalesFieldsProps) {
  return (
    <div className="grid gap-5 sm:grid-cols-2">
      <Field label="Default tax rate" {...form.field("defaultTaxRate")} hint="Applied to new sale lines; up to two decimals.">
        {(control) => (
          <div className="relative">
            <Input {...control} inputMode="decimal" autoComplete="off" className="pr-8" defaultValue={initial.defaultTaxRate} />
            <span
              aria-hidden
              className="pointer-events-none absolute top-1/2 right-3 -translate-y-1/2 text-sm text-zinc-500 dark:text-zinc-400"
            >
              %
            </span>
          </div>
        )}
      </Field>
      <Field
        label="Sale-number prefix"
        {...form.field("saleNumberPrefix")}
        hint={`1–8 letters or digits. Sale numbers look like ${(prefix.trim() || "S").toUpperCase()}-${year}-0001.`}
      >
        {(control) => (
          <Input
            {...control}
            autoComplete="off"
            spellCheck={false}
            maxLength={8}
            className="uppercase"
            defaultValue={initial.saleNumberPrefix}
          />
        )}
      </Field>
    </div>
  );
}
