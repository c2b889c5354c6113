import "server-only";

import { sql } from "drizzle-orm";

import type { Database } from "@/db/client";

/**
 * Records that an org's data changed: bumps `organizations.data_version` after the change has
 * committed (every successful org action, every finished import or revert). The tenant is resolved
 * on every request with that column, so per-process caches of derived figures (the dashboard, the
 * what-if baseline) compare their entry's version with the request's and recompute when it is
 * behind — whichever web worker served the change, the next page shows it.
 *
 * A bare UPDATE outside the change's own transaction: the org row is not locked for the length of
 * every write in the org. A reader that resolved its tenant just before the bump may get the old
 * figures once; the next request is current.
 */
export async function recordOrgDataChanged(db: Database, orgId: string): Promise<void> {
  await db.execute(sql`update organizations set data_version = data_version + 1 where id = ${orgId}`);
}

/** True when a cached value computed at `cachedVersion` still describes data at `currentVersion`. */
export function isCurrent(cachedVersion: number, currentVersion: number): boolean {
  return cachedVersion >= currentVersion;
}
