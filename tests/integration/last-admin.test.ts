import { sql as dsql } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { changeMemberRoleAction, removeMemberAction } from "@/actions/members";
import { getDb, getSql } from "@/db/client";
import { addMember, createOrgWithTeam, createUser } from "@/db/seed/factories";
import { constraintOf, pgErrorOf } from "@/server/errors";
import { asUser } from "@tests/integration/support/fixtures";
import { auditRowsFor, roleOf, snapshotOrg } from "@tests/integration/support/org-state";
import { raceOnHeldLock } from "@tests/integration/support/row-lock-race";

const LAST_ADMIN = {
  ok: false,
  code: "VALIDATION",
  message: "An organization must keep at least one admin. Make someone else admin first.",
};

async function teamWithTwoAdmins() {
  const db = getDb();
  const team = await createOrgWithTeam(db);
  const admin2 = await createUser(db, { name: "Second Admin" });
  await addMember(db, team.org.id, admin2.id, "admin");
  return { ...team, admin2 };
}

/**
 * Both calls start while the org's admin rows are locked elsewhere, and are released only once
 * both wait on that lock (the one their own transactions take): the race provably overlaps.
 */
function raceOnAdminRows<T>(team: { org: { id: string } }, racers: (() => Promise<T>)[]) {
  return raceOnHeldLock({
    lock: (tx) => tx`select user_id from memberships where org_id = ${team.org.id} and role = 'admin' order by user_id for update`,
    waitingQuery: '%from "memberships"%for update%',
    racers,
  });
}

async function adminCount(orgId: string) {
  const rows = await getSql()`select count(*)::int as n from memberships where org_id = ${orgId} and role = 'admin'`;
  return rows[0]!.n as number;
}

describe("the last admin, through the actions", () => {
  it.each(["manager", "rep"] as const)("cannot be demoted to %s", async (role) => {
    const team = await createOrgWithTeam(getDb());
    const before = await snapshotOrg(team.org.id);
    const res = await asUser(team.admin.id, () => changeMemberRoleAction(team.org.slug, { userId: team.admin.id, role }));
    expect(res).toEqual(LAST_ADMIN);
    expect(await snapshotOrg(team.org.id)).toEqual(before);
  });

  it("cannot be removed", async () => {
    const team = await createOrgWithTeam(getDb());
    const before = await snapshotOrg(team.org.id);
    const res = await asUser(team.admin.id, () => removeMemberAction(team.org.slug, { userId: team.admin.id }));
    expect(res).toEqual(LAST_ADMIN);
    expect(await snapshotOrg(team.org.id)).toEqual(before);
  });

  it("can step down once someone else is admin", async () => {
    const team = await createOrgWithTeam(getDb());
    const promote = await asUser(team.admin.id, () => changeMemberRoleAction(team.org.slug, { userId: team.manager.id, role: "admin" }));
    expect(promote).toEqual({ ok: true, data: undefined });
    const stepDown = await asUser(team.admin.id, () => changeMemberRoleAction(team.org.slug, { userId: team.admin.id, role: "manager" }));
    expect(stepDown).toEqual({ ok: true, data: undefined });
    expect(await roleOf(team.org.id, team.admin.id)).toBe("manager");
    expect(await roleOf(team.org.id, team.manager.id)).toBe("admin");
    const audit = await auditRowsFor(team.org.id, "membership");
    expect(audit.map((r) => [r.entityId, r.action, r.before, r.after])).toEqual([
      [team.manager.id, "change_role", { role: "manager" }, { role: "admin" }],
      [team.admin.id, "change_role", { role: "admin" }, { role: "manager" }],
    ]);
    // The new last admin is now the protected one.
    const res = await asUser(team.manager.id, () => removeMemberAction(team.org.slug, { userId: team.manager.id }));
    expect(res).toEqual(LAST_ADMIN);
  });

  it("one of two admins can demote or remove the other", async () => {
    const team = await teamWithTwoAdmins();
    expect(await asUser(team.admin.id, () => changeMemberRoleAction(team.org.slug, { userId: team.admin2.id, role: "rep" }))).toMatchObject(
      { ok: true },
    );
    expect(await asUser(team.admin.id, () => removeMemberAction(team.org.slug, { userId: team.admin2.id }))).toMatchObject({ ok: true });
    expect(await roleOf(team.org.id, team.admin2.id)).toBeUndefined();
    expect(await adminCount(team.org.id)).toBe(1);
  });

  it("two admins demoting each other at the same moment: at most one succeeds, and one admin remains", async () => {
    for (let round = 0; round < 3; round++) {
      const team = await teamWithTwoAdmins();
      const results = await raceOnAdminRows(team, [
        () => asUser(team.admin.id, () => changeMemberRoleAction(team.org.slug, { userId: team.admin2.id, role: "rep" })),
        () => asUser(team.admin2.id, () => changeMemberRoleAction(team.org.slug, { userId: team.admin.id, role: "rep" })),
      ]);
      const succeeded = results.filter((r) => r.ok);
      expect(succeeded.length, JSON.stringify(results)).toBeLessThanOrEqual(1);
      // The loser is refused as the last admin (VALIDATION), or was already demoted when its action
      // started (FORBIDDEN), or lost a lock race (CONFLICT) — never a crash.
      for (const r of results) if (!r.ok) expect(["VALIDATION", "FORBIDDEN", "CONFLICT"]).toContain(r.code);
      expect(await adminCount(team.org.id)).toBe(1);
    }
  });

  it("two admins removing each other at the same moment: one admin remains", async () => {
    for (let round = 0; round < 3; round++) {
      const team = await teamWithTwoAdmins();
      const results = await raceOnAdminRows(team, [
        () => asUser(team.admin.id, () => removeMemberAction(team.org.slug, { userId: team.admin2.id })),
        () => asUser(team.admin2.id, () => removeMemberAction(team.org.slug, { userId: team.admin.id })),
      ]);
      expect(results.filter((r) => r.ok).length, JSON.stringify(results)).toBeLessThanOrEqual(1);
      for (const r of results) if (!r.ok) expect(["VALIDATION", "NOT_FOUND", "CONFLICT"]).toContain(r.code);
      expect(await adminCount(team.org.id)).toBe(1);
    }
  });
});

describe("the last admin, in the database itself (constraint trigger memberships_last_admin)", () => {
  it("refuses a raw DELETE of the last admin at commit", async () => {
    const team = await createOrgWithTeam(getDb());
    const sql = getSql();
    let deletedInside = -1;
    const err = await sql
      .begin(async (tx) => {
        const rows = await tx`delete from memberships where org_id = ${team.org.id} and user_id = ${team.admin.id} returning user_id`;
        deletedInside = rows.length; // the trigger is deferred: the statement itself succeeds
      })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(deletedInside).toBe(1);
    expect(err).toMatchObject({ code: "23514", constraint_name: "memberships_last_admin" });
    expect(await roleOf(team.org.id, team.admin.id)).toBe("admin");
  });

  it("refuses a raw UPDATE demoting the last admin, and drizzle's error names the constraint", async () => {
    const team = await createOrgWithTeam(getDb());
    const err = await getDb()
      .transaction(async (tx) => {
        await tx.execute(dsql`update memberships set role = 'rep' where org_id = ${team.org.id} and user_id = ${team.admin.id}`);
      })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(pgErrorOf(err)?.code).toBe("23514");
    expect(constraintOf(err)).toBe("memberships_last_admin");
    expect(await roleOf(team.org.id, team.admin.id)).toBe("admin");
  });

  it("allows demoting and promoting in either order within one transaction", async () => {
    const team = await createOrgWithTeam(getDb());
    await getSql().begin(async (tx) => {
      await tx`update memberships set role = 'rep' where org_id = ${team.org.id} and user_id = ${team.admin.id}`;
      await tx`update memberships set role = 'admin' where org_id = ${team.org.id} and user_id = ${team.rep.id}`;
    });
    expect(await roleOf(team.org.id, team.admin.id)).toBe("rep");
    expect(await roleOf(team.org.id, team.rep.id)).toBe("admin");
  });

  it("allows deleting the whole organization (its memberships cascade)", async () => {
    const team = await createOrgWithTeam(getDb());
    await getSql()`delete from organizations where id = ${team.org.id}`;
    expect(await snapshotOrg(team.org.id)).toMatchObject({ org: undefined, members: [] });
  });

  it("guards each org separately: an admin elsewhere does not count", async () => {
    const db = getDb();
    const team = await createOrgWithTeam(db);
    const other = await createOrgWithTeam(db);
    await addMember(db, other.org.id, team.rep.id, "admin"); // team.rep is admin in the other org only
    const err = await getSql()`delete from memberships where org_id = ${team.org.id} and user_id = ${team.admin.id}`.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(constraintOf(err)).toBe("memberships_last_admin");
  });
});
