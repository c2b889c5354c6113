import "server-only";

import { and, asc, eq, gte, isNull, lt, type SQL, sql } from "drizzle-orm";
import { unionAll } from "drizzle-orm/pg-core";

import { actions, deals, memberships, pipelineStages, users } from "@/db/schema";
import { queueBoundaries, TODAY_BUCKETS, type TodayBucket } from "@/lib/deals/today-buckets";
import { can } from "@/lib/permissions";
import { ForbiddenError, NotFoundError } from "@/server/errors";
import { requirePermission, type TenantContext } from "@/server/tenant";

import { visibleDeals } from "./deal-scope";

// The bucket rule is pure (the browser places a just-planned action with it); the SQL below cuts the same boundaries.
export { queueBoundaries, TODAY_BUCKETS, type TodayBucket, UPCOMING_DAYS } from "@/lib/deals/today-buckets";

/**
 * Rows per bucket: a rep with thousands of overdue actions still gets a fast, light page (the
 * counts stay exact and "and N more" leads to the deals list). Every row costs ~2 kB of HTML.
 */
export const TODAY_BUCKET_LIMIT = 25;

export type TodayRow = {
  actionId: string;
  type: "call" | "email" | "meeting" | "task";
  details: string;
  dueAt: Date;
  ownerId: string;
  ownerName: string;
  dealId: string;
  dealTitle: string;
  contactName: string;
  valueMinor: number;
  currency: string;
  stageName: string;
  probability: number;
};

export type TodayQueue = {
  /** The instant the buckets were cut at, and the boundaries used (start of tomorrow, end of the 7-day window). */
  now: Date;
  todayEnd: Date;
  upcomingEnd: Date;
  /** null = everyone's actions (managers and admins without a rep filter). */
  ownerId: string | null;
  rows: Record<TodayBucket, TodayRow[]>;
  /** True totals, which exceed rows[bucket].length when a bucket is capped. */
  counts: Record<TodayBucket, number>;
  limit: number;
};

export type TodayQueueParams = { ownerId?: string | null; now?: Date; limit?: number };

/**
 * Resolves whose queue to show. Reps: always their own. Managers and admins: everyone's, or one
 * member's when filtered; a filter naming someone outside the org is "not found".
 */
async function resolveOwner(ctx: TenantContext, requested: string | null | undefined): Promise<string | null> {
  if (!can(ctx.role, "deals.viewAll")) {
    if (requested && requested !== ctx.userId) throw new ForbiddenError("Sales reps see only their own queue.");
    return ctx.userId;
  }
  if (!requested) return null;
  const [member] = await ctx.db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.orgId, ctx.orgId), eq(memberships.userId, requested)));
  if (!member) throw new NotFoundError("Member");
  return requested;
}

/**
 * The Today queue: pending actions on visible, non-deleted deals, cut into overdue (due before
 * now), today (until midnight in the org's zone) and upcoming (the next 7 days). Two statements:
 * one UNION ALL of three capped, index-ordered scans for the rows, and one count with FILTERs.
 * Both walk actions_org_owner_pending_due_idx (org_id, owner_id, due_at) for one rep, or
 * actions_org_pending_due_idx for everyone.
 */
export async function listTodayQueue(ctx: TenantContext, params: TodayQueueParams = {}): Promise<TodayQueue> {
  requirePermission(ctx, "org.view");
  const ownerId = await resolveOwner(ctx, params.ownerId);
  const now = params.now ?? new Date();
  const limit = params.limit ?? TODAY_BUCKET_LIMIT;
  const { todayEnd, upcomingEnd } = queueBoundaries(now, ctx.org.timeZone);

  // The org's (or one owner's) pending actions due in a range; `pending` adds the deal's visibility.
  const pendingActions = (...range: (SQL | undefined)[]) =>
    and(eq(actions.orgId, ctx.orgId), ownerId ? eq(actions.ownerId, ownerId) : undefined, isNull(actions.completedAt), ...range);
  const pending = (...range: SQL[]) => and(pendingActions(...range), visibleDeals(ctx));
  const joinDeal = and(eq(deals.orgId, actions.orgId), eq(deals.id, actions.dealId));

  const bucket = (name: TodayBucket, range: SQL[]) =>
    ctx.db
      .select({
        bucket: sql<TodayBucket>`${name}::text`.as("bucket"),
        actionId: actions.id,
        type: actions.type,
        details: actions.details,
        dueAt: actions.dueAt,
        ownerId: actions.ownerId,
        ownerName: users.name,
        dealId: deals.id,
        dealTitle: deals.title,
        contactName: deals.contactName,
        valueMinor: deals.valueMinor,
        currency: deals.currency,
        stageName: pipelineStages.name,
        probability: deals.probability,
      })
      .from(actions)
      .innerJoin(deals, joinDeal)
      .innerJoin(pipelineStages, and(eq(pipelineStages.orgId, deals.orgId), eq(pipelineStages.id, deals.stageId)))
      .innerJoin(users, eq(users.id, actions.ownerId))
      .where(pending(...range))
      .orderBy(asc(actions.dueAt), asc(actions.id))
      .limit(limit);

  const rowsQuery = unionAll(
    bucket("overdue", [lt(actions.dueAt, now)]),
    bucket("today", [gte(actions.dueAt, now), lt(actions.dueAt, todayEnd)]),
    bucket("upcoming", [gte(actions.dueAt, todayEnd), lt(actions.dueAt, upcomingEnd)]),
  );
  const counts = {
    // Column operators (not raw ${date}) so drizzle encodes the instants as timestamptz.
    overdue: sql<number>`count(*) filter (where ${lt(actions.dueAt, now)})::int`,
    today: sql<number>`count(*) filter (where ${and(gte(actions.dueAt, now), lt(actions.dueAt, todayEnd))})::int`,
    upcoming: sql<number>`count(*) filter (where ${gte(actions.dueAt, todayEnd)})::int`,
  };
  const countsQuery = can(ctx.role, "deals.viewAll")
    ? // A lead sees every deal that is not deleted: count the org's pending actions and leave out
      // the few on deleted deals (anti-join on deals_org_deleted_idx), rather than joining each of
      // tens of thousands of actions to its deal (≈ 120 → 15 ms at 60 000 open deals).
      ctx.db
        .select(counts)
        .from(actions)
        .where(
          pendingActions(
            lt(actions.dueAt, upcomingEnd),
            sql`not exists (select 1 from ${deals} where ${deals.orgId} = ${actions.orgId} and ${deals.id} = ${actions.dealId} and ${deals.deletedAt} is not null)`,
          ),
        )
    : ctx.db
        .select(counts)
        .from(actions)
        .innerJoin(deals, joinDeal)
        .where(pending(lt(actions.dueAt, upcomingEnd)));

  const [rows, [bucketCounts]] = await Promise.all([rowsQuery, countsQuery]);
  const byBucket: Record<TodayBucket, TodayRow[]> = { overdue: [], today: [], upcoming: [] };
  // UNION ALL keeps each branch's order in practice but SQL does not promise it: order again here (≤ 3 × limit rows).
  for (const { bucket: name, ...row } of rows) byBucket[name].push(row);
  for (const name of TODAY_BUCKETS)
    byBucket[name].sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || (a.actionId < b.actionId ? -1 : 1));
  return { now, todayEnd, upcomingEnd, ownerId, rows: byBucket, counts: bucketCounts ?? { overdue: 0, today: 0, upcoming: 0 }, limit };
}
