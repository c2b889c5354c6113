import { FUNNEL_DEFINITION, KPI_DEFINITIONS } from "@/lib/kpi/definitions";

/** Every definition in one place, readable on touch screens where tooltips don't open. */
export function KpiLegend() {
  return (
    <details className="group rounded-xl border border-zinc-200 bg-white px-5 py-3 text-sm dark:border-zinc-800 dark:bg-zinc-900/60">
      <summary className="cursor-pointer font-medium text-zinc-800 dark:text-zinc-200">How these figures are calculated</summary>
      <dl className="mt-3 grid gap-x-8 gap-y-3 sm:grid-cols-2">
        {Object.values(KPI_DEFINITIONS).map((d) => (
          <div key={d.label}>
            <dt className="font-medium text-zinc-900 dark:text-zinc-100">{d.label}</dt>
            <dd className="text-zinc-600 dark:text-zinc-400">{d.definition}</dd>
          </div>
        ))}
        <div>
          <dt className="font-medium text-zinc-900 dark:text-zinc-100">Weighted funnel</dt>
          <dd className="text-zinc-600 dark:text-zinc-400">{FUNNEL_DEFINITION}</dd>
        </div>
        <div>
          <dt className="font-medium text-zinc-900 dark:text-zinc-100">Currencies</dt>
          <dd className="text-zinc-600 dark:text-zinc-400">
            Amounts are in the organization&apos;s currency. Deals in other currencies are never converted or added in: their totals are
            listed apart.
          </dd>
        </div>
      </dl>
    </details>
  );
}
