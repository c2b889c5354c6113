"use client";

import { useRouter } from "next/navigation";
import { useOptimistic, useState, useTransition } from "react";

import { updateDealAction } from "@/actions/deals";
import { Card, CardHeader } from "@/components/ui/card";
import { formatDate } from "@/lib/dates/format";
import { formatMoney, minorToInput } from "@/lib/money";
import { dealFieldsSchema } from "@/lib/schemas/deals";

import { InlineField } from "./inline-field";
import type { DealEditable, DealOrg, DealView, Person } from "./types";

type Key = keyof DealEditable;
type DealDetailsProps = { org: DealOrg; deal: DealView; editable: boolean; canReassign: boolean; people: Person[] };

/** First zod message for one field, using the same schema as the server action. */
function check<K extends keyof typeof dealFieldsSchema.shape>(key: K, raw: unknown) {
  const parsed = dealFieldsSchema.shape[key].safeParse(raw);
  return parsed.success
    ? { ok: true as const, value: parsed.data }
    : { ok: false as const, message: parsed.error.issues[0]?.message ?? "Invalid value" };
}

const NOT_SAVING: Partial<Record<Key, number>> = {};

/**
 * The deal's fields, each editable in place. A save shows the new value at once (useOptimistic),
 * with a spinner on the field. The action answers with its result only (no re-rendered page); on
 * success the page is read again in the background — router.refresh() in the save's transition —
 * so the new value and the spinner hold until the fresh page (summary, timeline, stage default)
 * lands with the server's values. If the server refuses, the transition ends and React drops the
 * optimistic value — the rollback — and the field shows why.
 */
export function DealDetails({ org, deal, editable, canReassign, people }: DealDetailsProps) {
  const [shown, applyOptimistic] = useOptimistic<DealEditable, Partial<DealEditable>>(deal, (state, patch) => ({ ...state, ...patch }));
  const [errors, setErrors] = useState<Partial<Record<Key, string>>>({});
  // Saves in progress per field, the refresh after them included (optimistic: gone when it lands).
  const [saving, markSaving] = useOptimistic<Partial<Record<Key, number>>, Key>(NOT_SAVING, (s, key) => ({
    ...s,
    [key]: (s[key] ?? 0) + 1,
  }));
  const [, startTransition] = useTransition();
  const router = useRouter();

  function save(key: Key, patch: Record<string, unknown>, optimistic: Partial<DealEditable>) {
    setErrors((e) => ({ ...e, [key]: undefined }));
    startTransition(async () => {
      markSaving(key);
      applyOptimistic(optimistic);
      const result = await updateDealAction(org.slug, { dealId: deal.id, patch });
      if (!result.ok) setErrors((e) => ({ ...e, [key]: result.fieldErrors?.patch?.[0] ?? result.message }));
      // Saved: the summary and the timeline follow from the server. Refused because someone else
      // changed the deal (closed, reassigned, deleted): show its current state.
      if (result.ok || result.code === "CONFLICT" || result.code === "NOT_FOUND") startTransition(() => router.refresh());
    });
  }

  /** Text-like fields: validate, then save the parsed value. */
  function commitText(key: "title" | "contactName" | "sector" | "source" | "expectedCloseDate") {
    return (draft: string) => {
      const parsed = check(key, draft);
      if (!parsed.ok) return parsed.message;
      const value = (parsed.value as string | null) ?? null;
      save(key, { [key]: value ?? "" }, { [key]: value });
      return null;
    };
  }

  const common = (key: Key) => ({ editable, saving: (saving[key] ?? 0) > 0, error: errors[key] ?? null });
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
        <InlineField
          label="Title"
          display={shown.title}
          draft={shown.title}
          onCommit={commitText("title")}
          inputProps={{ maxLength: 200 }}
          {...common("title")}
        />
        <InlineField
          label="Contact"
          display={shown.contactName}
          draft={shown.contactName}
          onCommit={commitText("contactName")}
          inputProps={{ maxLength: 200 }}
          {...common("contactName")}
        />
        <InlineField
          label="Value"
          type="money"
          display={formatMoney(shown.valueMinor, deal.currency, org.locale)}
          draft={minorToInput(shown.valueMinor, deal.currency)}
          onCommit={(draft) => {
            const parsed = check("value", draft);
            if (!parsed.ok) return parsed.message;
            save("valueMinor", { value: draft }, { valueMinor: parsed.value as number });
            return null;
          }}
          {...common("valueMinor")}
        />
        <InlineField
          label="Owner"
          display={owner}
          draft={shown.ownerId}
          options={people.map((p) => ({ value: p.id, label: p.name }))}
          onCommit={(draft) => {
            save("ownerId", { ownerId: draft }, { ownerId: draft, ownerName: people.find((p) => p.id === draft)?.name ?? "" });
            return null;
          }}
          {...common("ownerId")}
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
          onCommit={(draft) => {
            const parsed = check("probability", draft.trim() === "" ? null : draft);
            if (!parsed.ok) return parsed.message;
            const value = parsed.value as number | null;
            save("probability", { probability: value }, { probability: value ?? deal.stageProbability });
            return null;
          }}
          aside={
            editable && !isStageDefault ? (
              <button
                type="button"
                onClick={() => save("probability", { probability: null }, { probability: deal.stageProbability })}
                className="rounded text-xs font-medium text-brand-700 hover:text-brand-800 dark:text-brand-300 dark:hover:text-brand-200"
              >
                Reset to stage default ({deal.stageProbability} %)
              </button>
            ) : null
          }
          {...common("probability")}
        />
        <InlineField
          label="Sector"
          display={shown.sector ?? notSet}
          empty={!shown.sector}
          draft={shown.sector ?? ""}
          onCommit={commitText("sector")}
          inputProps={{ maxLength: 80 }}
          {...common("sector")}
        />
        <InlineField
          label="Source"
          display={shown.source ?? notSet}
          empty={!shown.source}
          draft={shown.source ?? ""}
          onCommit={commitText("source")}
          inputProps={{ maxLength: 80 }}
          {...common("source")}
        />
        <InlineField
          label="Expected close"
          type="date"
          display={shown.expectedCloseDate ? formatDate(shown.expectedCloseDate, org.locale, org.timeZone) : notSet}
          empty={!shown.expectedCloseDate}
          draft={shown.expectedCloseDate ?? ""}
          onCommit={commitText("expectedCloseDate")}
          {...common("expectedCloseDate")}
        />
      </dl>
    </Card>
  );
}
