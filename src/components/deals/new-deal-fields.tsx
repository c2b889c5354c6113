"use client";

import type { ActionForm } from "@/components/forms/use-action-form";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { minorDigits, parseMoneyToMinor } from "@/lib/money";

import { StageOptions } from "./stage-options";

export type Person = { id: string; name: string };

type NewDealFieldsProps = {
  form: ActionForm;
  org: { currency: string; locale: string };
  /** Open stages only: a deal is born open. */
  stages: { id: string; name: string; probability: number }[];
  /** Members a manager or admin may assign; null for reps, who always own what they create. */
  owners: Person[] | null;
  me: Person;
  sectors: string[];
  /** What is typed so far, for the amount's preview and the stage's probability. */
  typed: { value?: string; stageId?: string };
  disabled: boolean;
};

/** The deal's own fields; every input is named after its key in createDealSchema. */
export function NewDealFields({ form, org, stages, owners, me, sectors, typed, disabled }: NewDealFieldsProps) {
  const stage = stages.find((s) => s.id === typed.stageId) ?? stages[0];
  const valuePreview = previewMoney(typed.value ?? "", org.currency, org.locale);
  return (
    <Card>
      <CardHeader title="Deal" description="Who it is with, what it is worth and where it stands." />
      <CardBody className="grid gap-5 sm:grid-cols-2">
        <Field label="Title" {...form.field("title")} className="sm:col-span-2">
          {(c) => <Input {...c} maxLength={200} autoFocus disabled={disabled} placeholder="Weekly office cleaning" />}
        </Field>
        <Field label="Contact" {...form.field("contactName")} hint="The company or person the deal is with." className="sm:col-span-2">
          {(c) => <Input {...c} maxLength={200} disabled={disabled} />}
        </Field>
        <Field label={`Value (${org.currency})`} {...form.field("value")} hint={valuePreview ?? "For example 12500 or 12 500,50"}>
          {(c) => <Input {...c} inputMode="decimal" autoComplete="off" disabled={disabled} />}
        </Field>
        <Field label="Stage" {...form.field("stageId")}>
          {(c) => (
            <Select {...c} defaultValue={stages[0]?.id} disabled={disabled}>
              <StageOptions stages={stages} />
            </Select>
          )}
        </Field>
        <Field label="Probability (%)" {...form.field("probability")} hint="Leave it empty to use the stage's. Type to override.">
          {/* Empty means "the stage's": the placeholder shows what that is. */}
          {(c) => (
            <Input
              {...c}
              type="number"
              min={0}
              max={100}
              step={1}
              inputMode="numeric"
              placeholder={stage ? String(stage.probability) : undefined}
              disabled={disabled}
            />
          )}
        </Field>
        {owners ? (
          <Field label="Owner" {...form.field("ownerId")}>
            {(c) => (
              <Select {...c} defaultValue={me.id} disabled={disabled}>
                {owners.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.id === me.id ? `${o.name} (you)` : o.name}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        ) : (
          <Field label="Owner" hint="Deals you create are yours; a manager can reassign them.">
            {(c) => <Input {...c} value={`${me.name} (you)`} readOnly />}
          </Field>
        )}
        <Field label="Sector" {...form.field("sector")} hint="Optional. Pick an existing one or type a new one.">
          {(c) => <Input {...c} list="new-deal-sectors" maxLength={80} disabled={disabled} />}
        </Field>
        <datalist id="new-deal-sectors">
          {sectors.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
        <Field label="Source" {...form.field("source")} hint="Optional. Referral, website, trade fair…">
          {(c) => <Input {...c} maxLength={80} disabled={disabled} />}
        </Field>
        <Field label="Expected close date" {...form.field("expectedCloseDate")} hint="Optional.">
          {(c) => <Input {...c} type="date" disabled={disabled} />}
        </Field>
      </CardBody>
    </Card>
  );
}

/** "= 12.500,50 kr." under the amount, so the user sees how "12.500" or "12 500,50" was read. */
function previewMoney(text: string, currency: string, locale: string): string | null {
  if (!text.trim()) return null;
  const minor = parseMoneyToMinor(text, currency);
  if (minor === null || minor < 0) return null;
  const digits = minorDigits(currency);
  return `= ${new Intl.NumberFormat(locale, { style: "currency", currency, minimumFractionDigits: minor % 10 ** digits === 0 ? 0 : digits }).format(minor / 10 ** digits)}`;
}
