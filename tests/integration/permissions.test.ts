import { describe, expect, it } from "vitest";

import { getDb } from "@/db/client";
import { addMember, createOrgWithTeam } from "@/db/seed/factories";
import { asUser } from "@tests/integration/support/fixtures";
import { ORG_ACTION_CASES, ORG_ACTIONS, type Team } from "@tests/integration/support/org-action-cases";
import { snapshotOrg } from "@tests/integration/support/org-state";

const names = Object.keys(ORG_ACTIONS).sort();
const adminActions = names.filter((n) => ORG_ACTION_CASES[n]?.adminOnly);

describe("permissions of org actions", () => {
  it("has a test case for every exported action of src/actions/members.ts and organization.ts", () => {
    expect(names).toEqual(Object.keys(ORG_ACTION_CASES).sort());
    expect(names).toHaveLength(6);
  });

  describe.each(adminActions)("%s", (name) => {
    const action = ORG_ACTIONS[name]!;
    const cases: [role: "manager" | "rep", label: string][] = [
      ["manager", "Manager"],
      ["rep", "Sales rep"],
    ];

    it.each(cases)("refuses a %s with FORBIDDEN and writes nothing", async (role, label) => {
      const team = await createOrgWithTeam(getDb());
      const input = await ORG_ACTION_CASES[name]!.input(team);
      const before = await snapshotOrg(team.org.id);
      const result = await asUser(team[role].id, () => action(team.org.slug, input));
      expect(result).toEqual({ ok: false, code: "FORBIDDEN", message: `Your role (${label}) is not allowed to do that.` });
      expect(await snapshotOrg(team.org.id)).toEqual(before);
    });

    it("lets an admin do it, with an audit row", async () => {
      const team: Team = await createOrgWithTeam(getDb());
      const input = await ORG_ACTION_CASES[name]!.input(team);
      const before = await snapshotOrg(team.org.id);
      const result = await asUser(team.admin.id, () => action(team.org.slug, input));
      expect(result).toMatchObject({ ok: true });
      const after = await snapshotOrg(team.org.id);
      expect(after.auditRows).toBe(before.auditRows + 1);
      expect({ ...after, auditRows: 0 }).not.toEqual({ ...before, auditRows: 0 });
    });
  });

  it("checks the permission before validating input, so a rep learns nothing from bad input", async () => {
    const team = await createOrgWithTeam(getDb());
    const result = await asUser(team.rep.id, () => ORG_ACTIONS.inviteMemberAction!(team.org.slug, { email: "nope", role: "owner" }));
    expect(result).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });

  it("takes the role from the org in the URL: admin of one org, rep of another", async () => {
    const db = getDb();
    const [one, two] = [await createOrgWithTeam(db), await createOrgWithTeam(db)];
    // one.admin is also a rep in org two.
    await addMember(db, two.org.id, one.admin.id, "rep");
    const asRepOfTwo = await asUser(one.admin.id, () => ORG_ACTIONS.removeMemberAction!(two.org.slug, { userId: two.rep2.id }));
    expect(asRepOfTwo).toMatchObject({ ok: false, code: "FORBIDDEN" });
    const asAdminOfOne = await asUser(one.admin.id, () => ORG_ACTIONS.removeMemberAction!(one.org.slug, { userId: one.rep2.id }));
    expect(asAdminOfOne).toEqual({ ok: true, data: undefined });
  });
});

describe("validation failures", () => {
  it("have one shape: code VALIDATION, a message, and messages per field", async () => {
    const team = await createOrgWithTeam(getDb());
    const result = await asUser(team.admin.id, () =>
      ORG_ACTIONS.inviteMemberAction!(team.org.slug, { email: "not-an-email", role: "rep" }),
    );
    expect(result).toEqual({
      ok: false,
      code: "VALIDATION",
      message: "Please correct the highlighted fields.",
      fieldErrors: { email: ["Enter a valid email address"] },
    });
  });

  it("name every bad field at once and write nothing", async () => {
    const team = await createOrgWithTeam(getDb());
    const before = await snapshotOrg(team.org.id);
    const result = await asUser(team.admin.id, () =>
      ORG_ACTIONS.updateOrgSettingsAction!(team.org.slug, {
        name: "x",
        currency: "BTC",
        locale: "da-DK",
        timeZone: "Nowhere/Land",
        defaultTaxRate: 101,
        saleNumberPrefix: "a-b",
      }),
    );
    expect(result).toMatchObject({ ok: false, code: "VALIDATION" });
    const fieldErrors = (result as { fieldErrors: Record<string, string[]> }).fieldErrors;
    expect(Object.keys(fieldErrors).sort()).toEqual(["currency", "defaultTaxRate", "name", "saleNumberPrefix", "timeZone"]);
    expect(await snapshotOrg(team.org.id)).toEqual(before);
  });

  it("refuse input that is not an object at all", async () => {
    const team = await createOrgWithTeam(getDb());
    const result = await asUser(team.admin.id, () => ORG_ACTIONS.removeMemberAction!(team.org.slug, null));
    expect(result).toMatchObject({ ok: false, code: "VALIDATION", message: expect.any(String) });
  });
});
