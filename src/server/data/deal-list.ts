import "server-only";

import { and, asc, desc, eq, gte, inArray, isNotNull, lt, lte, type SQL, sql } from "drizzle-orm";
import type { PgSelect } from "drizzle-orm/pg-core";

import { actions, deals, pipelineStages, users } from "@/db/schema";
import { addDays, dayBounds, zonedTimeToUtc } from "@/lib/dates/zoned";
import { type DueState, dueState } from "@/lib/deals/rules";
import type { DealFilters, DealPageSize, DealSortKey } from "@/lib/schemas/deal-filters";
import type { ActionType } from "@/lib/schemas/deals";
import type { TenantContext } from "@/server/tenant";
import { versionedCache, viewerScope } from "@/server/versioned-cache";

import { visibleDeals } from "./deal-scope";

export type DealListRow = {
  id: string;
  title: string;
  contactName: string;
  ownerId: string;
  ownerName: string;
  stageName: string;
  status: "open" | "won" | "lost";
  valueMinor: number;
  weightedMinor: number;
  currency: string;
  probability: number;
  sector: string | null;
  expectedCloseDate: string | null;
  createdAt: Date;
  closedAt: Date | null;
  /** The one pending next action; null only for won/lost deals. */
  nextAction: { type: ActionType; dueAt: Date; state: DueState } | null;
};

/** Never summed across currencies: a deal keeps the currency it was created in. */
export type CurrencyTotal = { currency: string; count: number; valueMinor: number; weightedMinor: number };

export type DealListResult = {
  rows: DealListRow[];
  total: number;
  /** One entry per currency in the filtered set, the org's own currency first. */
  totals: CurrencyTotal[];
  page: number;
  pageSize: DealPageSize;
  pageCount: number;
};

/** LIKE's wildcards and its escape character, taken literally in a search. */
export function likeContains(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function dateStart(isoDate: string, timeZone: string): Date {
  const [year, month, day] = isoDate.split("-").map(Number) as [number, number, number];
  return zonedTimeToUtc({ year, month, day, hour: 0, minute: 0 }, timeZone);
}

/** The WHERE of both the page and the totals: the visibility scope (org first) and then each filter. */
function filterCondition(ctx: TenantContext, f: DealFilters, now: Date): SQL {
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
    conditions.push(sql`lower(${deals.title} || ' ' || ${deals.contactName}) like lower(${likeContains(f.q)})`);
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

function selectPage(ctx: TenantContext, f: DealFilters, now: Date, page: number) {
  const qb = ctx.db
    .select({
      id: deals.id,
      title: deals.title,
      contactName: deals.contactName,
      ownerId: deals.ownerId,
      ownerName: users.name,
      stageName: pipelineStages.name,
      status: deals.status,
      valueMinor: deals.valueMinor,
      weightedMinor: sql<number>`${deals.weightedMinor}`.mapWith(Number),
      currency: deals.currency,
      probability: deals.probability,
      sector: deals.sector,
      expectedCloseDate: deals.expectedCloseDate,
      createdAt: deals.createdAt,
      closedAt: deals.closedAt,
      actionType: actions.type,
      actionDueAt: actions.dueAt,
    })
    .from(deals)
    .$dynamic();
  return withDealListQuery(qb, ctx, f, now)
    .limit(f.pageSize)
    .offset((page - 1) * f.pageSize);
}

/** Count, value and weighted value of the whole filtered set, per currency, in one aggregate query. */
function selectTotals(ctx: TenantContext, where: SQL) {
  return ctx.db
    .select({
      currency: deals.currency,
      count: sql<number>`count(*)`.mapWith(Number),
      valueMinor: sql<number>`coalesce(sum(${deals.valueMinor}), 0)`.mapWith(Number),
      weightedMinor: sql<number>`coalesce(sum(${deals.weightedMinor}), 0)`.mapWith(Number),
    })
    .from(deals)
    .where(where)
    .groupBy(deals.currency);
}

/**
 * The totals of a filtered set are asked again for each of its pages and sorts, and for a lead they
 * aggregate every open deal of the org (≈ 12 ms of database CPU at 100 000 deals): kept per org,
 * viewer scope and filter set until the org's data changes (src/server/versioned-cache.ts). "Overdue
 * only" also depends on the clock, so its key carries the minute.
 */
const totalsCache = versionedCache<CurrencyTotal[]>("deal-list-totals", { ttlMs: 30_000, maxEntries: 1000 });

function filteredTotals(ctx: TenantContext, f: DealFilters, now: Date, where: SQL): Promise<CurrencyTotal[]> {
  const { sort: _sort, dir: _dir, page: _page, pageSize: _size, ...set } = f;
  const key = [viewerScope(ctx), { ...set, stageIds: [...set.stageIds].sort() }, f.overdue ? Math.floor(now.getTime() / 60_000) : null];
  return totalsCache.get(ctx, key, async () => {
    const totals = await selectTotals(ctx, where);
    // The org's currency first, then the others alphabetically (imports can bring foreign ones).
    return totals.sort(
      (a, b) => Number(b.currency === ctx.org.currency) - Number(a.currency === ctx.org.currency) || a.currency.localeCompare(b.currency),
    );
  });
}

/** The deals list: one page of the filtered, sorted set plus its totals (reps see only their own deals). */
export async function listDeals(ctx: TenantContext, filters: DealFilters, now: Date = new Date()): Promise<DealListResult> {
  const where = filterCondition(ctx, filters, now);
  // The page and the totals are independent reads: run them side by side.
  const [firstTry, totals] = await Promise.all([selectPage(ctx, filters, now, filters.page), filteredTotals(ctx, filters, now, where)]);
  const total = totals.reduce((n, t) => n + t.count, 0);
  const pageCount = Math.max(1, Math.ceil(total / filters.pageSize));
  let rows = firstTry;
  let page = filters.page;
  if (page > pageCount) {
    // A stale link past the end (deals were closed or deleted since): show the last page instead.
    page = pageCount;
    if (total > 0) rows = await selectPage(ctx, filters, now, page);
  }
  const dayEnd = dayBounds(now, ctx.org.timeZone).end;
  return {
    rows: rows.map(({ actionType, actionDueAt, ...deal }) => ({
      ...deal,
      nextAction: actionType && actionDueAt ? { type: actionType, dueAt: actionDueAt, state: dueState(actionDueAt, now, dayEnd) } : null,
    })),
    total,
    totals,
    page,
    pageSize: filters.pageSize,
    pageCount,
  };
}

/** Distinct sectors change rarely and cost an index pass over the visible deals: kept like the totals. */
const sectorsCache = versionedCache<string[]>("deal-sectors", { ttlMs: 120_000, maxEntries: 1000 });

/** Distinct sectors on the deals the actor can see, for the filter and the new-deal suggestions. */
export function listSectors(ctx: TenantContext): Promise<string[]> {
  return sectorsCache.get(ctx, [viewerScope(ctx)], () => selectSectors(ctx));
}

async function selectSectors(ctx: TenantContext): Promise<string[]> {
  const rows = await ctx.db
    .selectDistinct({ sector: deals.sector })
    .from(deals)
    .where(and(visibleDeals(ctx), isNotNull(deals.sector)))
    .orderBy(asc(deals.sector))
    .limit(500);
  return rows.map((r) => r.sector!);
}

/** Whether the actor can see any deal at all: tells "no deals yet" apart from "no open deals". */
export async function hasAnyDeal(ctx: TenantContext): Promise<boolean> {
  const [row] = await ctx.db.select({ id: deals.id }).from(deals).where(visibleDeals(ctx)).limit(1);
  return row !== undefined;
}
