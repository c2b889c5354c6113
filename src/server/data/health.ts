import "server-only";

import { sql } from "drizzle-orm";

import type { DbContext } from "./context";

/** Whether the database answers. A failure is logged here, once per check, as one line. */
export async function checkDatabaseHealth({ db }: DbContext): Promise<{ ok: boolean }> {
  try {
    await db.execute(sql`select 1`);
    return { ok: true };
  } catch (err) {
    console.error(`[health] database check failed: ${err instanceof Error ? err.message : String(err)}`);
    return { ok: false };
  }
}
