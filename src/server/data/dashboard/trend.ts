import { sql } from "drizzle-orm";
import { deals } from "@/db/schema";
import type { TenantContext } from "@/server/tenant";
import { at, dashboardDeals, isWon, num, type CurrencyAmount, type DashboardQuery } from "./scope";

export type TrendWeek = {
  /** Monday of the week (ISO date, org time zone). */
  week: string;
  wonCount: number;
  /** Org-currency won value; other currencies listed apart. */
  wonMinor: number;
  others: CurrencyAmount[];
};

/**
 * Won value per week over the 12 weeks ending with the period's last week, weeks cut at Monday
 * 00:00 in the org's time zone (`date_trunc('week', closed_at at time zone tz)`). Empty weeks are
 * filled in by generate_series, so the series always has 12 points.
 */
export async function getRevenueTrend(ctx: TenantContext, q: DashboardQuery): Promise<TrendWeek[]> {
  const { trend, timeZone } = q.window;
  const rows = (await ctx.db.execute(sql`
    select to_char(w.week, 'YYYY-MM-DD') as week, a.currency, coalesce(a.n, 0) as n, coalesce(a.value, 0) as value,
      coalesce(sum(a.n) over (partition by w.week), 0) as n_week
    from generate_series(${trend.firstWeek}::date, ${trend.lastWeek}::date, interval '7 days') as w(week)
    left join (
      select date_trunc('week', ${deals.closedAt} at time zone ${timeZone})::date as week, ${deals.currency} as currency,
        count(*) as n, sum(${deals.valueMinor}) as value
      from ${deals}
      where ${dashboardDeals(ctx, q.filters)} and ${isWon}
        and ${deals.closedAt} >= ${at(trend.start)} and ${deals.closedAt} < ${at(trend.end)}
      group by 1, 2
    ) a on a.week = w.week::date
    order by w.week, a.currency`)) as unknown as Record<string, unknown>[];

  const weeks = new Map<string, TrendWeek>(trend.weeks.map((week) => [week, { week, wonCount: 0, wonMinor: 0, others: [] }]));
  for (const r of rows) {
    const week = weeks.get(String(r.week));
    if (!week) continue;
    week.wonCount = num(r.n_week);
    if (r.currency === null) continue;
    if (r.currency === ctx.org.currency) week.wonMinor = num(r.value);
    else week.others.push({ currency: String(r.currency), minor: num(r.value) });
  }
  return [...weeks.values()];
}
