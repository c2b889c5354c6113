import { Card, CardHeader } from "@/components/ui/card";
import { formatAmount, formatCount, formatDays, formatPercent } from "@/lib/format/figures";
import type { LeaderboardRow } from "@/server/data/dashboard/leaderboard";

import { OtherCurrencies } from "./kpi-card";
import { DATA_TABLE } from "./table-classes";

/** Reps ranked by value won in the period, with the ratios that explain it. */
export function LeaderboardTable({ rows, currency, locale }: { rows: LeaderboardRow[]; currency: string; locale: string }) {
  return (
    <Card className="min-w-0" data-testid="leaderboard">
      <CardHeader
        title="Rep leaderboard"
        description="Won and lost: deals closed in the period. Conversion: of the deals created in the period."
      />
      {rows.length === 0 ? (
        <p className="px-5 py-10 text-center text-sm text-zinc-500 dark:text-zinc-400">No deals were created or closed in the period.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className={`${DATA_TABLE} min-w-[42rem]`}>
            <caption className="sr-only">Rep leaderboard</caption>
            <thead>
              <tr>
                <th scope="col">Rep</th>
                <th scope="col">Won value</th>
                <th scope="col">Won</th>
                <th scope="col">Win rate</th>
                <th scope="col">Conversion</th>
                <th scope="col">Average deal</th>
                <th scope="col">Cycle</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={r.ownerId}>
                  <th scope="row">
                    <span className="mr-2 text-xs text-zinc-400">{i + 1}</span>
                    {r.name}
                  </th>
                  <td>
                    {formatAmount(r.wonMinor, currency, locale)}
                    <OtherCurrencies others={r.others} locale={locale} />
                  </td>
                  <td>{formatCount(r.wonCount, locale)}</td>
                  <td>{formatPercent(r.winRate, locale)}</td>
                  <td>{formatPercent(r.conversionRate, locale)}</td>
                  <td>{formatAmount(r.averageWonMinor, currency, locale)}</td>
                  <td>{formatDays(r.cycleDays, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
