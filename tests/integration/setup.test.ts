import { describe, expect, it } from "vitest";

import { getDb, getSql } from "@/db/client";
import { createUser } from "@/db/seed/factories";
import { authenticate } from "@/server/auth/authenticate";
import { databaseContext } from "@/server/data/context";
import { hashToken } from "@/server/data/members";
import { type SetupParams, unsafeCompleteSetup, unsafeIsSetupOpen, unsafeIssueSetupToken } from "@/server/data/setup";
import { NotFoundError } from "@/server/errors";
import { raceOnHeldLock } from "@tests/integration/support/row-lock-race";

// One database for the whole file, migrated and empty like a fresh install: the tests run in order,
// from no user at all to a set-up database.
const db = () => databaseContext();
const PASSWORD = "a long enough password";

function setupInput(token: string, who: string): SetupParams {
  return {
    token,
    name: `${who}'s Cleaning`,
    currency: "EUR",
    locale: "fr-FR",
    timeZone: "Europe/Paris",
    admin: { name: who, email: `${who.toLowerCase()}@example.test`, password: PASSWORD },
  };
}

async function refusal(operation: Promise<unknown>) {
  return operation.then(
    () => "accepted",
    (err: unknown) => (err instanceof NotFoundError ? "not found" : err),
  );
}

async function counts() {
  const [row] = await getSql()`select (select count(*)::int from users) as users, (select count(*)::int from organizations) as orgs,
    (select count(*)::int from memberships) as memberships, (select count(*)::int from setup_tokens) as tokens`;
  return row;
}

describe("first-run setup", () => {
  let token = "";

  it("is closed without a token, and with a made-up or stale one", async () => {
    expect(await unsafeIsSetupOpen(db(), { token: "x".repeat(43) })).toBe(false);
    expect(await refusal(unsafeCompleteSetup(db(), setupInput("x".repeat(43), "Mallory")))).toBe("not found");

    const stale = await unsafeIssueSetupToken(db());
    token = (await unsafeIssueSetupToken(db()))!;
    // Only a hash is stored, and only the latest start's link works.
    expect(await getSql()`select token_hash from setup_tokens`).toEqual([{ token_hash: hashToken(token) }]);
    expect(await unsafeIsSetupOpen(db(), { token: stale! })).toBe(false);
    expect(await unsafeIsSetupOpen(db(), { token: `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}` })).toBe(false);
    expect(await refusal(unsafeCompleteSetup(db(), setupInput(stale!, "Mallory")))).toBe("not found");
    expect(await unsafeIsSetupOpen(db(), { token })).toBe(true);
    expect(await counts()).toEqual({ users: 0, orgs: 0, memberships: 0, tokens: 1 });
  });

  it("lets exactly one of two concurrent submits win: one org, one admin, the token used up", async () => {
    // Hold the token's row lock so both submits are provably in flight, waiting on it, before either proceeds.
    const [ann, bob] = await raceOnHeldLock({
      lock: (tx) => tx`select token_hash from setup_tokens for update`,
      waitingQuery: '%from "setup_tokens"%for update%',
      racers: ["Ann", "Bob"].map((who) => () => refusal(unsafeCompleteSetup(db(), setupInput(token, who)))),
    });
    expect([ann, bob].sort()).toEqual(["accepted", "not found"]);
    const winner = ann === "accepted" ? "ann" : "bob";

    expect(await counts()).toEqual({ users: 1, orgs: 1, memberships: 1, tokens: 0 });
    const [org] = await getSql()`select o.id, o.name, o.slug, o.currency, o.locale, o.time_zone, m.role, u.email, u.name as admin
      from organizations o join memberships m on m.org_id = o.id join users u on u.id = m.user_id`;
    expect(org).toMatchObject({
      slug: `${winner}-s-cleaning`,
      currency: "EUR",
      locale: "fr-FR",
      time_zone: "Europe/Paris",
      role: "admin",
      email: `${winner}@example.test`,
    });
    // The org starts like every org: the default pipeline (open, won and lost stages) and loss reasons.
    const [pipeline] = await getSql()`select
      (select array_agg(distinct kind::text order by kind::text) from pipeline_stages where org_id = ${org!.id}) as kinds,
      (select count(*)::int from loss_reasons where org_id = ${org!.id}) as reasons`;
    expect(pipeline).toEqual({ kinds: ["lost", "open", "won"], reasons: expect.any(Number) });
    expect(pipeline!.reasons).toBeGreaterThan(0);
    // Audited in the new org, by its admin.
    const audit =
      await getSql()`select entity, action, actor_id is not null as by_admin from audit_log where org_id = ${org!.id} order by id`;
    expect(audit).toEqual([
      { entity: "organization", action: "create", by_admin: true },
      { entity: "user", action: "setup", by_admin: true },
    ]);
    // The admin signs in with the password they chose.
    expect(await authenticate(`${winner}@example.test`, PASSWORD, "203.0.113.7")).toMatchObject({ ok: true });
  });

  it("is single-use: the same link is not found afterwards", async () => {
    expect(await unsafeIsSetupOpen(db(), { token })).toBe(false);
    expect(await refusal(unsafeCompleteSetup(db(), setupInput(token, "Carol")))).toBe("not found");
    expect(await counts()).toMatchObject({ users: 1, orgs: 1 });
  });

  it("stays closed once a user exists: no new link at start, and a leftover token opens nothing", async () => {
    await createUser(getDb());
    expect(await unsafeIssueSetupToken(db())).toBeNull();
    expect(await counts()).toMatchObject({ tokens: 0 });

    // A token row that somehow outlived its setup (e.g. written by an older start) is not enough.
    const leftover = "L".repeat(43);
    await getSql()`insert into setup_tokens (token_hash) values (${hashToken(leftover)})`;
    expect(await unsafeIsSetupOpen(db(), { token: leftover })).toBe(false);
    expect(await refusal(unsafeCompleteSetup(db(), setupInput(leftover, "Dave")))).toBe("not found");
    expect(await counts()).toMatchObject({ users: 2, orgs: 1, tokens: 1 });
  });
});
