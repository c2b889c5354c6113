import { sql } from "drizzle-orm";

import { getDb } from "@/db/client";

export async function checkDatabaseHealth(): Promise<{ ok: boolean; latencyMs?: number; migrations?: number; error?: string }> {
  const started = performance.now();
  try {
    const rows = await getDb().execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
    return { ok: true, latencyMs: Math.round((performance.now() - started) * 10) / 10, migrations: (rows[0] as { n: number }).n };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : "unreachable" };
  }
}
