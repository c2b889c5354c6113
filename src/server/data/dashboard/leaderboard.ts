import { sql } from "drizzle-orm";
import { deals, users } from "@/db/schema";
import { averageCycleDays, averageValue, conversionRate, winRate } from "@/lib/kpi/ratios";
import type { TenantContext } from "@/server/tenant";
import { dashboardDeals, isLost, isWon, num, sortCurrencies, within, type CurrencyAmount, type DashboardQuery } from "./scope";

export type LeaderboardRow = {
  ownerId: string;
  name: string;
  /** Org-currency value of the deals won in the period; other currencies listed apart. */
  wonMinor: number;
  others: CurrencyAmount[];
  wonCount: number;
  lostCount: number;
  /** Deals created in the period, and how many of those are won: the conversion cohort. */
  createdCount: number;
  createdWonCount: number;
  winRate: number | null;
  conversionRate: number | null;
  /** Average org-currency value of the won deals. */
  averageWonMinor: number | null;
  cycleDays: number | null;
};

export const LEADERBOARD_LIMIT = 50;

/**
 * Per owner, over the filtered deals: won value and count, lost count (closed in the period), the
 * created-in-period cohort (for conversion), average won deal and cycle length. One grouped pass
 * (owner × currency, counts totalled per owner by a window), joined to the owners' names.
 */
export async function getLeaderboard(ctx: TenantContext, q: DashboardQuery): Promise<LeaderboardRow[]> {
  const { period } = q.window;
  const closedIn = within(sql`${deals.closedAt}`, period);
  const createdIn = within(sql`${deals.createdAt}`, period);
  const won = sql`(${isWon} and ${closedIn})`;
  const perOwner = (agg: string, cond: ReturnType<typeof sql>) => sql`sum(${sql.raw(agg)} filter (where ${cond})) over (partition by ${deals.ownerId})`;
  const rows = (await ctx.db.execute(sql`
    select a.*, u.name from (
      select ${deals.ownerId} as owner_id, ${deals.currency} as currency,
        count(*) filter (where ${won}) as won_n,
        sum(${deals.valueMinor}) filter (where ${won}) as won_value,
        ${perOwner("count(*)", won)} as o_won,
        ${perOwner("count(*)", sql`(${isLost} and ${closedIn})`)} as o_lost,
        ${perOwner("count(*)", createdIn)} as o_created,
        ${perOwner("count(*)", sql`(${createdIn} and ${isWon})`)} as o_created_won,
        sum(sum((extract(epoch from ${deals.closedAt}) - extract(epoch from ${deals.createdAt}))::float8 / 86400.0) filter (where ${won}))
          over (partition by ${deals.ownerId}) as o_won_days
      from ${deals}
      where ${dashboardDeals(ctx, q.filters)} and (${closedIn} or ${createdIn})
      group by ${deals.ownerId}, ${deals.currency}
    ) a
    join ${users} u on u.id = a.owner_id
    order by a.owner_id, a.currency`)) as unknown as Record<string, unknown>[];

  const owners = new Map<string, LeaderboardRow & { days: number }>();
  for (const r of rows) {
    const ownerId = String(r.owner_id);
    let row = owners.get(ownerId);
    if (!row) {
      row = {
        ownerId,
        name: String(r.name),
        wonMinor: 0,
        others: [],
        wonCount: num(r.o_won),
        lostCount: num(r.o_lost),
        createdCount: num(r.o_created),
        createdWonCount: num(r.o_created_won),
        winRate: null,
        conversionRate: null,
        averageWonMinor: null,
        cycleDays: null,
        days: num(r.o_won_days),
      };
      owners.set(ownerId, row);
    }
    if (r.currency === ctx.org.currency) {
      row.wonMinor = num(r.won_value);
      row.averageWonMinor = averageValue({ totalMinor: num(r.won_value), count: num(r.won_n) });
    } else if (num(r.won_value) !== 0) {
      row.others.push({ currency: String(r.currency), minor: num(r.won_value) });
    }
  }
  return [...owners.values()]
    .map(({ days, ...row }) => ({
      ...row,
      others: sortCurrencies(row.others, ctx.org.currency),
      winRate: winRate({ won: row.wonCount, lost: row.lostCount }),
      conversionRate: conversionRate({ createdWon: row.createdWonCount, created: row.createdCount }),
      cycleDays: averageCycleDays({ totalDays: days, won: row.wonCount }),
    }))
    .sort((a, b) => b.wonMinor - a.wonMinor || b.wonCount - a.wonCount || a.name.localeCompare(b.name))
    .slice(0, LEADERBOARD_LIMIT);
}
