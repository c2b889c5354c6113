import { and, eq, sql } from "drizzle-orm";
import { deals, lossReasons } from "@/db/schema";
import type { TenantContext } from "@/server/tenant";
import { dashboardDeals, isLost, num, within, type DashboardQuery } from "./scope";

export type BreakdownRow = {
  /** Null: deals with no source / no reason recorded. */
  label: string | null;
  count: number;
  /** Org-currency value (deals in other currencies are counted, not summed). */
  valueMinor: number;
  /** Sources: how many of those deals are won. */
  wonCount: number;
};

export const BREAKDOWN_LIMIT = 12;

/** Where the period's new deals came from: deals created in the period, per source. */
export async function getSourceBreakdown(ctx: TenantContext, q: DashboardQuery): Promise<BreakdownRow[]> {
  const rows = await ctx.db
    .select({
      label: deals.source,
      count: sql<number>`count(*)`.mapWith(Number),
      valueMinor: sql<number>`coalesce(sum(${deals.valueMinor}) filter (where ${deals.currency} = ${ctx.org.currency}), 0)`.mapWith(Number),
      wonCount: sql<number>`count(*) filter (where ${deals.status} = 'won')`.mapWith(Number),
    })
    .from(deals)
    .where(sql`${dashboardDeals(ctx, q.filters)} and ${within(sql`${deals.createdAt}`, q.window.period)}`)
    .groupBy(deals.source)
    .orderBy(sql`count(*) desc`, sql`${deals.source} asc nulls last`)
    .limit(BREAKDOWN_LIMIT);
  return rows.map((r) => ({ ...r, valueMinor: num(r.valueMinor) }));
}

/** Why deals were lost: deals lost in the period, per loss reason. */
export async function getLossReasonBreakdown(ctx: TenantContext, q: DashboardQuery): Promise<BreakdownRow[]> {
  const rows = await ctx.db
    .select({
      label: lossReasons.label,
      count: sql<number>`count(*)`.mapWith(Number),
      valueMinor: sql<number>`coalesce(sum(${deals.valueMinor}) filter (where ${deals.currency} = ${ctx.org.currency}), 0)`.mapWith(Number),
    })
    .from(deals)
    .leftJoin(lossReasons, and(eq(lossReasons.orgId, deals.orgId), eq(lossReasons.id, deals.lossReasonId)))
    .where(sql`${dashboardDeals(ctx, q.filters)} and ${isLost} and ${within(sql`${deals.closedAt}`, q.window.period)}`)
    .groupBy(lossReasons.id, lossReasons.label)
    .orderBy(sql`count(*) desc`, sql`${lossReasons.label} asc nulls last`)
    .limit(BREAKDOWN_LIMIT);
  return rows.map((r) => ({ ...r, valueMinor: num(r.valueMinor), wonCount: 0 }));
}
