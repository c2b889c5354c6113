import "server-only";

import { todayIn } from "@/lib/kpi/period";
import type { DashboardFilters } from "@/lib/schemas/dashboard-filters";
import { isCurrent } from "@/server/data-changes";
import type { TenantContext } from "@/server/tenant";
import { viewerScope } from "@/server/versioned-cache";

import { type Dashboard, getDashboard } from "./get-dashboard";

/**
 * A short-lived, per-process cache in front of getDashboard, for the page only (exports and tests
 * call getDashboard). At 100 000 deals one dashboard costs tens of milliseconds of database CPU;
 * ten people (or one benchmark) opening the same view at once would queue on two cores. So:
 *   - identical views (same org, same scope, same filters, same day) share one computation
 *     (single flight) and its result for FRESH_MS;
 *   - up to STALE_MS the last result is served at once while one refresh runs in the background.
 * The scope is "all" for managers and admins and the user's id for reps, so a rep never gets a
 * manager's numbers. Nothing here is needed for correctness: a restart or a second instance just
 * computes again. Every entry carries the org's data_version it was computed at; any change in the
 * org bumps that version (src/server/data-changes.ts), so whoever changes a deal — through any web
 * worker — sees it on the next load, and the page polls every 45 s.
 */
export const FRESH_MS = 10_000;
export const STALE_MS = 30_000;
const MAX_ENTRIES = 500;

type Entry = {
  value?: { at: number; version: number; dashboard: Dashboard };
  pending?: { version: number; promise: Promise<Dashboard> };
};

const g = globalThis as typeof globalThis & {
  __momentumDashboardCache?: Map<string, Entry>;
};
const entries = (g.__momentumDashboardCache ??= new Map<string, Entry>());

export function dashboardCacheKey(ctx: TenantContext, filters: DashboardFilters): string {
  const scope = viewerScope(ctx);
  // Stable key: filter arrays in a fixed order, whatever order the URL had them in.
  const f = {
    ...filters,
    stageIds: [...filters.stageIds].sort(),
    sectors: [...filters.sectors].sort(),
    ownerIds: [...filters.ownerIds].sort(),
  };
  return JSON.stringify([ctx.orgId, scope, ctx.org.timeZone, ctx.org.currency, f]);
}

function compute(key: string, ctx: TenantContext, filters: DashboardFilters): Promise<Dashboard> {
  // The version the computation starts from: a change committed meanwhile bumps the org past it,
  // so the next request recomputes rather than trusting this result.
  const version = ctx.org.dataVersion;
  const promise = getDashboard(ctx, { filters }).then(
    (dashboard) => {
      entries.delete(key); // re-insert: Map order is the eviction order (oldest first)
      entries.set(key, { value: { at: Date.now(), version, dashboard } });
      while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
      return dashboard;
    },
    (err: unknown) => {
      const current = entries.get(key);
      if (current?.pending?.promise === promise) {
        if (current.value) entries.set(key, { value: current.value });
        else entries.delete(key);
      }
      throw err;
    },
  );
  entries.set(key, { value: entries.get(key)?.value, pending: { version, promise } });
  return promise;
}

export async function getDashboardCached(ctx: TenantContext, filters: DashboardFilters): Promise<Dashboard> {
  const key = dashboardCacheKey(ctx, filters);
  const { value, pending } = entries.get(key) ?? {};
  // A cached dashboard from another day would show yesterday's "today": the key has no date.
  const usable = value && isCurrent(value.version, ctx.org.dataVersion) && sameDay(value.dashboard, ctx);
  const age = usable ? Date.now() - value.at : Number.POSITIVE_INFINITY;
  if (usable && age < FRESH_MS) return value.dashboard;
  if (usable && age < STALE_MS) {
    if (!pending) compute(key, ctx, filters).catch(() => {}); // the next request sees the refresh
    return value.dashboard;
  }
  // Join a computation in flight only when it started from a version at least as new as ours.
  if (pending && isCurrent(pending.version, ctx.org.dataVersion)) return pending.promise;
  return compute(key, ctx, filters);
}

function sameDay(value: Dashboard, ctx: TenantContext): boolean {
  return value.window.today === todayIn(new Date(), ctx.org.timeZone);
}

/** Tests only: forget everything. */
export function clearDashboardCache(): void {
  entries.clear();
}
