import { formatMoney } from "@/lib/money";
import type { CurrencyTotal } from "@/server/data/deal-list";

type DealListTotalsProps = { totals: CurrencyTotal[]; total: number; locale: string; currency: string };

/**
 * Count, value and weighted value of everything the filters match (not just this page), one line
 * per currency (amounts in different currencies are never added up). A live region, so screen
 * reader users hear the new figures after changing a filter.
 */
export function DealListTotals({ totals, total, locale, currency }: DealListTotalsProps) {
  const lines = totals.length > 0 ? totals : [{ currency, count: 0, valueMinor: 0, weightedMinor: 0 }];
  return (
    <div
      role="status"
      aria-live="polite"
      aria-atomic="true"
      className="grid grid-cols-[minmax(0,0.6fr)_minmax(0,1fr)_minmax(0,1fr)] divide-x divide-zinc-200 border-b border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800"
    >
      <Stat label={total === 1 ? "Deal" : "Deals"} values={[new Intl.NumberFormat(locale).format(total)]} testId="deal-count" />
      <Stat label="Value" values={lines.map((t) => formatMoney(t.valueMinor, t.currency, locale))} testId="deal-value-total" />
      <Stat label="Weighted" values={lines.map((t) => formatMoney(t.weightedMinor, t.currency, locale))} testId="deal-weighted-total" />
    </div>
  );
}

function Stat({ label, values, testId }: { label: string; values: string[]; testId: string }) {
  return (
    <div className="min-w-0 px-3 py-3 sm:px-5">
      <p className="text-xs font-medium text-zinc-500 dark:text-zinc-400">{label}</p>
      <div data-testid={testId} className="mt-0.5 text-sm font-semibold text-zinc-900 tabular-nums sm:text-lg dark:text-zinc-50">
        {values.map((v) => (
          <p key={v} className="truncate" title={v}>
            {v}
          </p>
        ))}
      </div>
    </div>
  );
}
