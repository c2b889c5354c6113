import { sql } from "drizzle-orm";

import { getDb } from "@/db/client";

/** Whether the database answers. A failure is logged here, once per check, as one line. */
export async function checkDatabaseHealth(): Promise<{ ok: boolean }> {
  try {
    await getDb().execute(sql`select 1`);
    return { ok: true };
  } catch (err) {
    console.error(`[health] database check failed: ${err instanceof Error ? err.message : String(err)}`);
    return { ok: false };
  }
}
