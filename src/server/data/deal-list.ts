import "server-only";

import { and, asc, isNotNull, type SQL, sql } from "drizzle-orm";

import { actions, deals, pipelineStages, users } from "@/db/schema";
import { dayBounds } from "@/lib/dates/zoned";
import { type DueState, dueState } from "@/lib/deals/rules";
import type { DealFilters, DealPageSize } from "@/lib/schemas/deal-filters";
import type { ActionType } from "@/lib/schemas/deals";
import type { TenantContext } from "@/server/tenant";
import { versionedCache, viewerScope } from "@/server/versioned-cache";

import { filterCondition, withDealListQuery } from "./deal-list-sql";
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

export type ListDealsParams = { filters: DealFilters; now?: Date };

/** The deals list: one page of the filtered, sorted set plus its totals (reps see only their own deals). */
export async function listDeals(ctx: TenantContext, { filters, now = new Date() }: ListDealsParams): Promise<DealListResult> {
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
