import "server-only";

import { type DbOrTx, getDb } from "@/db/client";

/**
 * The data layer's one shape: every data function is `fn(ctx, params)` (or `fn(ctx)` with no
 * params). Tenant-scoped functions take a `TenantContext`; the `unsafe…` functions, which
 * deliberately skip tenant scoping, take a `DbContext` — the database and nothing else. A
 * transaction is never a separate argument: it travels as the ctx's `db` (see `inTransaction`).
 */
export type DbContext = { db: DbOrTx };

/**
 * The context of a data function about the signed-in user's own account (the profile), outside any
 * org: the user comes from a session the caller has checked (the factory's userAction).
 */
export type UserContext = DbContext & { userId: string };

/**
 * Runs `fn` in one transaction with a ctx whose `db` is that transaction, so every data function
 * it calls with `txCtx` joins it. Called with a ctx that is already in a transaction, it nests
 * (a savepoint).
 */
export function inTransaction<C extends DbContext, T>(ctx: C, fn: (txCtx: C) => Promise<T>): Promise<T> {
  return ctx.db.transaction((tx) => fn({ ...ctx, db: tx }));
}

/** The context of an `unsafe…` call outside a transaction: the process's database. */
export function databaseContext(): DbContext {
  return { db: getDb() };
}

/** The context of a data function about the user's own account, outside a transaction. */
export function userContext({ userId }: { userId: string }): UserContext {
  return { db: getDb(), userId };
}
