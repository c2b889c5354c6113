import "server-only";

import path from "node:path";

import { migrate } from "drizzle-orm/postgres-js/migrator";

import type { Database } from "./client";

/** Applies drizzle-kit's committed migrations; safe to call on every start (it skips applied ones). */
export async function migrateDatabase(db: Database): Promise<void> {
  await migrate(db, { migrationsFolder: path.join(/*turbopackIgnore: true*/ process.cwd(), "drizzle") });
}
