import "server-only";

import { and, eq, notExists, sql } from "drizzle-orm";

import { memberships, users } from "@/db/schema";

import type { DbContext } from "./context";

/**
 * Session versions (users.session_version). A session token carries the version it was issued at;
 * bumping the version refuses every token issued before. Requests check it on a query they run
 * anyway (the tenant query, the org list); these functions are for the rest. Not tenant-scoped: a
 * session belongs to a user, not to an org.
 */
export type SessionRef = { userId: string; sessionVersion: number };

/** The version a new session of the user starts at (read once, at sign-in). */
export async function unsafeSessionVersionOf(ctx: DbContext, { userId }: { userId: string }): Promise<number | undefined> {
  const [row] = await ctx.db.select({ version: users.sessionVersion }).from(users).where(eq(users.id, userId));
  return row?.version;
}

/** For the few session-gated paths that run no tenant query of their own (user actions, login and invite pages). */
export async function unsafeIsSessionCurrent(ctx: DbContext, { userId, sessionVersion }: SessionRef): Promise<boolean> {
  const [row] = await ctx.db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.sessionVersion, sessionVersion)));
  return row !== undefined;
}

/** Ends every session of the user (sign-out, sign-out everywhere, password change); returns the new version. */
export async function unsafeEndSessions(ctx: DbContext, { userId }: { userId: string }): Promise<number | undefined> {
  const [row] = await ctx.db
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId))
    .returning({ version: users.sessionVersion });
  return row?.version;
}

/**
 * Ends the user's sessions if they belong to no org any more (they were just removed from their
 * last one): a signed-in session with nothing to open is no use, and a copy of it must not outlive
 * the removal. One statement, so it sees the removal of the transaction it runs in.
 */
export async function unsafeEndSessionsIfNoOrgLeft(ctx: DbContext, { userId }: { userId: string }): Promise<boolean> {
  const bumped = await ctx.db
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(
      and(
        eq(users.id, userId),
        notExists(
          ctx.db
            .select({ one: sql`1` })
            .from(memberships)
            .where(eq(memberships.userId, userId)),
        ),
      ),
    )
    .returning({ id: users.id });
  return bumped.length > 0;
}
