import "server-only";

import { RateLimiterDrizzle, RateLimiterRes } from "rate-limiter-flexible";

import { rateLimits } from "@/db/schema";
import { addressBucket } from "@/lib/client-ip";

import type { DbContext } from "./context";

/**
 * Sign-in budgets (OWASP authentication guidance): a client address gets a number of failures per
 * window, and an account that keeps failing is slowed down, never locked: after a few failures each
 * attempt must wait 1 s, 2 s, 4 s… (at most 5 minutes) after the previous one, and the right
 * password works as soon as the wait is over. Kept in PostgreSQL by rate-limiter-flexible (table
 * `rate_limits`), so they hold across web workers and instances. Not tenant-scoped: nobody is in
 * an org before signing in.
 */
export const SIGN_IN_LIMITS = {
  failuresPerAddress: 30,
  addressWindowSeconds: 15 * 60,
  /** Failures in a row an account may have before it is slowed down. */
  freeAccountFailures: 3,
  maxDelaySeconds: 5 * 60,
  /** An account's run of failures is forgotten this long after it started. */
  accountMemorySeconds: 24 * 60 * 60,
} as const;

/** The wait after an account's `failures`-th failure in a row: 0, then 1 s, 2 s, 4 s… up to the cap. */
export function accountDelaySeconds(failures: number): number {
  const beyond = failures - SIGN_IN_LIMITS.freeAccountFailures;
  return beyond < 0 ? 0 : Math.min(SIGN_IN_LIMITS.maxDelaySeconds, 2 ** beyond);
}

type Limiters = { address: RateLimiterDrizzle; failures: RateLimiterDrizzle; wait: RateLimiterDrizzle };
const limitersByDb = new WeakMap<DbContext["db"], Limiters>();

function limiters({ db }: DbContext): Limiters {
  let found = limitersByDb.get(db);
  if (!found) {
    const store = { storeClient: db, schema: rateLimits };
    found = {
      // Its timer deletes rows of every limiter an hour past their expiry (the table is shared).
      address: new RateLimiterDrizzle({
        ...store,
        keyPrefix: "sign-in-address",
        points: SIGN_IN_LIMITS.failuresPerAddress,
        duration: SIGN_IN_LIMITS.addressWindowSeconds,
      }),
      failures: new RateLimiterDrizzle({
        ...store,
        keyPrefix: "sign-in-failures",
        points: Number.MAX_SAFE_INTEGER,
        duration: SIGN_IN_LIMITS.accountMemorySeconds,
        clearExpiredByTimeout: false,
      }),
      // One point per wait: whoever takes it may try now, everyone else until it expires may not.
      wait: new RateLimiterDrizzle({ ...store, keyPrefix: "sign-in-wait", points: 1, duration: 1, clearExpiredByTimeout: false }),
    };
    limitersByDb.set(db, found);
  }
  return found;
}

/** waitSeconds: how long the account must wait after this attempt if the password is wrong. */
export type SignInRefusal = { ok: false; retryAfterSeconds: number };
export type SignInClaim = { ok: true; waitSeconds: number } | SignInRefusal;
export type SignInAttemptParams = { email: string; ip: string };

const refused = (res: RateLimiterRes): SignInRefusal => ({ ok: false, retryAfterSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)) });

/** A budget refusal (RateLimiterRes) becomes a refused claim; a database error stays an error. */
async function orRefused(work: Promise<unknown>): Promise<SignInRefusal | null> {
  try {
    await work;
    return null;
  } catch (err) {
    if (err instanceof RateLimiterRes) return refused(err);
    throw err;
  }
}

/**
 * Claims a sign-in attempt before the password is hashed: a refused attempt costs two reads, no
 * bcrypt. The attempt is counted as a failure of the address and of the account first (atomic
 * upserts), so parallel guesses see each other: of a burst, only the account's free failures and
 * then one attempt per wait get through. An attempt refused for the account's wait is not kept, so
 * hammering a slowed-down account does not slow it down further.
 */
export async function unsafeClaimSignInAttempt(ctx: DbContext, { email, ip }: SignInAttemptParams): Promise<SignInClaim> {
  const { address, failures, wait } = limiters(ctx);
  const addressKey = addressBucket(ip);
  const [spent, waiting] = await Promise.all([address.get(addressKey), wait.get(email)]);
  if (spent && spent.consumedPoints >= SIGN_IN_LIMITS.failuresPerAddress) return refused(spent);
  if (waiting && waiting.consumedPoints >= 1 && waiting.msBeforeNext > 0) return refused(waiting);

  const overBudget = await orRefused(address.consume(addressKey));
  if (overBudget) return overBudget;
  const { consumedPoints: failuresInARow } = await failures.penalty(email);
  const delay = accountDelaySeconds(failuresInARow);
  if (delay === 0) return { ok: true, waitSeconds: 0 };
  const mustWait = await orRefused(wait.consume(email, 1, { customDuration: delay }));
  if (mustWait) await Promise.all([failures.reward(email), address.reward(addressKey)]);
  return mustWait ?? { ok: true, waitSeconds: delay };
}

/**
 * Gives a claimed attempt back unchecked (the worker shed it before hashing, see hash-budget.ts):
 * it counts against neither the address nor the account, and an account's wait it took is freed.
 */
export async function unsafeReleaseSignInAttempt(ctx: DbContext, { email, ip }: SignInAttemptParams, claim: SignInClaim): Promise<void> {
  if (!claim.ok) return;
  const { address, failures, wait } = limiters(ctx);
  await Promise.all([address.reward(addressBucket(ip)), failures.reward(email), claim.waitSeconds > 0 ? wait.delete(email) : null]);
}

export type FailSignInAttemptParams = { email: string; waitSeconds: number };

/** The password was wrong: the account's wait starts again from now, so it is as long as the user will be told, however long the check took. */
export async function unsafeFailSignInAttempt(ctx: DbContext, { email, waitSeconds }: FailSignInAttemptParams): Promise<void> {
  if (waitSeconds > 0) await limiters(ctx).wait.set(email, 1, waitSeconds);
}

/** The password was right: the account's failures are forgiven, and this attempt is given back to the address (not its earlier failures). */
export async function unsafeSucceedSignInAttempt(ctx: DbContext, { email, ip }: SignInAttemptParams): Promise<void> {
  const { address, failures, wait } = limiters(ctx);
  await Promise.all([failures.delete(email), wait.delete(email), address.reward(addressBucket(ip))]);
}
