import { describe, expect, it } from "vitest";

import { createOrganizationAction } from "@/actions/new-organization";
import { getDb, getSql } from "@/db/client";
import { createOrgWithTeam, uniqueSuffix } from "@/db/seed/factories";
import { asUser } from "@tests/integration/support/fixtures";
import { auditRowsFor, roleOf } from "@tests/integration/support/org-state";
import { raceOnHeldLock } from "@tests/integration/support/row-lock-race";

const input = (name: string, overrides: Record<string, unknown> = {}) => ({
  name,
  currency: "DKK",
  locale: "da-DK",
  timeZone: "Europe/Copenhagen",
  ...overrides,
});

async function create(userId: string, raw: Record<string, unknown>) {
  const res = await asUser(userId, () => createOrganizationAction(raw as never));
  if (!res.ok) throw new Error(`expected the org to be created, got ${JSON.stringify(res)}`);
  return res.data;
}

async function orgBySlug(slug: string) {
  const [org] = await getSql()`select id, name, currency, locale, time_zone from organizations where slug = ${slug}`;
  return org;
}

describe("creating another organization", () => {
  it("makes the creator its admin, with the default pipeline, audited, and lists it among their orgs", async () => {
    const team = await createOrgWithTeam(getDb());
    const name = `Østerbro Vinduespolering ${uniqueSuffix()}`;
    const created = await create(team.rep.id, input(`  ${name} `));

    expect(created).toEqual({ slug: expect.stringMatching(/^osterbro-vinduespolering-[a-z0-9]+$/), name });
    const org = await orgBySlug(created.slug);
    expect(org).toMatchObject({ name, currency: "DKK", locale: "da-DK", time_zone: "Europe/Copenhagen" });
    // A rep in their first org is the admin of the one they created.
    expect(await roleOf(org!.id, team.rep.id)).toBe("admin");
    expect(await roleOf(team.org.id, team.rep.id)).toBe("rep");
    const [{ n: stages }] = (await getSql()`select count(*)::int as n from pipeline_stages where org_id = ${org!.id}`) as [{ n: number }];
    expect(stages).toBeGreaterThanOrEqual(3);
    expect(await auditRowsFor(org!.id, "organization")).toEqual([
      expect.objectContaining({ actorId: team.rep.id, action: "create", entityId: org!.id }),
    ]);
    // The org switcher lists the actor's memberships, read fresh on the next page: both are there.
    const mine =
      await getSql()`select o.slug, m.role from memberships m join organizations o on o.id = m.org_id where m.user_id = ${team.rep.id}`;
    expect(mine.map((m) => [m.slug, m.role]).sort()).toEqual(
      [
        [created.slug, "admin"],
        [team.org.slug, "rep"],
      ].sort(),
    );
  });

  it("gives a taken name the next free slug", async () => {
    const team = await createOrgWithTeam(getDb());
    const name = `Acme ${uniqueSuffix()}`;
    const first = await create(team.admin.id, input(name));
    const second = await create(team.manager.id, input(name.toUpperCase()));
    const third = await create(team.admin.id, input(`${name}!`));
    expect([first.slug, second.slug, third.slug]).toEqual([first.slug, `${first.slug}-2`, `${first.slug}-3`]);
    // A name that is one of the app's own routes never becomes its slug.
    expect((await create(team.admin.id, input("Setup"))).slug).toMatch(/^setup-org(-\d+)?$/);
  });

  it("retries with the next slug when a concurrent creation takes it first", async () => {
    const team = await createOrgWithTeam(getDb());
    const name = `Race ${uniqueSuffix()}`;
    const base = name.toLowerCase().replace(" ", "-");
    // An uncommitted org holding the base slug: both creations pick it, then wait on its unique index entry.
    const results = await raceOnHeldLock({
      lock: (tx) => tx`insert into organizations (name, slug) values (${name}, ${base})`,
      waitingQuery: 'insert into "organizations"%',
      racers: [() => create(team.admin.id, input(name)), () => create(team.rep.id, input(name))],
    });
    expect(results.map((r) => r.slug).sort()).toEqual([`${base}-2`, `${base}-3`]);
  });

  it("refuses bad input with a message on each field, and creates nothing", async () => {
    const team = await createOrgWithTeam(getDb());
    const [{ n: before }] = (await getSql()`select count(*)::int as n from organizations`) as [{ n: number }];
    const res = await asUser(team.admin.id, () =>
      createOrganizationAction(input("A", { currency: "XYZ", locale: "tlh", timeZone: "Mars/Olympus_Mons" }) as never),
    );
    expect(res).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: {
        name: ["Name must be at least 2 characters"],
        currency: ["Choose a supported currency"],
        locale: ["Choose a supported locale"],
        timeZone: [expect.stringMatching(/^Unknown time zone/)],
      },
    });
    const [{ n: after }] = (await getSql()`select count(*)::int as n from organizations`) as [{ n: number }];
    expect(after).toBe(before);
  });
});
