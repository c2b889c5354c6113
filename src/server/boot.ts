import "server-only";

import path from "node:path";

import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";

import { connectDatabase, type Database } from "@/db/client";
import { startEmbeddedPostgres } from "@/db/embedded";
import { migrateDatabase } from "@/db/migrate";
import { demoLoginsTable, hasDemoData, seedDemoIfEmpty } from "@/db/seed/run";
import { env } from "@/env";

import { announceSetupLink } from "./setup-link";

const MIGRATION_LOCK = 727_001; // pg_advisory_lock key: one migrator at a time across instances

/** Resolves the database (external or embedded), migrates it, and seeds the demo on first start. */
export async function bootDatabase(options: { seed?: boolean; quiet?: boolean } = {}): Promise<{ db: Database; url: string }> {
  const e = env();
  const log = options.quiet ? () => {} : (m: string) => console.log(`[momentum] ${m}`);
  let url = e.DATABASE_URL;
  if (!url) {
    const server = await startEmbeddedPostgres({
      dataDir: path.join(e.DATA_DIR, "pg"),
      port: e.EMBEDDED_PG_PORT,
      database: "momentum",
      log,
    });
    log(`${server.reused ? "Reusing" : "Started"} embedded PostgreSQL on 127.0.0.1:${server.port} (data in ${server.dataDir})`);
    if (!server.reused) log(`PostgreSQL's own log: ${server.logDir}`);
    url = server.url;
  }
  await migrateWithLock(url);
  const db = connectDatabase(url, { max: e.DB_POOL_MAX, logSql: e.LOG_SQL === "on" });
  if (options.seed !== false && e.SEED_DEMO === "auto") {
    // Only the embedded database: an external DATABASE_URL is a real install's, and the demo's
    // well-known logins must not land there unasked (`npm run db:seed` seeds it on purpose).
    if (!e.DATABASE_URL && (await seedDemoIfEmpty(db))) log("Seeded the demo data.");
    if (!options.quiet && (await hasDemoData(db))) console.log(demoLoginsTable());
  }
  if (options.seed !== false && !options.quiet) await announceSetupLink(db, log);
  return { db, url };
}

async function migrateWithLock(url: string) {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK})`;
    await migrateDatabase(drizzle(sql) as unknown as Database);
  } finally {
    await sql`select pg_advisory_unlock(${MIGRATION_LOCK})`.catch(() => {});
    await sql.end({ timeout: 2 });
  }
}
