import "server-only";

import { can } from "@/lib/permissions";

import { isCurrent } from "./data-changes";
import type { TenantContext } from "./tenant";

/**
 * A small per-process cache for figures derived from a whole org's data (totals over every open
 * deal, the distinct sectors, a 12-month baseline): reads that cost milliseconds to hundreds of
 * milliseconds of database CPU at 100 000 deals and are asked again on every page view and every
 * page of a list. An entry is used only while
 *   - it is younger than `ttlMs` (a bound for what no write announces, such as time passing), and
 *   - the org's data_version it was computed at is still the request's (src/server/data-changes.ts):
 *     any committed change in the org, through any web worker, makes it stale at once.
 * Concurrent requests for the same key share one computation; a failure is not kept. The key must
 * hold everything the value depends on besides the org — in particular the viewer's scope (a rep's
 * figures are not a manager's).
 */
export type VersionedCache<V> = {
  get: (ctx: TenantContext, key: readonly unknown[], compute: () => PromiseLike<V>) => Promise<V>;
  clear: () => void;
};

type Entry<V> = { at: number; version: number; value: Promise<V> };

const g = globalThis as typeof globalThis & { __momentumVersionedCaches?: Map<string, Map<string, Entry<unknown>>> };
// On globalThis: pages and route handlers are separate bundles in one process; they share entries.
const stores = (g.__momentumVersionedCaches ??= new Map());

export function versionedCache<V>(name: string, options: { ttlMs: number; maxEntries: number }): VersionedCache<V> {
  let store = stores.get(name) as Map<string, Entry<V>> | undefined;
  if (!store) {
    store = new Map<string, Entry<V>>();
    stores.set(name, store as Map<string, Entry<unknown>>);
  }
  const entries = store;
  return {
    get(ctx, key, compute) {
      const k = JSON.stringify([ctx.orgId, ...key]);
      const hit = entries.get(k);
      if (hit && Date.now() - hit.at < options.ttlMs && isCurrent(hit.version, ctx.org.dataVersion)) return hit.value;
      // Settled once here: a drizzle query is a thenable that would run again on every await.
      const value = new Promise<V>((resolve) => resolve(compute()));
      entries.delete(k); // re-insert: Map order is the eviction order (oldest first)
      entries.set(k, { at: Date.now(), version: ctx.org.dataVersion, value });
      while (entries.size > options.maxEntries) entries.delete(entries.keys().next().value!);
      value.catch(() => {
        if (entries.get(k)?.value === value) entries.delete(k);
      });
      return value;
    },
    clear: () => entries.clear(),
  };
}

/** The part of a cache key that says whose deals the viewer sees: the whole org for leads, their own for reps. */
export function viewerScope(ctx: TenantContext): string {
  return can(ctx.role, "deals.viewAll") ? "all" : `rep:${ctx.userId}`;
}
