import { todayIn } from "@/lib/kpi/period";
import { can } from "@/lib/permissions";
import type { DashboardFilters } from "@/lib/schemas/dashboard-filters";
import { onOrgDataChanged } from "@/server/data-changes";
import type { TenantContext } from "@/server/tenant";
import { getDashboard, getDashboardOptions, type Dashboard, type DashboardOptions } from "./get-dashboard";

/**
 * A short-lived, per-process cache in front of getDashboard, for the page only (exports and tests
 * call getDashboard). At 100 000 deals one dashboard costs tens of milliseconds of database CPU;
 * ten people (or one benchmark) opening the same view at once would queue on two cores. So:
 *   - identical views (same org, same scope, same filters, same day) share one computation
 *     (single flight) and its result for FRESH_MS;
 *   - up to STALE_MS the last result is served at once while one refresh runs in the background.
 * The scope is "all" for managers and admins and the user's id for reps, so a rep never gets a
 * manager's numbers. Nothing here is needed for correctness: a restart or a second instance just
 * computes again. Any successful action in the org drops that org's entries in this process
 * (src/server/data-changes.ts), so whoever changes a deal sees it on the next load; other instances
 * catch up within FRESH_MS/STALE_MS, and the page polls every 45 s.
 */
export const FRESH_MS = 10_000;
export const STALE_MS = 30_000;
const MAX_ENTRIES = 500;

type Entry = { orgId: string; at: number; value?: Dashboard; pending?: Promise<Dashboard> };

/** The filter menus' options change rarely and cost a scan (distinct sectors): kept longer, per org and scope. */
export const OPTIONS_TTL_MS = 120_000;

const g = globalThis as typeof globalThis & {
  __momentumDashboardCache?: Map<string, Entry>;
  __momentumDashboardOptions?: Map<string, { at: number; value: Promise<DashboardOptions> }>;
};
const entries = (g.__momentumDashboardCache ??= new Map<string, Entry>());
const optionEntries = (g.__momentumDashboardOptions ??= new Map());

/** Bumped on every change in the org: a computation that started before the change must not be kept. */
const generations = new Map<string, number>();

onOrgDataChanged((orgId) => {
  generations.set(orgId, (generations.get(orgId) ?? 0) + 1);
  for (const [key, entry] of entries) if (entry.orgId === orgId) entries.delete(key);
  for (const key of optionEntries.keys()) if (key.startsWith(`["${orgId}"`)) optionEntries.delete(key);
});

function filterOptions(ctx: TenantContext): Promise<DashboardOptions> {
  const key = JSON.stringify([ctx.orgId, can(ctx.role, "deals.viewAll") ? "all" : `rep:${ctx.userId}`]);
  const hit = optionEntries.get(key);
  if (hit && Date.now() - hit.at < OPTIONS_TTL_MS) return hit.value;
  const value = getDashboardOptions(ctx);
  value.catch(() => optionEntries.delete(key));
  optionEntries.set(key, { at: Date.now(), value });
  if (optionEntries.size > MAX_ENTRIES) optionEntries.delete(optionEntries.keys().next().value!);
  return value;
}

export function dashboardCacheKey(ctx: TenantContext, filters: DashboardFilters): string {
  const scope = can(ctx.role, "deals.viewAll") ? "all" : `rep:${ctx.userId}`;
  // Stable key: filter arrays in a fixed order, whatever order the URL had them in.
  const f = { ...filters, stageIds: [...filters.stageIds].sort(), sectors: [...filters.sectors].sort(), ownerIds: [...filters.ownerIds].sort() };
  return JSON.stringify([ctx.orgId, scope, ctx.org.timeZone, ctx.org.currency, f]);
}

function compute(key: string, ctx: TenantContext, filters: DashboardFilters): Promise<Dashboard> {
  const entry = entries.get(key) ?? { orgId: ctx.orgId, at: 0 };
  const generation = generations.get(ctx.orgId) ?? 0;
  const pending = getDashboard(ctx, filters, new Date(), { filterOptions: filterOptions(ctx) }).then(
    (value) => {
      entries.delete(key); // re-insert: Map order is the eviction order (oldest first)
      if ((generations.get(ctx.orgId) ?? 0) !== generation) return value; // data changed meanwhile: serve, don't keep
      entries.set(key, { orgId: ctx.orgId, at: Date.now(), value });
      while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
      return value;
    },
    (err: unknown) => {
      const current = entries.get(key);
      if (current?.pending === pending) {
        if (current.value) entries.set(key, { orgId: ctx.orgId, at: current.at, value: current.value });
        else entries.delete(key);
      }
      throw err;
    },
  );
  entries.set(key, { ...entry, pending });
  return pending;
}

export async function getDashboardCached(ctx: TenantContext, filters: DashboardFilters): Promise<Dashboard> {
  const key = dashboardCacheKey(ctx, filters);
  const entry = entries.get(key);
  const age = entry?.value ? Date.now() - entry.at : Number.POSITIVE_INFINITY;
  // A cached dashboard from another day would show yesterday's "today": the key has no date, the age check covers it.
  if (entry?.value && age < FRESH_MS && sameDay(entry.value, ctx)) return entry.value;
  if (entry?.value && age < STALE_MS && sameDay(entry.value, ctx)) {
    if (!entry.pending) compute(key, ctx, filters).catch(() => {}); // the next request sees the refresh
    return entry.value;
  }
  return entry?.pending ?? compute(key, ctx, filters);
}

function sameDay(value: Dashboard, ctx: TenantContext): boolean {
  return value.window.today === todayIn(new Date(), ctx.org.timeZone);
}

/** Tests only: forget everything. */
export function clearDashboardCache(): void {
  entries.clear();
  optionEntries.clear();
}
