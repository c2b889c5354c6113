import crypto from "node:crypto";
import { performance } from "node:perf_hooks";

import { describe, expect, it } from "vitest";

import { getDb, getSql } from "@/db/client";
import { createUser } from "@/db/seed/factories";
import { PEER_ADDRESS_HEADER } from "@/lib/client-ip";
import { type AuthOutcome, clientIp, type ClientIpConfig, createAuthenticate } from "@/server/auth/authenticate";
import { SIGN_IN_LIMITS, unsafeClaimSignInAttempt } from "@/server/data/sign-in-throttle";
import { newEmail } from "@tests/integration/support/org-state";

const PASSWORD = "password123"; // the factories' default
// The worker's hashing budget sheds floods whatever the address (sign-in-shedding.test.ts); these
// tests are about the per-address and per-account budgets, so nothing is shed here.
const authenticate = createAuthenticate({ take: () => true });
const FREE = SIGN_IN_LIMITS.freeAccountFailures;

/** A unique address per test, so tests never share an address's budget. */
function ip(): string {
  const b = crypto.randomBytes(3);
  return `10.${b[0]}.${b[1]}.${b[2]}`;
}

async function failTimes(email: string, fromIp: string, n: number) {
  const outcomes: AuthOutcome[] = [];
  for (let i = 0; i < n; i++) outcomes.push(await authenticate(email, "wrong password", fromIp));
  return outcomes;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const invalid = (outcomes: AuthOutcome[]) => outcomes.filter((o) => !o.ok && o.reason === "invalid").length;
const limited = (outcomes: AuthOutcome[]) => outcomes.filter((o) => !o.ok && o.reason === "rate_limited").length;
const waitOf = (o: AuthOutcome) => (!o.ok && o.reason === "rate_limited" ? o.retryAfterSeconds : null);

describe("sign-in budgets", () => {
  it("signs in with the right password and refuses a wrong one", async () => {
    const user = await createUser(getDb());
    const from = ip();
    expect(await authenticate(user.email, PASSWORD, from)).toEqual({ ok: true, user: { id: user.id, email: user.email, name: user.name } });
    expect(await authenticate(user.email, "nope", from)).toEqual({ ok: false, reason: "invalid" });
    expect(await authenticate(newEmail("nobody"), PASSWORD, from)).toEqual({ ok: false, reason: "invalid" });
  });

  it("six wrong passwords cannot lock the account out: the right one works once the wait it was told is over", async () => {
    const user = await createUser(getDb());
    const attacker = ip();
    expect(invalid(await failTimes(user.email, attacker, FREE))).toBe(FREE);
    // The attacker's next three and the owner (from elsewhere) at once: all told to wait 1 s, the
    // owner too, and refused until then (sent together so that a slow machine stays inside the second)…
    const [a4, a5, a6, early] = await Promise.all([
      ...[1, 2, 3].map(() => authenticate(user.email, "wrong password", attacker)),
      authenticate(user.email, PASSWORD, ip()),
    ]);
    expect([a4, a5, a6].map((o) => waitOf(o!))).toEqual([1, 1, 1]);
    expect(waitOf(early!)).toBe(1);
    await sleep(1100);
    // …and then let in.
    expect(await authenticate(user.email, PASSWORD, ip())).toMatchObject({ ok: true });
  });

  it("slows an account down progressively: 1 s, then 2 s, after each further failure", async () => {
    const user = await createUser(getDb());
    const from = ip();
    await failTimes(user.email, from, FREE);
    expect(waitOf(await authenticate(user.email, "wrong", from))).toBe(1);
    await sleep(1100);
    expect(await authenticate(user.email, "wrong", from)).toEqual({ ok: false, reason: "invalid" });
    expect(waitOf(await authenticate(user.email, PASSWORD, from))).toBe(2);
  });

  it("does not count attempts refused during a wait, so hammering does not lengthen it", async () => {
    const user = await createUser(getDb());
    const from = ip();
    await failTimes(user.email, from, FREE);
    const hammering = await Promise.all(Array.from({ length: 10 }, () => authenticate(user.email, "wrong", from)));
    expect(hammering.map(waitOf)).toEqual(Array(10).fill(1));
    await sleep(1100);
    expect(await authenticate(user.email, PASSWORD, from)).toMatchObject({ ok: true });
  });

  it("counts an account's failures whatever the email's case or spacing", async () => {
    const user = await createUser(getDb());
    const from = ip();
    const spellings = [user.email.toUpperCase(), ` ${user.email} `, `${user.email}\t`];
    for (const spelling of spellings) await authenticate(spelling, "wrong", from);
    expect(waitOf(await authenticate(user.email, PASSWORD, from))).toBe(1);
  });

  it("a success forgives the account's earlier failures", async () => {
    const user = await createUser(getDb());
    const from = ip();
    await failTimes(user.email, from, FREE - 1);
    expect(await authenticate(user.email, PASSWORD, from)).toMatchObject({ ok: true });
    const again = await failTimes(user.email, from, FREE - 1);
    expect(invalid(again)).toBe(FREE - 1);
    expect(await authenticate(user.email, PASSWORD, from)).toMatchObject({ ok: true });
  });

  it("counts parallel guesses before checking any: a burst gets the free failures and no more", async () => {
    const user = await createUser(getDb());
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => authenticate(user.email, "wrong password", ip())));
    expect(invalid(outcomes)).toBe(FREE);
    expect(limited(outcomes)).toBe(20 - FREE);
  }, 60_000);

  it(`limits one address across accounts after ${SIGN_IN_LIMITS.failuresPerAddress} failures, and only that address`, async () => {
    const db = getDb();
    const from = ip();
    const victim = await createUser(db);
    const bystander = await createUser(db);
    // Claims count as failures until a right password gives them back: 29 without the bcrypt.
    for (let i = 0; i < SIGN_IN_LIMITS.failuresPerAddress - 1; i++) {
      expect(await unsafeClaimSignInAttempt({ db }, { email: newEmail("spray"), ip: from })).toEqual({ ok: true, waitSeconds: 0 });
    }
    expect(await authenticate(bystander.email, PASSWORD, from)).toMatchObject({ ok: true }); // a success costs nothing
    expect(await authenticate(newEmail("spray"), "guess", from)).toEqual({ ok: false, reason: "invalid" }); // the 30th
    const refused = await authenticate(victim.email, PASSWORD, from);
    expect(waitOf(refused)).toBeGreaterThan(SIGN_IN_LIMITS.addressWindowSeconds - 60);
    // The same account from another address is fine: the address is limited, not the account.
    expect(await authenticate(victim.email, PASSWORD, ip())).toMatchObject({ ok: true });
  });

  it("keeps the budgets in rate_limits, one row per key", async () => {
    const user = await createUser(getDb());
    const from = ip();
    await failTimes(user.email, from, FREE);
    const rows = await getSql()<{ key: string; points: number }[]>`
      select key, points from rate_limits where key in (${`sign-in-failures:${user.email}`}, ${`sign-in-address:${from}`}) order by key`;
    expect(rows.map((r) => [r.key.split(":")[0], r.points])).toEqual([
      ["sign-in-address", FREE],
      ["sign-in-failures", FREE],
    ]);
  });

  it("keeps the event loop free while 20 passwords are checked", async () => {
    const users = await Promise.all(Array.from({ length: 4 }, () => createUser(getDb())));
    const before = performance.eventLoopUtilization();
    const outcomes = await Promise.all(Array.from({ length: 20 }, (_, i) => authenticate(users[i % 4]!.email, "wrong", ip())));
    const { utilization } = performance.eventLoopUtilization(before);
    expect(invalid(outcomes) + limited(outcomes)).toBe(20);
    // A pure-JS bcrypt kept it near 100 % busy for seconds: every page of this worker waited.
    expect(utilization).toBeLessThan(0.5);
  }, 60_000);
});

describe("the client address the budgets are kept under", () => {
  const behindWorker = (trustedProxies: number): ClientIpConfig => ({ peerHeader: true, trustedProxies, production: true });
  const request = (peer: string, forwardedFor?: string) =>
    new Headers({ [PEER_ADDRESS_HEADER]: peer, ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}) });

  it("throttles a client that rotates X-Forwarded-For when no proxy is trusted", async () => {
    const peer = ip();
    const attempts = Array.from({ length: SIGN_IN_LIMITS.failuresPerAddress + 10 }, (_, i) =>
      authenticate(newEmail("rotate"), "guess", clientIp(request(peer, `203.0.113.${i}`), behindWorker(0))),
    );
    const outcomes = await Promise.all(attempts);
    expect(invalid(outcomes)).toBe(SIGN_IN_LIMITS.failuresPerAddress);
    expect(limited(outcomes)).toBe(10);
  }, 60_000);

  it("keeps clients apart when none sends X-Forwarded-For (no shared 'unknown' bucket)", async () => {
    const db = getDb();
    const [flooder, other] = [ip(), ip()];
    for (let i = 0; i < SIGN_IN_LIMITS.failuresPerAddress; i++) {
      await unsafeClaimSignInAttempt({ db }, { email: newEmail("flood"), ip: clientIp(request(flooder), behindWorker(0)) });
    }
    const user = await createUser(db);
    expect(waitOf(await authenticate(user.email, PASSWORD, clientIp(request(flooder), behindWorker(0))))).not.toBeNull();
    expect(await authenticate(user.email, PASSWORD, clientIp(request(other), behindWorker(0)))).toMatchObject({ ok: true });
  });

  it("behind one trusted proxy, budgets the address the proxy saw", () => {
    expect(clientIp(request("10.0.0.2", "6.6.6.6, 198.51.100.7"), behindWorker(1))).toBe("198.51.100.7");
    // A client cannot set the peer header itself when the worker is absent (next dev): it is ignored.
    const dev: ClientIpConfig = { peerHeader: false, trustedProxies: 0, production: false };
    expect(clientIp(request("1.2.3.4", "198.51.100.7"), dev)).toBe("198.51.100.7");
  });
});
