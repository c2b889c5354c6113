import { formatAmount, formatCount } from "@/lib/format/figures";
import type { SectorAnalysis } from "@/server/data/dashboard/sectors";

import { ChartFigure } from "./chart-figure";
import { HorizontalBars } from "./horizontal-bars";
import { DATA_TABLE } from "./table-classes";

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
        rows: rows.map((r) => [
          r.sector ?? NO_SECTOR,
          formatAmount(r.valueMinor, currency, locale),
          formatCount(r.count, locale),
          formatAmount(r.averageMinor, currency, locale),
        ]),
      }}
      footer={
        rows.length > 0 ? (
          <div className="mt-4">
            <h3 className="mb-2 text-sm font-semibold text-zinc-900 dark:text-zinc-100">
              Top {sectors.topByAverage.length} by average basket
            </h3>
            <table className={`${DATA_TABLE} [&_tr>:first-child]:!pl-0 [&_tr>:last-child]:!pr-0`}>
              <caption className="sr-only">Sectors with the highest average basket</caption>
              <thead>
                <tr>
                  <th scope="col">Sector</th>
                  <th scope="col">Average basket</th>
                  <th scope="col">Deals</th>
                </tr>
              </thead>
              <tbody>
                {sectors.topByAverage.map((r) => (
                  <tr key={r.sector ?? ""}>
                    <th scope="row">{r.sector ?? NO_SECTOR}</th>
                    <td>{formatAmount(r.averageMinor, currency, locale)}</td>
                    <td>{formatCount(r.count, locale)}</td>
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
