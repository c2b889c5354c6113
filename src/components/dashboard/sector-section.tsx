import type { SectorAnalysis } from "@/server/data/dashboard/sectors";
import { ChartFigure } from "./chart-figure";
import { formatAmount, formatCount } from "./format";
import { HorizontalBars } from "./horizontal-bars";

const NO_SECTOR = "No sector";

/** Total value per sector (bars) and the five sectors with the highest average basket (table). */
export function SectorSection({ sectors, currency, locale }: { sectors: SectorAnalysis; currency: string; locale: string }) {
  const rows = sectors.bySector;
  const otherCount = rows.reduce((n, r) => n + r.otherCurrencyCount, 0);
  return (
    <ChartFigure
      testId="sectors"
      title="Sector analysis"
      description="Deals created in the period: total value per sector. Narrow it with the stage filter."
      definition="Value and average basket count the deals created in the period in the organization's currency, whatever their status now."
      empty={rows.length === 0 ? "No deal was created in the period." : null}
      table={{
        caption: "Value per sector",
        columns: ["Sector", "Total value", "Deals", "Average basket"],
        rows: rows.map((r) => [r.sector ?? NO_SECTOR, formatAmount(r.valueMinor, currency, locale), formatCount(r.count, locale), formatAmount(r.averageMinor, currency, locale)]),
      }}
      footer={
        rows.length > 0 ? (
          <div className="mt-4">
            <h3 className="mb-2 text-sm font-semibold text-zinc-900 dark:text-zinc-100">Top {sectors.topByAverage.length} by average basket</h3>
            <table className="w-full text-sm">
              <caption className="sr-only">Sectors with the highest average basket</caption>
              <thead>
                <tr className="border-b border-zinc-200 text-left text-xs text-zinc-500 dark:border-zinc-800 dark:text-zinc-400">
                  <th scope="col" className="py-1.5 pr-3 font-medium">Sector</th>
                  <th scope="col" className="px-3 py-1.5 text-right font-medium">Average basket</th>
                  <th scope="col" className="py-1.5 pl-3 text-right font-medium">Deals</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
                {sectors.topByAverage.map((r) => (
                  <tr key={r.sector ?? ""}>
                    <th scope="row" className="py-1.5 pr-3 text-left font-medium text-zinc-800 dark:text-zinc-200">{r.sector ?? NO_SECTOR}</th>
                    <td className="px-3 py-1.5 text-right tabular-nums">{formatAmount(r.averageMinor, currency, locale)}</td>
                    <td className="py-1.5 pl-3 text-right tabular-nums">{formatCount(r.count, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {otherCount > 0 ? (
              <p className="mt-2 text-xs text-amber-800 dark:text-amber-300">
                {formatCount(otherCount, locale)} deals in other currencies are counted but not in the amounts (not converted).
              </p>
            ) : null}
          </div>
        ) : null
      }
    >
      <HorizontalBars
        data={rows.map((r) => ({ label: r.sector ?? NO_SECTOR, value: r.valueMinor }))}
        format={{ kind: "money", currency }}
        locale={locale}
        valueName="Total value"
      />
    </ChartFigure>
  );
}
