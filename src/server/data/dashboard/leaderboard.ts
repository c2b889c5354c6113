import "server-only";

import { averageCycleDays, averageValue, conversionRate, winRate } from "@/lib/kpi/ratios";
import type { TenantContext } from "@/server/tenant";

import { type ActivityRow, getActivity } from "./activity";
import { type CurrencyAmount, type DashboardQuery, sortCurrencies } from "./scope";

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
 * created-in-period cohort (for conversion), average won deal and cycle length — the (owner,
 * currency) grouping set of getActivity, with per-owner counts totalled over currencies in SQL.
 */
export async function getLeaderboard(ctx: TenantContext, q: DashboardQuery): Promise<LeaderboardRow[]> {
  return leaderboardFromActivity(await getActivity(ctx, q), ctx.org.currency);
}

export function leaderboardFromActivity(rows: ActivityRow[], orgCurrency: string): LeaderboardRow[] {
  const owners = new Map<string, LeaderboardRow>();
  for (const r of rows) {
    if (r.part !== "owner") continue;
    let row = owners.get(r.ownerId);
    if (!row) {
      row = {
        ownerId: r.ownerId,
        name: r.name,
        wonMinor: 0,
        others: [],
        wonCount: r.ownerWon,
        lostCount: r.ownerLost,
        createdCount: r.ownerCreated,
        createdWonCount: r.ownerCreatedWon,
        winRate: winRate({ won: r.ownerWon, lost: r.ownerLost }),
        conversionRate: conversionRate({ createdWon: r.ownerCreatedWon, created: r.ownerCreated }),
        averageWonMinor: null,
        cycleDays: averageCycleDays({ totalDays: r.ownerWonDays, won: r.ownerWon }),
      };
      owners.set(r.ownerId, row);
    }
    if (r.currency === orgCurrency) {
      row.wonMinor = r.wonValue;
      row.averageWonMinor = averageValue({ totalMinor: r.wonValue, count: r.wonCount });
    } else if (r.wonValue !== 0) {
      row.others = sortCurrencies([...row.others, { currency: r.currency, minor: r.wonValue }], orgCurrency);
    }
  }
  return [...owners.values()]
    .sort((a, b) => b.wonMinor - a.wonMinor || b.wonCount - a.wonCount || a.name.localeCompare(b.name))
    .slice(0, LEADERBOARD_LIMIT);
}
