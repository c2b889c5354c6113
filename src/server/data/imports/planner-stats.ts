import "server-only";

import { sql } from "drizzle-orm";

import type { DbContext } from "../context";

const TABLES = ["deals", "actions", "deal_stage_history"] as const;

/**
 * Refreshes planner statistics when this import is large next to what they describe (a new
 * installation, or a first import far larger than the existing data). Without them PostgreSQL
 * guesses, and the invariant trigger's "pending actions of this deal" lookup was seen walking every
 * pending action of the org through the (org_id, due_at) index instead of (org_id, deal_id): an
 * import of 10 000 rows took 17 s, almost all of it at commit. Run after the first batch, inside
 * the import's transaction, ANALYZE sees the rows written so far; the cached plans are replanned.
 * With up-to-date statistics (the usual case) nothing is analyzed. Only imports that update deals
 * need it: created deals and actions are checked as sets by plans that do not depend on statistics
 * (drizzle/0010), and an ANALYZE of a fresh deals table was seen waiting 1.3 s on reads.
 */
export type RefreshStatsParams = { rowsToImport: number };

export async function refreshStatsIfStale({ db }: DbContext, { rowsToImport }: RefreshStatsParams): Promise<string[]> {
  const rows = await db.execute<{ relname: string; reltuples: number }>(sql`
    select relname, reltuples from pg_class
     where oid in ('deals'::regclass, 'actions'::regclass, 'deal_stage_history'::regclass)`);
  const stale = rows.filter((r) => Number(r.reltuples) < rowsToImport).map((r) => r.relname);
  for (const table of TABLES) {
    if (stale.includes(table)) await db.execute(sql.raw(`analyze ${table}`));
  }
  return stale;
}
