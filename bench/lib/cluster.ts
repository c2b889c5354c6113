import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";

import type { Database } from "@/db/client";
import { startEmbeddedPostgres } from "@/db/embedded";
import { migrateDatabase } from "@/db/migrate";
import * as schema from "@/db/schema";

import { BENCH_PG_DIR, CLUSTER_SETTINGS, DATABASE_NAME } from "./config";

export type BenchDatabase = {
  url: string;
  sql: postgres.Sql;
  db: Database;
  /** True when this process started the cluster (and so must stop it); false when it reused one. */
  startedHere: boolean;
  close: () => Promise<void>;
};

/**
 * The benchmark's own embedded cluster in .bench-data/pg, migrated. If it already runs (an earlier
 * bench left it, or the app under test started it) it is reused and left running on close.
 */
export async function openBenchDatabase(log: (m: string) => void = console.log): Promise<BenchDatabase> {
  const server = await startEmbeddedPostgres({
    dataDir: BENCH_PG_DIR,
    database: DATABASE_NAME,
    settings: CLUSTER_SETTINGS,
    log: (m) => {
      if (/FATAL|PANIC/.test(m)) console.error(`[postgres] ${m}`);
    },
  });
  log(`${server.reused ? "Reusing" : "Started"} the bench PostgreSQL on 127.0.0.1:${server.port} (${BENCH_PG_DIR})`);
  const sql = postgres(server.url, { max: 4, onnotice: () => {}, connection: { application_name: "momentum-bench" } });
  // Drizzle rewires its client's date parsers, so the app-shaped handle gets a client of its own
  // and raw benchmark SQL keeps postgres.js defaults.
  const drizzleClient = postgres(server.url, { max: 4, onnotice: () => {}, connection: { application_name: "momentum-bench-drizzle" } });
  const db = drizzle(drizzleClient, { schema }) as unknown as Database;
  await migrateDatabase(db);
  return {
    url: server.url,
    sql,
    db,
    startedHere: !server.reused,
    close: async () => {
      await Promise.all([sql.end({ timeout: 5 }), drizzleClient.end({ timeout: 5 })]);
      await server.stop();
    },
  };
}
