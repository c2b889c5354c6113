import "server-only";

import { sql } from "drizzle-orm";

import { deals } from "@/db/schema";
import type { TenantContext } from "@/server/tenant";

import { type ActivityRow, getActivity } from "./activity";
import { dashboardDeals, type DashboardQuery, num, within } from "./scope";

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

/** Why deals were lost: deals lost in the period, per loss reason (the loss grouping set of getActivity). */
export async function getLossReasonBreakdown(ctx: TenantContext, q: DashboardQuery): Promise<BreakdownRow[]> {
  return lossReasonsFromActivity(await getActivity(ctx, q));
}

export function lossReasonsFromActivity(rows: ActivityRow[]): BreakdownRow[] {
  return rows
    .flatMap((r) => (r.part === "loss" ? [{ label: r.label, count: r.count, valueMinor: r.value, wonCount: 0 }] : []))
    .sort((a, b) => b.count - a.count || (a.label ?? "").localeCompare(b.label ?? ""))
    .slice(0, BREAKDOWN_LIMIT);
}
