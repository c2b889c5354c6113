// npm run db:reset — drops every Momentum table (and the job queue), re-migrates and re-seeds.
import { sql } from "drizzle-orm";

import { disconnectDatabase } from "@/db/client";
import { bootDatabase } from "@/server/boot";

const { db } = await bootDatabase({ seed: false, quiet: true });
await db.execute(sql`drop schema if exists public cascade`);
await db.execute(sql`drop schema if exists drizzle cascade`);
await db.execute(sql`drop schema if exists pgboss cascade`);
await db.execute(sql`create schema public`);
await disconnectDatabase();
await bootDatabase();
await disconnectDatabase();
console.log("Database reset.");
process.exit(0);
