import "server-only";

import { and, asc, desc, eq, gte, inArray, isNotNull, lt, lte, type SQL, sql } from "drizzle-orm";
import type { PgSelect } from "drizzle-orm/pg-core";

import { actions, deals, pipelineStages, users } from "@/db/schema";
import { addDays, zonedTimeToUtc } from "@/lib/dates/zoned";
import type { DealFilters, DealSortKey } from "@/lib/schemas/deal-filters";
import type { TenantContext } from "@/server/tenant";

import { visibleDeals } from "./deal-scope";

/*
 * The deals list's SQL — its WHERE, joins and ORDER BY — shared by the list page (deal-list.ts)
 * and the exports (src/server/exports). Builders of query fragments, not data functions.
 */

/**
 * The search term as a LIKE pattern over search_fold()ed text (lower-cased, accents removed:
 * drizzle/0016): folded first, then LIKE's wildcards and escape character taken literally, in that
 * order because folding itself can produce them ("％" becomes "%").
 */
function searchPattern(q: string): SQL {
  return sql`'%' || replace(replace(replace(search_fold(${q}), '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%'`;
}

function dateStart(isoDate: string, timeZone: string): Date {
  const [year, month, day] = isoDate.split("-").map(Number) as [number, number, number];
  return zonedTimeToUtc({ year, month, day, hour: 0, minute: 0 }, timeZone);
}

/** The WHERE of both the page and the totals: the visibility scope (org first) and then each filter. */
export function filterCondition(ctx: TenantContext, f: DealFilters, now: Date): SQL {
  const conditions: (SQL | undefined)[] = [visibleDeals(ctx)];
  if (f.status !== "all") conditions.push(eq(deals.status, f.status));
  if (f.stageIds.length > 0) conditions.push(inArray(deals.stageId, f.stageIds));
  if (f.ownerId) conditions.push(eq(deals.ownerId, f.ownerId));
  if (f.sector) conditions.push(eq(deals.sector, f.sector));
  if (f.dateField === "close") {
    if (f.from) conditions.push(gte(deals.expectedCloseDate, f.from));
    if (f.to) conditions.push(lte(deals.expectedCloseDate, f.to));
  } else {
    // Calendar days in the org's zone: "created on the 3rd" means the 3rd in Copenhagen, not in UTC.
    const tz = ctx.org.timeZone;
    if (f.from) conditions.push(gte(deals.createdAt, dateStart(f.from, tz)));
    if (f.to) {
      const [year, month, day] = f.to.split("-").map(Number) as [number, number, number];
      const next = addDays({ year, month, day, hour: 0, minute: 0 }, 1);
      conditions.push(lt(deals.createdAt, zonedTimeToUtc(next, tz)));
    }
  }
  if (f.q) {
    // Exactly the expression of the trigram index deals_org_search_idx, so the planner can use it.
    conditions.push(sql`search_fold(${deals.title} || ' ' || ${deals.contactName}) like ${searchPattern(f.q)}`);
  }
  if (f.overdue) {
    conditions.push(
      sql`exists (select 1 from ${actions} where ${actions.orgId} = ${deals.orgId} and ${actions.dealId} = ${deals.id} and ${actions.completedAt} is null and ${actions.dueAt} < ${now.toISOString()})`, // raw sql takes no Date parameter
    );
  }
  return and(...conditions)!;
}

const stageOrder = sql`case ${pipelineStages.kind} when 'open' then 0 when 'won' then 1 else 2 end`;

/**
 * Allow-listed sort columns (the URL only ever names a key). `nullable` columns sort their nulls
 * last in both directions; the others must keep PostgreSQL's default null order, or a backward
 * scan of deals_org_created_idx no longer matches "created_at desc" and 100 000 rows get sorted.
 */
const SORT_COLUMNS: Record<DealSortKey, { columns: SQL[]; nullable?: boolean }> = {
  created: { columns: [sql`${deals.createdAt}`] },
  title: { columns: [sql`lower(${deals.title})`] },
  value: { columns: [sql`${deals.valueMinor}`] },
  weighted: { columns: [sql`${deals.weightedMinor}`] },
  stage: { columns: [stageOrder, sql`${pipelineStages.position}`] },
  owner: { columns: [sql`lower(${users.name})`] },
  close: { columns: [sql`${deals.expectedCloseDate}`], nullable: true },
  // Won and lost deals have no pending action.
  due: { columns: [sql`${actions.dueAt}`], nullable: true },
};

function orderBy(f: DealFilters): SQL[] {
  const { columns, nullable } = SORT_COLUMNS[f.sort];
  const direction = sql.raw(f.dir === "asc" ? "asc" : "desc");
  const nulls = sql.raw(nullable ? " nulls last" : "");
  // The id makes the order total, so no deal shows up on two pages or on none.
  return [...columns.map((c) => sql`${c} ${direction}${nulls}`), f.dir === "asc" ? asc(deals.id) : desc(deals.id)];
}

/**
 * The list's joins, WHERE and ORDER BY on a dynamic `select(…).from(deals)`, without paging. The
 * page reads one slice of it and the exports stream all of it (src/server/exports), so both agree
 * on scope, filters and order. Columns of the left-joined action are null for won/lost deals.
 */
export function withDealListQuery<T extends PgSelect>(qb: T, ctx: TenantContext, filters: DealFilters, now: Date) {
  const where = filterCondition(ctx, filters, now);
  // Every open deal has exactly one pending action (the database guarantees it), so for open deals
  // the left join may as well be inner. Saying so lets PostgreSQL turn it into an inner join and,
  // for "next action due" order, walk actions_org_pending_due_idx instead of sorting every deal.
  const withAction = filters.status === "open" ? and(where, isNotNull(actions.id))! : where;
  return qb
    .innerJoin(pipelineStages, and(eq(pipelineStages.orgId, deals.orgId), eq(pipelineStages.id, deals.stageId)))
    .innerJoin(users, eq(users.id, deals.ownerId))
    .leftJoin(actions, and(eq(actions.orgId, deals.orgId), eq(actions.dealId, deals.id), sql`${actions.completedAt} is null`))
    .where(withAction)
    .orderBy(...orderBy(filters));
}
