"use client";

import { useRouter } from "next/navigation";
import { useOptimistic, useTransition } from "react";

import { updateDealAction } from "@/actions/deals";
import { Card, CardHeader } from "@/components/ui/card";
import { formatDate } from "@/lib/dates/format";
import { formatMoney, minorToInput, parseMoneyToMinor } from "@/lib/money";

import { type DealPatchInput, InlineField } from "./inline-field";
import type { DealEditable, DealOrg, DealView, Person } from "./types";

type DealDetailsProps = { org: DealOrg; deal: DealView; editable: boolean; canReassign: boolean; people: Person[] };

/**
 * The deal's fields, each editable in place (InlineField, a one-field form on useActionForm). A
 * save shows the new value at once (useOptimistic, set in the save's transition), with a spinner
 * on the field. The action answers with its result only (no re-rendered page); on success the
 * page is read again in the same transition, so the new value and the spinner hold until the
 * fresh page (summary, timeline, stage default) lands with the server's values. If the server
 * refuses, the transition ends and React drops the optimistic value — the rollback — and the
 * field shows why.
 */
export function DealDetails({ org, deal, editable, canReassign, people }: DealDetailsProps) {
  const [shown, applyOptimistic] = useOptimistic<DealEditable, Partial<DealEditable>>(deal, (state, patch) => ({ ...state, ...patch }));
  const [, startTransition] = useTransition();
  const router = useRouter();

  /** What each field needs to save itself; `optimistic` maps the sent patch value to what is shown meanwhile. */
  function saving(field: string, optimistic: (value: unknown) => Partial<DealEditable>) {
    return {
      dealId: deal.id,
      field,
      editable,
      save: (input: DealPatchInput) => {
        applyOptimistic(optimistic(input.patch[field]));
        return updateDealAction(org.slug, input);
      },
    };
  }
  const text = (key: "title" | "contactName" | "sector" | "source" | "expectedCloseDate") =>
    saving(key, (value) => ({ [key]: typeof value === "string" && value.trim() ? value.trim() : null }));

  function resetProbability() {
    startTransition(async () => {
      applyOptimistic({ probability: deal.stageProbability });
      const result = await updateDealAction(org.slug, { dealId: deal.id, patch: { probability: null } });
      if (result.ok) startTransition(() => router.refresh());
    });
  }

  const notSet = "Not set";
  const owner = people.find((p) => p.id === shown.ownerId)?.name ?? (shown.ownerId === deal.ownerId ? deal.ownerName : shown.ownerName);
  const isStageDefault = shown.probability === deal.stageProbability;

  return (
    <Card>
      <CardHeader
        title="Details"
        description={editable ? "Select a value to change it. Enter saves, Escape cancels." : "Closed deals are locked."}
      />
      <dl className="divide-y divide-zinc-100 px-5 py-1 dark:divide-zinc-800">
        <InlineField label="Title" display={shown.title} draft={shown.title} inputProps={{ maxLength: 200 }} {...text("title")} />
        <InlineField
          label="Contact"
          display={shown.contactName}
          draft={shown.contactName}
          inputProps={{ maxLength: 200 }}
          {...text("contactName")}
        />
        <InlineField
          label="Value"
          type="money"
          display={formatMoney(shown.valueMinor, deal.currency, org.locale, { exact: true })}
          draft={minorToInput(shown.valueMinor, deal.currency)}
          {...saving("value", (value) => ({ valueMinor: parseMoneyToMinor(String(value), deal.currency) ?? shown.valueMinor }))}
        />
        <InlineField
          label="Owner"
          display={owner}
          draft={shown.ownerId}
          options={people.map((p) => ({ value: p.id, label: p.name }))}
          {...saving("ownerId", (id) => ({ ownerId: String(id), ownerName: people.find((p) => p.id === id)?.name ?? "" }))}
          editable={editable && canReassign}
        />
        <InlineField
          label="Probability"
          type="number"
          display={
            <>
              {shown.probability} %
              {isStageDefault ? <span className="ml-1.5 text-xs text-zinc-500 dark:text-zinc-400">(stage default)</span> : null}
            </>
          }
          draft={String(shown.probability)}
          inputProps={{ min: 0, max: 100 }}
          // Empty means "the stage's".
          toValue={(typed) => (typed.trim() === "" ? null : typed)}
          {...saving("probability", (value) => ({ probability: value === null ? deal.stageProbability : Number(value) }))}
          aside={
            editable && !isStageDefault ? (
              <button
                type="button"
                onClick={resetProbability}
                className="rounded text-xs font-medium text-brand-700 hover:text-brand-800 dark:text-brand-300 dark:hover:text-brand-200"
              >
                Reset to stage default ({deal.stageProbability} %)
              </button>
            ) : null
          }
        />
        <InlineField
          label="Sector"
          display={shown.sector ?? notSet}
          empty={!shown.sector}
          draft={shown.sector ?? ""}
          inputProps={{ maxLength: 80 }}
          {...text("sector")}
        />
        <InlineField
          label="Source"
          display={shown.source ?? notSet}
          empty={!shown.source}
          draft={shown.source ?? ""}
          inputProps={{ maxLength: 80 }}
          {...text("source")}
        />
        <InlineField
          label="Expected close"
          type="date"
          display={shown.expectedCloseDate ? formatDate(shown.expectedCloseDate, org.locale, org.timeZone) : notSet}
          empty={!shown.expectedCloseDate}
          draft={shown.expectedCloseDate ?? ""}
          {...text("expectedCloseDate")}
        />
      </dl>
    </Card>
  );
}
