import "server-only";

import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres from "postgres";

import * as schema from "./schema";

export type Database = PostgresJsDatabase<typeof schema>;
/** A transaction handle has the same query API as the database; data functions accept either. */
export type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];
export type DbOrTx = Database | Tx;

type Connection = { url: string; sql: postgres.Sql; db: Database };

// Kept on globalThis: instrumentation, route handlers and RSC pages are separate bundles
// in one process, and they must share one pool.
const g = globalThis as typeof globalThis & { __momentumDb?: Connection };

export function connectDatabase(url: string, options: { max?: number; logSql?: boolean } = {}): Database {
  if (g.__momentumDb?.url === url) return g.__momentumDb.db;
  const sql = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    connection: { application_name: "momentum" },
    // Our timestamps are timestamptz; keep bigint money as JS numbers only when safe (see mappers).
  });
  const db = drizzle(preparedStatements(sql), { schema, logger: options.logSql ?? false });
  g.__momentumDb = { url, sql, db };
  return db;
}

/**
 * Drizzle sends every query unprepared (postgres.js `unsafe(…, { prepare: false })`), so PostgreSQL
 * parses and plans each one on every request — for the Today page that was most of its database CPU.
 * This makes drizzle's parameterised queries named prepared statements, which postgres.js caches per
 * connection by their text: parsed once, planned by PostgreSQL's plan cache (custom plans at first,
 * a generic one when it is no worse). Queries without parameters keep the simple protocol.
 * Transactions and savepoints hand drizzle a new client, so those are wrapped the same way.
 */
function preparedStatements<T extends postgres.Sql | postgres.TransactionSql>(client: T): T {
  return new Proxy(client, {
    get(target, prop, receiver) {
      if (prop === "unsafe") {
        return (query: string, params?: unknown[], options?: { prepare?: boolean }) =>
          target.unsafe(query, params as postgres.ParameterOrJSON<never>[], { ...options, prepare: (params?.length ?? 0) > 0 });
      }
      if (prop === "begin" || prop === "savepoint") {
        const open = Reflect.get(target, prop, receiver) as (...args: unknown[]) => unknown;
        return (...args: unknown[]) =>
          open.apply(
            target,
            args.map((arg) =>
              typeof arg === "function" ? (tx: postgres.TransactionSql) => (arg as (t: unknown) => unknown)(preparedStatements(tx)) : arg,
            ),
          );
      }
      return Reflect.get(target, prop, receiver);
    },
  });
}

export function getDb(): Database {
  const conn = g.__momentumDb;
  if (!conn) throw new Error("Database not connected: the app boots it in instrumentation.ts; scripts call bootDatabase().");
  return conn.db;
}

export function getSql(): postgres.Sql {
  const conn = g.__momentumDb;
  if (!conn) throw new Error("Database not connected");
  return conn.sql;
}

export function getDatabaseUrl(): string | undefined {
  return g.__momentumDb?.url;
}

export async function disconnectDatabase(): Promise<void> {
  const conn = g.__momentumDb;
  g.__momentumDb = undefined;
  await conn?.sql.end({ timeout: 5 });
}
