import { Card, CardHeader } from "@/components/ui/card";
import type { LeaderboardRow } from "@/server/data/dashboard/leaderboard";
import { formatAmount, formatCount, formatDays, formatPercent } from "./format";
import { OtherCurrencies } from "./kpi-card";

/** Reps ranked by value won in the period, with the ratios that explain it. */
export function LeaderboardTable({ rows, currency, locale }: { rows: LeaderboardRow[]; currency: string; locale: string }) {
  return (
    <Card className="min-w-0" data-testid="leaderboard">
      <CardHeader title="Rep leaderboard" description="Won and lost: deals closed in the period. Conversion: of the deals created in the period." />
      {rows.length === 0 ? (
        <p className="px-5 py-10 text-center text-sm text-zinc-500 dark:text-zinc-400">No deals were created or closed in the period.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[42rem] text-sm">
            <caption className="sr-only">Rep leaderboard</caption>
            <thead>
              <tr className="border-b border-zinc-200 text-left text-xs text-zinc-500 dark:border-zinc-800 dark:text-zinc-400">
                <th scope="col" className="px-5 py-2 font-medium">Rep</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">Won value</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">Won</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">Win rate</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">Conversion</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">Average deal</th>
                <th scope="col" className="px-5 py-2 text-right font-medium">Cycle</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
              {rows.map((r, i) => (
                <tr key={r.ownerId}>
                  <th scope="row" className="px-5 py-2 text-left font-medium text-zinc-900 dark:text-zinc-100">
                    <span className="mr-2 inline-block w-5 text-right text-xs text-zinc-400 tabular-nums">{i + 1}</span>
                    {r.name}
                  </th>
                  <td className="px-3 py-2 text-right tabular-nums">
                    {formatAmount(r.wonMinor, currency, locale)}
                    <OtherCurrencies others={r.others} locale={locale} />
                  </td>
                  <td className="px-3 py-2 text-right tabular-nums">{formatCount(r.wonCount, locale)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{formatPercent(r.winRate, locale)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{formatPercent(r.conversionRate, locale)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{formatAmount(r.averageWonMinor, currency, locale)}</td>
                  <td className="px-5 py-2 text-right tabular-nums">{formatDays(r.cycleDays, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
