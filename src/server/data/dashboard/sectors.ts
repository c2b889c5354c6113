import "server-only";

import { sql } from "drizzle-orm";

import { deals } from "@/db/schema";
import { averageValue } from "@/lib/kpi/ratios";
import type { TenantContext } from "@/server/tenant";

import { dashboardDeals, type DashboardQuery, num, within } from "./scope";

export type SectorRow = {
  /** Null: deals without a sector. */
  sector: string | null;
  /** Deals created in the period, all statuses and currencies. */
  count: number;
  /** Org-currency deals only: total value, average basket, won value. */
  valueMinor: number;
  averageMinor: number | null;
  wonMinor: number;
  /** Deals in other currencies: counted above, but not in the amounts. */
  otherCurrencyCount: number;
};

export type SectorAnalysis = { bySector: SectorRow[]; topByAverage: SectorRow[] };

export const SECTOR_LIMIT = 50;
export const TOP_SECTORS = 5;

/**
 * Sector analysis over the deals created in the period (the founder's "deal value by sector" and
 * "top 5 sectors by average basket"); the stage filter narrows it like every other chart. One
 * grouped query on the (org, created_at) index range.
 */
export async function getSectorAnalysis(ctx: TenantContext, q: DashboardQuery): Promise<SectorAnalysis> {
  const own = sql`${deals.currency} = ${ctx.org.currency}`;
  const rows = await ctx.db
    .select({
      sector: deals.sector,
      count: sql<number>`count(*)`.mapWith(Number),
      valueMinor: sql<number>`coalesce(sum(${deals.valueMinor}) filter (where ${own}), 0)`.mapWith(Number),
      ownCount: sql<number>`count(*) filter (where ${own})`.mapWith(Number),
      wonMinor: sql<number>`coalesce(sum(${deals.valueMinor}) filter (where ${own} and ${deals.status} = 'won'), 0)`.mapWith(Number),
    })
    .from(deals)
    .where(sql`${dashboardDeals(ctx, q.filters)} and ${within(sql`${deals.createdAt}`, q.window.period)}`)
    .groupBy(deals.sector)
    .orderBy(sql`coalesce(sum(${deals.valueMinor}) filter (where ${own}), 0) desc`, sql`${deals.sector} asc nulls last`)
    .limit(SECTOR_LIMIT);
  const bySector: SectorRow[] = rows.map((r) => ({
    sector: r.sector,
    count: r.count,
    valueMinor: num(r.valueMinor),
    averageMinor: averageValue({ totalMinor: num(r.valueMinor), count: r.ownCount }),
    wonMinor: num(r.wonMinor),
    otherCurrencyCount: r.count - r.ownCount,
  }));
  const topByAverage = bySector
    .filter((s) => s.averageMinor !== null)
    .sort((a, b) => b.averageMinor! - a.averageMinor! || (a.sector ?? "").localeCompare(b.sector ?? ""))
    .slice(0, TOP_SECTORS);
  return { bySector, topByAverage };
}
