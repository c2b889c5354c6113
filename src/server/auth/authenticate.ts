import "server-only";

import { eq } from "drizzle-orm";

import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { env } from "@/env";
import { clientAddress, PEER_ADDRESS_HEADER } from "@/lib/client-ip";
import { normalizeEmail } from "@/lib/email";
import {
  unsafeClaimSignInAttempt,
  unsafeFailSignInAttempt,
  unsafeReleaseSignInAttempt,
  unsafeSucceedSignInAttempt,
} from "@/server/data/sign-in-throttle";

import { createHashBudget, HASH_BUDGET, type HashBudget } from "./hash-budget";
import { verifyPassword } from "./password";

export type AuthOutcome =
  | { ok: true; user: { id: string; email: string; name: string } }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number };

export type Authenticate = (rawEmail: string, password: string, ip: string) => Promise<AuthOutcome>;

/** Tests of the per-address and per-account rules pass a budget that never sheds; everything else uses `authenticate`. */
export function createAuthenticate(hashBudget: HashBudget): Authenticate {
  return async (rawEmail, password, ip) => {
    const db = getDb();
    const email = normalizeEmail(rawEmail);
    const claim = await unsafeClaimSignInAttempt({ db }, { email, ip });
    if (!claim.ok) return { ok: false, reason: "rate_limited", retryAfterSeconds: claim.retryAfterSeconds };
    if (!hashBudget.take()) {
      await unsafeReleaseSignInAttempt({ db }, { email, ip }, claim);
      return { ok: false, reason: "rate_limited", retryAfterSeconds: 1 };
    }
    const [user] = await db
      .select({ id: users.id, email: users.email, name: users.name, passwordHash: users.passwordHash })
      .from(users)
      .where(eq(users.email, email));
    const valid = await verifyPassword(password, user?.passwordHash);
    if (!valid || !user) {
      await unsafeFailSignInAttempt({ db }, { email, waitSeconds: claim.waitSeconds });
      return { ok: false, reason: "invalid" };
    }
    await unsafeSucceedSignInAttempt({ db }, { email, ip });
    return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
  };
}

/**
 * Claims the attempt against the address's and the account's budgets first, so a refused attempt
 * costs no bcrypt, a slowed-down account cannot be probed even with the right password, and
 * parallel guesses count against the budgets before any is checked. Past this worker's hashing
 * rate the claim is given back and the attempt shed, unhashed (hash-budget.ts).
 */
export const authenticate = createAuthenticate(createHashBudget(HASH_BUDGET));

let warnedNoPeer = false;

export type ClientIpConfig = { peerHeader: boolean; trustedProxies: number; production: boolean };

function configFromEnv(): ClientIpConfig {
  const e = env();
  return { peerHeader: e.MOMENTUM_PEER_HEADER === "on", trustedProxies: e.TRUSTED_PROXIES, production: e.NODE_ENV === "production" };
}

/**
 * The client's address, never taken from what the client wrote (README "Behind a reverse proxy").
 * Under `npm start` the web worker (scripts/web-worker.mjs) puts the TCP peer in a header that no
 * client can set; X-Forwarded-For counts only for the TRUSTED_PROXIES hops in front of it.
 * Without that worker (`next dev`, a bare `next start`) the peer is unknown: Next fills
 * X-Forwarded-For with it only when the client sent none, so its last entry stands in for the
 * peer — forgeable, hence the warning in production.
 */
export function clientIp(headers: Headers, config: ClientIpConfig = configFromEnv()): string {
  const forwarded = headers.get("x-forwarded-for");
  const peer = config.peerHeader ? headers.get(PEER_ADDRESS_HEADER) : null;
  if (peer) return clientAddress(peer, forwarded, config.trustedProxies);
  if (config.production && !warnedNoPeer) {
    warnedNoPeer = true;
    console.warn("[auth] Client addresses come from X-Forwarded-For, which clients can forge: start the app with `npm start`.");
  }
  const chain = (forwarded ?? "").split(",");
  return clientAddress(chain.pop() || "unknown", chain.join(","), config.trustedProxies);
}
