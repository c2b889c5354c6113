import "server-only";

import { and, eq, inArray, type SQL, sql } from "drizzle-orm";

import { deals } from "@/db/schema";
import { buildWindow, type DashboardWindow, todayIn } from "@/lib/kpi/period";
import { can } from "@/lib/permissions";
import { type DashboardFilters, resolveRange } from "@/lib/schemas/dashboard-filters";
import type { TenantContext } from "@/server/tenant";

import { visibleDeals } from "../deal-scope";

/** What every dashboard query needs: the filters as given and the time windows they resolve to. */
export type DashboardQuery = { filters: DashboardFilters; window: DashboardWindow };

export function dashboardQuery(ctx: TenantContext, filters: DashboardFilters, now: Date = new Date()): DashboardQuery {
  const tz = ctx.org.timeZone;
  return { filters, window: buildWindow(resolveRange(filters, todayIn(now, tz)), now, tz) };
}

/**
 * The deals every chart and KPI is computed over: the actor's visible deals (org first, then for
 * reps their own) narrowed by the stage, sector and owner filters. The owner filter only applies to
 * managers and admins — a rep's scope is already their own deals.
 */
export function dashboardDeals(ctx: TenantContext, filters: DashboardFilters): SQL {
  return and(
    visibleDeals(ctx),
    filters.stageIds.length > 0 ? inArray(deals.stageId, filters.stageIds) : undefined,
    filters.sectors.length > 0 ? inArray(deals.sector, filters.sectors) : undefined,
    filters.ownerIds.length > 0 && can(ctx.role, "deals.viewAll") ? inArray(deals.ownerId, filters.ownerIds) : undefined,
  )!;
}

/** A timestamptz parameter (raw sql takes no Date parameter). */
export function at(instant: Date): SQL {
  return sql`${instant.toISOString()}::timestamptz`;
}

/** `deals.<column> in [start, end)`. */
export function within(column: SQL | typeof deals.createdAt | typeof deals.closedAt, range: { start: Date; end: Date }): SQL {
  return sql`(${column} >= ${at(range.start)} and ${column} < ${at(range.end)})`;
}

export const isOpen = eq(deals.status, "open");
export const isWon = eq(deals.status, "won");
export const isLost = eq(deals.status, "lost");

/** bigint/numeric come back from PostgreSQL as strings; aggregates over no rows as null. */
export function num(value: unknown): number {
  if (value === null || value === undefined) return 0;
  const n = Number(value);
  return Number.isFinite(n) ? n : 0;
}

/** Amounts per currency, the org's currency first, then alphabetical. */
export type CurrencyAmount = { currency: string; minor: number };

export function sortCurrencies<T extends { currency: string }>(rows: T[], orgCurrency: string): T[] {
  return [...rows].sort(
    (a, b) => Number(b.currency === orgCurrency) - Number(a.currency === orgCurrency) || a.currency.localeCompare(b.currency),
  );
}
