"use client";

import { Plus } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, useRef, useState, useTransition } from "react";
import { toast } from "sonner";

import { createDealAction } from "@/actions/deals";
import { DEFAULT_DUE, resolveDue } from "@/components/next-steps/due-choice";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { minorDigits, parseMoneyToMinor } from "@/lib/money";
import { type CreateDealInput, createDealSchema } from "@/lib/schemas/deals";

import { firstErrorField, hasErrors, issuesToErrors, type NewDealErrors, resultToErrors } from "./new-deal-errors";
import { NewDealNextAction, type NextActionDraft } from "./new-deal-next-action";

type Person = { id: string; name: string };

type NewDealFormProps = {
  orgSlug: string;
  org: { currency: string; locale: string; timeZone: string };
  /** Open stages only: a deal is born open. */
  stages: { id: string; name: string; probability: number }[];
  /** Members a manager or admin may assign; null for reps, who always own what they create. */
  owners: Person[] | null;
  me: Person;
  sectors: string[];
};

const NO_ERRORS: NewDealErrors = { fields: {}, nextAction: [], general: [] };

export function NewDealForm({ orgSlug, org, stages, owners, me, sectors }: NewDealFormProps) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [deal, setDeal] = useState({
    title: "",
    contactName: "",
    value: "",
    stageId: stages[0]?.id ?? "",
    ownerId: me.id,
    sector: "",
    source: "",
    expectedCloseDate: "",
  });
  // Probability follows the stage until the user types their own.
  const [probability, setProbability] = useState<string | null>(null);
  const [action, setAction] = useState<NextActionDraft>({ type: "call", details: "", due: DEFAULT_DUE });
  const [errors, setErrors] = useState<NewDealErrors>(NO_ERRORS);
  const [pending, startTransition] = useTransition();
  const [leaving, setLeaving] = useState(false);
  const busy = pending || leaving;

  const stage = stages.find((s) => s.id === deal.stageId);
  const shownProbability = probability ?? String(stage?.probability ?? "");
  const owner = owners?.find((o) => o.id === deal.ownerId) ?? me;
  const err = errors.fields;

  function edit<K extends keyof typeof deal>(key: K, value: (typeof deal)[K]) {
    setDeal((d) => ({ ...d, [key]: value }));
    if (err[key as keyof typeof err]) setErrors((e) => ({ ...e, fields: { ...e.fields, [key]: undefined } }));
  }

  function editAction(patch: Partial<NextActionDraft>) {
    setAction((a) => ({ ...a, ...patch }));
    const touched = Object.keys(patch).map((k) => `firstAction.${k === "due" ? "dueAt" : k}`);
    setErrors((e) => ({
      ...e,
      nextAction: [],
      fields: Object.fromEntries(Object.entries(e.fields).filter(([k]) => !touched.includes(k))),
    }));
  }

  function show(next: NewDealErrors) {
    setErrors(next);
    const field = firstErrorField(next) ?? (next.nextAction.length > 0 ? "firstAction.details" : null);
    const el = field ? formRef.current?.querySelector<HTMLElement>(`[data-field="${field}"]`) : null;
    // A fieldset is not focusable: focus its first control instead.
    const target = el?.matches("fieldset") ? el.querySelector<HTMLElement>("input, button") : el;
    target?.focus();
  }

  function buildInput(): CreateDealInput {
    const dueAt = resolveDue(action.due, new Date(), org.timeZone);
    return {
      title: deal.title,
      contactName: deal.contactName,
      value: deal.value,
      stageId: deal.stageId,
      ownerId: owners ? deal.ownerId : null,
      probability: probability === null || probability.trim() === "" ? null : Number(probability),
      sector: deal.sector,
      source: deal.source,
      expectedCloseDate: deal.expectedCloseDate || null,
      firstAction: { type: action.type, details: action.details, dueAt: dueAt ? dueAt.toISOString() : "" },
    };
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = buildInput();
    const parsed = createDealSchema.safeParse(input);
    if (!parsed.success) return show(issuesToErrors(parsed.error.issues));
    setErrors(NO_ERRORS);
    startTransition(async () => {
      // The raw input, not parsed.data: the action parses it again (and the amount is still text).
      const result = await createDealAction(orgSlug, input).catch(() => null);
      if (!result) return show({ ...NO_ERRORS, general: ["Could not reach the server. Check your connection and try again."] });
      if (!result.ok) {
        const mapped = resultToErrors(result.fieldErrors, input.firstAction);
        return show(hasErrors(mapped) ? mapped : { ...NO_ERRORS, general: [result.message] });
      }
      setLeaving(true);
      toast.success(`Deal “${parsed.data.title}” created`, { description: `Next: ${parsed.data.firstAction.details}` });
      router.push(`/${orgSlug}/deals/${result.data.dealId}`);
    });
  }

  const valuePreview = previewMoney(deal.value, org.currency, org.locale);

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label="New deal" className="space-y-6">
      {errors.general.length > 0 ? (
        <Alert tone="error" title="The deal was not created.">
          {errors.general.join(" ")}
        </Alert>
      ) : null}
      <Card>
        <CardHeader title="Deal" description="Who it is with, what it is worth and where it stands." />
        <CardBody className="grid gap-5 sm:grid-cols-2">
          <Field label="Title" error={err.title} className="sm:col-span-2">
            {(c) => (
              <Input
                {...c}
                data-field="title"
                name="title"
                value={deal.title}
                maxLength={200}
                autoFocus
                disabled={busy}
                onChange={(e) => edit("title", e.target.value)}
                placeholder="Weekly office cleaning"
              />
            )}
          </Field>
          <Field label="Contact" error={err.contactName} hint="The company or person the deal is with." className="sm:col-span-2">
            {(c) => (
              <Input
                {...c}
                data-field="contactName"
                name="contactName"
                value={deal.contactName}
                maxLength={200}
                disabled={busy}
                onChange={(e) => edit("contactName", e.target.value)}
              />
            )}
          </Field>
          <Field label={`Value (${org.currency})`} error={err.value} hint={valuePreview ?? "For example 12500 or 12 500,50"}>
            {(c) => (
              <Input
                {...c}
                data-field="value"
                name="value"
                inputMode="decimal"
                autoComplete="off"
                value={deal.value}
                disabled={busy}
                onChange={(e) => edit("value", e.target.value)}
              />
            )}
          </Field>
          <Field label="Stage" error={err.stageId}>
            {(c) => (
              <Select
                {...c}
                data-field="stageId"
                name="stageId"
                value={deal.stageId}
                disabled={busy}
                onChange={(e) => edit("stageId", e.target.value)}
              >
                {stages.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name} ({s.probability} %)
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field
            label="Probability (%)"
            error={err.probability}
            hint={
              probability === null ? (
                `From the stage. Type to override.`
              ) : (
                <ResetProbability onReset={() => setProbability(null)} stageProbability={stage?.probability} />
              )
            }
          >
            {(c) => (
              <Input
                {...c}
                data-field="probability"
                name="probability"
                type="number"
                min={0}
                max={100}
                step={1}
                inputMode="numeric"
                value={shownProbability}
                disabled={busy}
                onChange={(e) => setProbability(e.target.value)}
              />
            )}
          </Field>
          {owners ? (
            <Field label="Owner" error={err.ownerId}>
              {(c) => (
                <Select
                  {...c}
                  data-field="ownerId"
                  name="ownerId"
                  value={deal.ownerId}
                  disabled={busy}
                  onChange={(e) => edit("ownerId", e.target.value)}
                >
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
          <Field label="Sector" error={err.sector} hint="Optional. Pick an existing one or type a new one.">
            {(c) => (
              <Input
                {...c}
                data-field="sector"
                name="sector"
                list="new-deal-sectors"
                maxLength={80}
                value={deal.sector}
                disabled={busy}
                onChange={(e) => edit("sector", e.target.value)}
              />
            )}
          </Field>
          <datalist id="new-deal-sectors">
            {sectors.map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
          <Field label="Source" error={err.source} hint="Optional. Referral, website, trade fair…">
            {(c) => (
              <Input
                {...c}
                data-field="source"
                name="source"
                maxLength={80}
                value={deal.source}
                disabled={busy}
                onChange={(e) => edit("source", e.target.value)}
              />
            )}
          </Field>
          <Field label="Expected close date" error={err.expectedCloseDate} hint="Optional.">
            {(c) => (
              <Input
                {...c}
                data-field="expectedCloseDate"
                name="expectedCloseDate"
                type="date"
                value={deal.expectedCloseDate}
                disabled={busy}
                onChange={(e) => edit("expectedCloseDate", e.target.value)}
              />
            )}
          </Field>
        </CardBody>
      </Card>

      <NewDealNextAction
        value={action}
        onChange={editAction}
        errors={errors}
        ownerLabel={owner.id === me.id ? "your" : `${owner.name}'s`}
        timeZone={org.timeZone}
        locale={org.locale}
        disabled={busy}
      />

      <div className="flex flex-wrap items-center justify-end gap-2">
        <Link href={`/${orgSlug}/deals`} className={buttonClasses("ghost")}>
          Cancel
        </Link>
        <Button type="submit" pending={busy} icon={<Plus aria-hidden className="size-4" />}>
          Create deal
        </Button>
      </div>
    </form>
  );
}

function ResetProbability({ onReset, stageProbability }: { onReset: () => void; stageProbability?: number }) {
  return (
    <>
      Your own estimate.{" "}
      <button type="button" onClick={onReset} className="font-medium text-brand-700 underline-offset-2 hover:underline dark:text-brand-300">
        Use the stage&apos;s {stageProbability} %
      </button>
    </>
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
