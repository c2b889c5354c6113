"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, type ReactNode, useId, useRef, useState, useTransition } from "react";
import { toast } from "sonner";

import { updateOrgSettingsAction } from "@/actions/organization";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardFooter } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { type OrgSettingsInput, orgSettingsSchema } from "@/lib/schemas/organization";

/** Everything is edited as text, exactly as typed; the shared zod schema coerces and normalises. */
export type OrgSettingsValues = {
  name: string;
  currency: string;
  locale: string;
  timeZone: string;
  defaultTaxRate: string;
  saleNumberPrefix: string;
};

type FieldName = keyof OrgSettingsValues;
type FieldErrors = Partial<Record<FieldName, string[]>>;
type Option = { value: string; label: string };

type OrgSettingsFormProps = {
  orgSlug: string;
  initial: OrgSettingsValues;
  currencyOptions: Option[];
  localeOptions: Option[];
  timeZones: string[];
  /** Null when the user may edit; otherwise why the form is read-only. */
  readOnlyReason: string | null;
  /** The current year in the org's time zone, for the sale-number example (server-computed, so it hydrates identically). */
  year: string;
};

const FIELD_NAMES: FieldName[] = ["name", "currency", "locale", "timeZone", "defaultTaxRate", "saleNumberPrefix"];

/** Danish and French users type "25,5"; the schema expects a JS number string. */
function normalize(values: OrgSettingsValues): OrgSettingsValues {
  return { ...values, defaultTaxRate: values.defaultTaxRate.trim().replace(",", ".") };
}

function validate(values: OrgSettingsValues): { errors: FieldErrors } | { normalized: OrgSettingsValues } {
  const parsed = orgSettingsSchema.safeParse(values);
  const errors: FieldErrors = parsed.success ? {} : (parsedFieldErrors(parsed.error) as FieldErrors);
  // z.coerce.number() turns "" into 0, which would silently save a 0 % tax rate.
  if (values.defaultTaxRate === "") errors.defaultTaxRate = ["Enter a tax rate"];
  if (!parsed.success || Object.keys(errors).length > 0) return { errors };
  const d = parsed.data;
  return {
    normalized: {
      name: d.name,
      currency: d.currency,
      locale: d.locale,
      timeZone: d.timeZone,
      defaultTaxRate: String(d.defaultTaxRate / 100),
      saleNumberPrefix: d.saleNumberPrefix,
    },
  };
}

function parsedFieldErrors(error: { issues: { path: PropertyKey[]; message: string }[] }): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "");
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

export function OrgSettingsForm({
  orgSlug,
  initial,
  currencyOptions,
  localeOptions,
  timeZones,
  readOnlyReason,
  year,
}: OrgSettingsFormProps) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const timeZoneListId = useId();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const readOnly = readOnlyReason !== null;
  const dirty = FIELD_NAMES.some((key) => values[key] !== initial[key]);

  function update(key: FieldName, value: string) {
    setValues((current) => ({ ...current, [key]: value }));
    // Clear a field's error as soon as the user edits it; the next submit re-validates everything.
    if (errors[key]) setErrors((current) => ({ ...current, [key]: undefined }));
  }

  function focusFirstInvalid() {
    // After React commits the new aria-invalid attributes.
    requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (readOnly) return;
    const payload = normalize(values);
    const checked = validate(payload);
    if ("errors" in checked) {
      setErrors(checked.errors);
      setFormError(null);
      focusFirstInvalid();
      return;
    }
    startTransition(async () => {
      // Send the raw strings (validated above, hence the cast): the action parses them with the same
      // schema, which turns the percentage into basis points; sending parsed data would convert twice.
      const result = await updateOrgSettingsAction(orgSlug, payload as OrgSettingsInput);
      if (!result.ok) {
        setErrors((result.fieldErrors ?? {}) as FieldErrors);
        setFormError(result.fieldErrors ? null : result.message);
        toast.error(result.message);
        if (result.fieldErrors) focusFirstInvalid();
        return;
      }
      setErrors({});
      setFormError(null);
      setValues(checked.normalized);
      toast.success("Settings saved");
      router.refresh();
    });
  }

  // Keep an unexpected stored value selectable rather than silently showing the first option.
  const currencies = withCurrent(currencyOptions, initial.currency);
  const locales = withCurrent(localeOptions, initial.locale);

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label="Organization settings">
      <Card>
        {readOnly ? (
          <div className="px-5 pt-5">
            <Alert tone="info" live={false}>
              {readOnlyReason}
            </Alert>
          </div>
        ) : null}
        {formError ? (
          <div className="px-5 pt-5">
            <Alert tone="error">{formError}</Alert>
          </div>
        ) : null}

        <fieldset disabled={readOnly || pending} className="contents">
          <Section title="General" description="The name everyone in the organization sees.">
            <Field label="Organization name" error={errors.name}>
              {(control) => (
                <Input
                  {...control}
                  name="name"
                  autoComplete="organization"
                  value={values.name}
                  onChange={(e) => update("name", e.target.value)}
                />
              )}
            </Field>
          </Section>

          <Section title="Regional" description="Amounts are shown in the currency and locale; “today” is computed in the time zone.">
            <div className="grid gap-5 sm:grid-cols-2">
              <Field label="Currency" error={errors.currency}>
                {(control) => (
                  <Select {...control} name="currency" value={values.currency} onChange={(e) => update("currency", e.target.value)}>
                    {currencies.map((option) => (
                      <option key={option.value} value={option.value}>
                        {option.label}
                      </option>
                    ))}
                  </Select>
                )}
              </Field>
              <Field label="Locale" error={errors.locale} hint="Number and date formats.">
                {(control) => (
                  <Select {...control} name="locale" value={values.locale} onChange={(e) => update("locale", e.target.value)}>
                    {locales.map((option) => (
                      <option key={option.value} value={option.value}>
                        {option.label}
                      </option>
                    ))}
                  </Select>
                )}
              </Field>
              <Field
                label="Time zone"
                error={errors.timeZone}
                hint="An IANA name, e.g. Europe/Copenhagen. Start typing to search."
                className="sm:col-span-2"
              >
                {(control) => (
                  <>
                    <Input
                      {...control}
                      name="timeZone"
                      list={timeZoneListId}
                      autoComplete="off"
                      spellCheck={false}
                      value={values.timeZone}
                      onChange={(e) => update("timeZone", e.target.value)}
                    />
                    <datalist id={timeZoneListId}>
                      {timeZones.map((tz) => (
                        <option key={tz} value={tz} />
                      ))}
                    </datalist>
                  </>
                )}
              </Field>
            </div>
          </Section>

          <Section title="Sales" description="Defaults for new quotes and sales." last>
            <div className="grid gap-5 sm:grid-cols-2">
              <Field label="Default tax rate" error={errors.defaultTaxRate} hint="Applied to new sale lines; up to two decimals.">
                {(control) => (
                  <div className="relative">
                    <Input
                      {...control}
                      name="defaultTaxRate"
                      inputMode="decimal"
                      autoComplete="off"
                      className="pr-8"
                      value={values.defaultTaxRate}
                      onChange={(e) => update("defaultTaxRate", e.target.value)}
                    />
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
                error={errors.saleNumberPrefix}
                hint={`1–8 letters or digits. Sale numbers look like ${(values.saleNumberPrefix.trim() || "S").toUpperCase()}-${year}-0001.`}
              >
                {(control) => (
                  <Input
                    {...control}
                    name="saleNumberPrefix"
                    autoComplete="off"
                    spellCheck={false}
                    maxLength={8}
                    className="uppercase"
                    value={values.saleNumberPrefix}
                    onChange={(e) => update("saleNumberPrefix", e.target.value)}
                  />
                )}
              </Field>
            </div>
          </Section>
        </fieldset>

        {readOnly ? null : (
          <CardFooter>
            {dirty ? <span className="mr-auto text-xs text-zinc-500 dark:text-zinc-400">You have unsaved changes.</span> : null}
            <Button
              variant="ghost"
              disabled={!dirty || pending}
              onClick={() => {
                setValues(initial);
                setErrors({});
                setFormError(null);
              }}
            >
              Discard
            </Button>
            <Button type="submit" pending={pending}>
              {pending ? "Saving…" : "Save changes"}
            </Button>
          </CardFooter>
        )}
      </Card>
    </form>
  );
}

function withCurrent(options: Option[], current: string): Option[] {
  return options.some((o) => o.value === current) ? options : [{ value: current, label: current }, ...options];
}

function Section({ title, description, last, children }: { title: string; description: string; last?: boolean; children: ReactNode }) {
  return (
    <div className={last ? "px-5 py-5" : "border-b border-zinc-200 px-5 py-5 dark:border-zinc-800"}>
      <div className="grid gap-5 md:grid-cols-3">
        <div className="space-y-1">
          <h2 className="text-sm font-semibold text-zinc-900 dark:text-zinc-100">{title}</h2>
          <p className="text-sm text-zinc-500 dark:text-zinc-400">{description}</p>
        </div>
        <div className="md:col-span-2">{children}</div>
      </div>
    </div>
  );
}
