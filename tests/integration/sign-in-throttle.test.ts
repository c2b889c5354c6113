import crypto from "node:crypto";

import { describe, expect, it } from "vitest";

import { getDb, getSql } from "@/db/client";
import { createUser } from "@/db/seed/factories";
import { authenticate } from "@/server/auth/authenticate";
import { THROTTLE, unsafeClaimSignInAttempt, unsafePurgeOldSignInAttempts } from "@/server/data/sign-in-throttle";
import { newEmail } from "@tests/integration/support/org-state";

const PASSWORD = "password123"; // the factories' default

/** A unique address per test, so tests never share an IP's budget. */
function ip(): string {
  const b = crypto.randomBytes(3);
  return `10.${b[0]}.${b[1]}.${b[2]}`;
}

async function failTimes(email: string, fromIp: string, n: number) {
  const outcomes = [];
  for (let i = 0; i < n; i++) outcomes.push(await authenticate(email, "wrong password", fromIp));
  return outcomes;
}

async function attemptsOf(email: string) {
  return getSql()`select succeeded, ip from sign_in_attempts where email = ${email} order by id`;
}

describe("sign-in rate limiting", () => {
  it("signs in with the right password and refuses a wrong one", async () => {
    const user = await createUser(getDb());
    const from = ip();
    expect(await authenticate(user.email, PASSWORD, from)).toEqual({ ok: true, user: { id: user.id, email: user.email, name: user.name } });
    expect(await authenticate(user.email, "nope", from)).toEqual({ ok: false, reason: "invalid" });
    expect(await authenticate(newEmail("nobody"), PASSWORD, from)).toEqual({ ok: false, reason: "invalid" });
  });

  it(`locks an account after ${THROTTLE.maxFailuresPerAccount} wrong passwords, even against the right one`, async () => {
    const user = await createUser(getDb());
    const from = ip();
    const outcomes = await failTimes(user.email, from, THROTTLE.maxFailuresPerAccount);
    expect(outcomes.every((o) => !o.ok && o.reason === "invalid")).toBe(true);
    expect(await authenticate(user.email, PASSWORD, from)).toEqual({ ok: false, reason: "rate_limited" });
    // …from any address: the limit is per account.
    expect(await authenticate(user.email, PASSWORD, ip())).toEqual({ ok: false, reason: "rate_limited" });
  });

  it("counts an account's failures whatever the email's case or spacing", async () => {
    const user = await createUser(getDb());
    const from = ip();
    const spellings = [
      user.email.toUpperCase(),
      ` ${user.email} `,
      user.email,
      `${user.email}\t`,
      user.email.replace(/^./, (c) => c.toUpperCase()),
    ];
    for (const spelling of spellings.slice(0, THROTTLE.maxFailuresPerAccount)) await authenticate(spelling, "wrong", from);
    expect(await authenticate(user.email, PASSWORD, from)).toEqual({ ok: false, reason: "rate_limited" });
  });

  it("a success forgives the account's earlier failures", async () => {
    const user = await createUser(getDb());
    const from = ip();
    await failTimes(user.email, from, THROTTLE.maxFailuresPerAccount - 1);
    expect(await authenticate(user.email, PASSWORD, from)).toMatchObject({ ok: true });
    expect((await attemptsOf(user.email)).map((a) => a.succeeded)).toEqual([true]);
    await failTimes(user.email, from, THROTTLE.maxFailuresPerAccount - 1);
    // 8 failures in the window, but only 4 since the success.
    expect(await authenticate(user.email, PASSWORD, from)).toMatchObject({ ok: true });
  });

  it(`limits one IP across different emails after ${THROTTLE.maxFailuresPerIp} failures`, async () => {
    const db = getDb();
    const from = ip();
    const victim = await createUser(db);
    const bystander = await createUser(db);
    // Spread over many (unknown) emails so that no single account reaches its own limit; all but
    // the last claimed with the function authenticate() uses (a claim stays a failure unless the
    // password turns out right), to spare 29 bcrypt comparisons.
    for (let i = 0; i < THROTTLE.maxFailuresPerIp - 1; i++) {
      expect(await unsafeClaimSignInAttempt({ db }, { email: `spray-${i % 10}-${from}@example.test`, ip: from })).toBeTypeOf("number");
    }
    expect(await authenticate(bystander.email, PASSWORD, from)).toMatchObject({ ok: true }); // 29 < 30
    expect(await authenticate(newEmail("spray"), "guess", from)).toEqual({ ok: false, reason: "invalid" }); // the 30th
    expect(await authenticate(victim.email, PASSWORD, from)).toEqual({ ok: false, reason: "rate_limited" });
    // The same account from another address is fine: the IP is limited, not the account.
    expect(await authenticate(victim.email, PASSWORD, ip())).toMatchObject({ ok: true });
    // A success does not forgive the IP.
    expect(await authenticate(bystander.email, PASSWORD, from)).toEqual({ ok: false, reason: "rate_limited" });
  });

  it(`forgets failures older than ${THROTTLE.windowMinutes} minutes`, async () => {
    const user = await createUser(getDb());
    const from = ip();
    await getSql()`
      insert into sign_in_attempts (email, ip, succeeded, created_at)
      select ${user.email}, ${from}, false, now() - make_interval(mins => ${THROTTLE.windowMinutes + 1})
      from generate_series(1, 10)`;
    expect(await authenticate(user.email, PASSWORD, from)).toMatchObject({ ok: true });
  });

  it("counts parallel guesses before checking any: a burst gets no more tries than the limit", async () => {
    const user = await createUser(getDb());
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => authenticate(user.email, "wrong password", ip())));
    const checked = outcomes.filter((o) => !o.ok && o.reason === "invalid").length;
    expect(checked).toBeLessThanOrEqual(THROTTLE.maxFailuresPerAccount);
    expect(outcomes.filter((o) => !o.ok && o.reason === "rate_limited")).toHaveLength(20 - checked);
    // Refused attempts are not kept, so the burst and what follows share one budget of guesses.
    const more = await failTimes(user.email, ip(), THROTTLE.maxFailuresPerAccount + 2);
    expect(checked + more.filter((o) => !o.ok && o.reason === "invalid").length).toBe(THROTTLE.maxFailuresPerAccount);
    expect(await authenticate(user.email, PASSWORD, ip())).toEqual({ ok: false, reason: "rate_limited" });
  });

  it("does not record attempts while locked, so waiting is enough to unlock", async () => {
    const user = await createUser(getDb());
    const from = ip();
    await failTimes(user.email, from, THROTTLE.maxFailuresPerAccount);
    await authenticate(user.email, PASSWORD, from);
    await authenticate(user.email, "wrong", from);
    expect(await attemptsOf(user.email)).toHaveLength(THROTTLE.maxFailuresPerAccount);
  });
});

describe("unsafePurgeOldSignInAttempts", () => {
  it("removes attempts older than a day and keeps the rest", async () => {
    const from = ip();
    const [oldA, oldB, recent] = [newEmail("old"), newEmail("old"), newEmail("recent")];
    await getSql()`
      insert into sign_in_attempts (email, ip, succeeded, created_at) values
        (${oldA}, ${from}, false, now() - interval '2 days'),
        (${oldA}, ${from}, true, now() - interval '25 hours'),
        (${oldB}, ${from}, false, now() - interval '30 days'),
        (${recent}, ${from}, false, now() - interval '23 hours'),
        (${recent}, ${from}, false, now())`;
    const purged = await unsafePurgeOldSignInAttempts({ db: getDb() });
    expect(purged).toBeGreaterThanOrEqual(3);
    expect(await attemptsOf(oldA)).toHaveLength(0);
    expect(await attemptsOf(oldB)).toHaveLength(0);
    expect(await attemptsOf(recent)).toHaveLength(2);
  });
});
