import { and, eq, gt, lt, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { signInAttempts } from "@/db/schema";

/**
 * Failed sign-ins are counted per account and per IP over a sliding window in PostgreSQL, so the
 * limit holds across app instances. Not tenant-scoped: nobody is in an org before signing in.
 */
export const THROTTLE = {
  windowMinutes: 15,
  maxFailuresPerAccount: 5,
  maxFailuresPerIp: 30,
} as const;

export async function unsafeIsSignInThrottled(db: DbOrTx, email: string, ip: string): Promise<boolean> {
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
  return (row?.byAccount ?? 0) >= THROTTLE.maxFailuresPerAccount || (row?.byIp ?? 0) >= THROTTLE.maxFailuresPerIp;
}

export async function unsafeRecordSignInAttempt(db: DbOrTx, email: string, ip: string, succeeded: boolean) {
  await db.insert(signInAttempts).values({ email, ip, succeeded });
  // A success forgives the account's earlier failures (but not the IP's).
  if (succeeded) {
    await db.delete(signInAttempts).where(and(eq(signInAttempts.email, email), eq(signInAttempts.succeeded, false)));
  }
}

/** Housekeeping job: attempts older than a day no longer matter. */
export async function unsafePurgeOldSignInAttempts(db: DbOrTx): Promise<number> {
  const rows = await db
    .delete(signInAttempts)
    .where(lt(signInAttempts.createdAt, sql`now() - interval '1 day'`))
    .returning({ id: signInAttempts.id });
  return rows.length;
}
