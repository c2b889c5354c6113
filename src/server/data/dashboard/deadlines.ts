import "server-only";

import { and, asc, eq, lt, sql } from "drizzle-orm";

import { deals, pipelineStages, users } from "@/db/schema";
import type { TenantContext } from "@/server/tenant";

import { dashboardDeals, type DashboardQuery, isOpen } from "./scope";

export type DeadlineRow = {
  id: string;
  title: string;
  contactName: string;
  ownerName: string;
  stageName: string;
  valueMinor: number;
  currency: string;
  probability: number;
  expectedCloseDate: string;
  overdue: boolean;
};

/** The first rows only; the counts of the whole range come with the pipeline health (getPipelineHealth). */
export type Deadlines = { rows: DeadlineRow[]; limit: number };

export const DEADLINE_LIMIT = 25;

export type DeadlinesParams = DashboardQuery & { limit?: number };

/**
 * Open deals by expected close date, soonest (most overdue) first, up to 30 days ahead, capped.
 * Walks deals_org_close_date_idx (org_id, expected_close_date) in order and stops at the limit.
 */
export async function getDeadlines(ctx: TenantContext, { limit = DEADLINE_LIMIT, ...q }: DeadlinesParams): Promise<Deadlines> {
  const today = q.window.today;
  const rows = await ctx.db
    .select({
      id: deals.id,
      title: deals.title,
      contactName: deals.contactName,
      ownerName: users.name,
      stageName: pipelineStages.name,
      valueMinor: deals.valueMinor,
      currency: deals.currency,
      probability: deals.probability,
      expectedCloseDate: sql<string>`to_char(${deals.expectedCloseDate}, 'YYYY-MM-DD')`,
    })
    .from(deals)
    .innerJoin(pipelineStages, and(eq(pipelineStages.orgId, deals.orgId), eq(pipelineStages.id, deals.stageId)))
    .innerJoin(users, eq(users.id, deals.ownerId))
    .where(and(dashboardDeals(ctx, q.filters), isOpen, lt(deals.expectedCloseDate, q.window.deadlineUntil)))
    .orderBy(asc(deals.expectedCloseDate), asc(deals.id))
    .limit(limit);
  return { rows: rows.map((r) => ({ ...r, overdue: r.expectedCloseDate < today })), limit };
}
