"use client";

import { type FormEvent, useRef, useState } from "react";

import { updateOrgSettingsAction } from "@/actions/organization";
import { FormAlert } from "@/components/forms/form-messages";
import { useActionForm } from "@/components/forms/use-action-form";
import { useFormDraft } from "@/components/forms/use-form-draft";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardFooter } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { type OrgSettingsInput, orgSettingsSchema } from "@/lib/schemas/organization";

import { CurrencyChangeDialog } from "./currency-change-dialog";
import { type Option, OrgRegionalFields } from "./org-regional-fields";
import { OrgSalesFields } from "./org-sales-fields";
import { SettingsSection } from "./settings-section";

/** The stored settings as the form shows them: text, exactly as it is edited. */
export type OrgSettingsValues = {
  name: string;
  currency: string;
  locale: string;
  timeZone: string;
  defaultTaxRate: string;
  saleNumberPrefix: string;
};

type OrgSettingsFormProps = {
  orgSlug: string;
  initial: OrgSettingsValues;
  currencyOptions: Option[];
  localeOptions: Option[];
  timeZones: string[];
  /** Null when the user may edit; otherwise why the form is read-only. */
  readOnlyReason: string | null;
  /** The current year in the org's time zone, for the sale-number example. */
  year: string;
};

/**
 * The form starts over from the stored values whenever they change (the action revalidates the
 * page, so a save brings them back normalised: "25,5" as 25.5, the prefix in capitals) and on
 * Discard: every control, selects included, then shows what is stored, with no error left over.
 */
export function OrgSettingsForm(props: OrgSettingsFormProps) {
  const [discards, setDiscards] = useState(0);
  return <OrgSettingsFields key={`${discards}:${JSON.stringify(props.initial)}`} {...props} onDiscard={() => setDiscards((n) => n + 1)} />;
}

function OrgSettingsFields({
  orgSlug,
  initial,
  readOnlyReason,
  year,
  onDiscard,
  ...options
}: OrgSettingsFormProps & { onDiscard: () => void }) {
  const form = useActionForm<OrgSettingsInput>({
    action: (input) => updateOrgSettingsAction(orgSlug, input),
    schema: orgSettingsSchema,
    successToast: "Settings saved",
    onSuccess: (_, input) => draft.markSaved(input),
  });
  const draft = useFormDraft(form.formProps.ref);
  const currency = useCurrencyConfirmation(initial.currency, form.formProps.onSubmit, form.submit);
  const readOnly = readOnlyReason !== null;
  const prefix = typeof draft.values?.saleNumberPrefix === "string" ? draft.values.saleNumberPrefix : initial.saleNumberPrefix;

  return (
    <form {...form.formProps} onSubmit={currency.onSubmit} onChange={draft.onChange} aria-label="Organization settings">
      <CurrencyChangeDialog change={currency.change} onConfirm={currency.confirm} onCancel={currency.cancel} />
      <Card>
        {readOnly ? (
          <Alert tone="info" live={false} className="mx-5 mt-5">
            {readOnlyReason}
          </Alert>
        ) : null}
        <FormAlert form={form} className="mx-5 mt-5" />

        <fieldset disabled={readOnly || form.pending} className="contents">
          <SettingsSection title="General" description="The name everyone in the organization sees.">
            <Field label="Organization name" {...form.field("name")}>
              {(control) => <Input {...control} autoComplete="organization" defaultValue={initial.name} />}
            </Field>
          </SettingsSection>
          <SettingsSection
            title="Regional"
            description="Amounts are shown in the currency and locale; “today” is computed in the time zone."
          >
            <OrgRegionalFields form={form} initial={initial} {...options} />
          </SettingsSection>
          <SettingsSection title="Sales" description="Defaults for new quotes and sales." last>
            <OrgSalesFields form={form} initial={initial} prefix={prefix} year={year} />
          </SettingsSection>
        </fieldset>

        {readOnly ? null : (
          <CardFooter>
            {draft.dirty ? <span className="mr-auto text-xs text-zinc-500 dark:text-zinc-400">You have unsaved changes.</span> : null}
            <Button variant="ghost" disabled={!draft.dirty || form.pending} onClick={onDiscard}>
              Discard
            </Button>
            <Button type="submit" pending={form.pending}>
              {form.pending ? "Saving…" : "Save changes"}
            </Button>
          </CardFooter>
        )}
      </Card>
    </form>
  );
}

/**
 * A save that changes the currency first asks (CurrencyChangeDialog); confirming submits the form
 * again, this time straight through. Any other save goes straight through.
 */
function useCurrencyConfirmation(stored: string, submitForm: (event: FormEvent<HTMLFormElement>) => void, resubmit: () => void) {
  const [change, setChange] = useState<{ from: string; to: string } | null>(null);
  const confirmed = useRef(false);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const next = new FormData(event.currentTarget).get("currency");
    if (typeof next === "string" && next !== stored && !confirmed.current) {
      event.preventDefault();
      setChange({ from: stored, to: next });
      return;
    }
    confirmed.current = false;
    submitForm(event);
  };
  return {
    change,
    onSubmit,
    confirm: () => {
      confirmed.current = true;
      setChange(null);
      resubmit();
    },
    cancel: () => setChange(null),
  };
}
