import "server-only";

/**
 * How many passwords a web worker may hash per second. The per-address and per-account budgets
 * stop one client, but a flood from many addresses (a botnet, or many clients behind a trusted
 * proxy) passes both, and each attempt costs a bcrypt (~70 ms of CPU at cost 11): unbounded, a
 * flood takes every core from the pages. Past this rate an attempt is shed before it is hashed
 * ("try again in 1 s"), so hashing never takes more than a fraction of a core per worker and the
 * signed-in users keep their pages. A team signing in at 9:00 stays far below it; the burst lets
 * a handful of people sign in in the same second.
 */
export const HASH_BUDGET = { perSecond: 4, burst: 20 } as const;

export type HashBudget = { take(): boolean };

/** A token bucket: `burst` tokens, refilled at `perSecond`. Process-local on purpose: it bounds this process's CPU, without a query. */
export function createHashBudget({ perSecond, burst }: { perSecond: number; burst: number }, now: () => number = Date.now): HashBudget {
  let tokens = burst;
  let at = now();
  return {
    take() {
      const t = now();
      tokens = Math.min(burst, tokens + ((t - at) / 1000) * perSecond);
      at = t;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}
