import "server-only";

import { and, eq, gt, lt, sql } from "drizzle-orm";

import { signInAttempts } from "@/db/schema";

import type { DbContext } from "./context";

/**
 * Failed sign-ins are counted per account and per IP over a sliding window in PostgreSQL, so the
 * limit holds across app instances. Not tenant-scoped: nobody is in an org before signing in.
 */
export const THROTTLE = {
  windowMinutes: 15,
  maxFailuresPerAccount: 5,
  maxFailuresPerIp: 30,
} as const;

export type ClaimSignInAttemptParams = { email: string; ip: string };

/**
 * Claims a sign-in attempt before the password is checked. The attempt is written as a failure
 * first and the window counted afterwards (this attempt included), so concurrent attempts see
 * each other: a burst of parallel guesses cannot all pass a check made before any of them was
 * recorded. Returns the attempt's id, or undefined when the account or the IP is over its limit;
 * a refused attempt is not kept, so hammering a locked account does not extend the lock.
 */
export async function unsafeClaimSignInAttempt({ db }: DbContext, { email, ip }: ClaimSignInAttemptParams): Promise<number | undefined> {
  const [attempt] = await db.insert(signInAttempts).values({ email, ip, succeeded: false }).returning({ id: signInAttempts.id });
  const since = sql`now() - make_interval(mins => ${THROTTLE.windowMinutes})`;
  const [row] = await db
    .select({
      byAccount: sql<number>`count(*) filter (where ${signInAttempts.email} = ${email})`.mapWith(Number),
      byIp: sql<number>`count(*) filter (where ${signInAttempts.ip} = ${ip})`.mapWith(Number),
    })
    .from(signInAttempts)
    .where(
      and(
        eq(signInAttempts.succeeded, false),
        gt(signInAttempts.createdAt, since),
        sql`(${signInAttempts.email} = ${email} or ${signInAttempts.ip} = ${ip})`,
      ),
    );
  if ((row?.byAccount ?? 0) > THROTTLE.maxFailuresPerAccount || (row?.byIp ?? 0) > THROTTLE.maxFailuresPerIp) {
    await db.delete(signInAttempts).where(eq(signInAttempts.id, attempt!.id));
    return undefined;
  }
  return attempt!.id;
}

export type SucceedSignInAttemptParams = { attemptId: number; email: string };

/** The password was right: the claimed attempt becomes a success and forgives the account's failures (not the IP's). */
export async function unsafeSucceedSignInAttempt({ db }: DbContext, { attemptId, email }: SucceedSignInAttemptParams) {
  await db.update(signInAttempts).set({ succeeded: true }).where(eq(signInAttempts.id, attemptId));
  await db.delete(signInAttempts).where(and(eq(signInAttempts.email, email), eq(signInAttempts.succeeded, false)));
}

/** Housekeeping job: attempts older than a day no longer matter. */
export async function unsafePurgeOldSignInAttempts({ db }: DbContext): Promise<number> {
  const rows = await db
    .delete(signInAttempts)
    .where(lt(signInAttempts.createdAt, sql`now() - interval '1 day'`))
    .returning({ id: signInAttempts.id });
  return rows.length;
}
