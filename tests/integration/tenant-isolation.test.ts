import { describe, expect, it } from "vitest";

import { getDb } from "@/db/client";
import { addMember } from "@/db/seed/factories";
import { orgSettingsSchema } from "@/lib/schemas/organization";
import { changeMemberRole, listMembers, listPendingInvitations, removeMember, revokeInvitation } from "@/server/data/members";
import { updateOrganizationSettings } from "@/server/data/organizations";
import { NotFoundError } from "@/server/errors";
import { listMyOrganizations, resolveTenant } from "@/server/tenant";
import { asUser, ctxFor, twoOrgs } from "@tests/integration/support/fixtures";
import { ORG_ACTION_CASES, ORG_ACTIONS, pendingInvitationIn } from "@tests/integration/support/org-action-cases";
import { newEmail, snapshotOrg, validSettings } from "@tests/integration/support/org-state";

const NOT_FOUND = { ok: false, code: "NOT_FOUND", message: "Organization was not found." };

describe("tenant isolation: org actions with another org's slug", () => {
  it.each(Object.keys(ORG_ACTIONS).sort())("%s: org A's admin gets NOT_FOUND for org B and B is untouched", async (name) => {
    const { a, b } = await twoOrgs();
    const input = await ORG_ACTION_CASES[name]!.input(b); // a valid input, aimed at org B's own records
    const before = await snapshotOrg(b.org.id);
    const foreign = await asUser(a.admin.id, () => ORG_ACTIONS[name]!(b.org.slug, input));
    expect(foreign).toEqual(NOT_FOUND);
    // A missing org and a foreign one are indistinguishable.
    const missing = await asUser(a.admin.id, () => ORG_ACTIONS[name]!(`no-such-org-${b.org.slug}`, input));
    expect(missing).toEqual(foreign);
    expect(await snapshotOrg(b.org.id)).toEqual(before);
  });

  it("treats a slug that is not a string as not found", async () => {
    const { a } = await twoOrgs();
    const res = await asUser(a.admin.id, () =>
      ORG_ACTIONS.removeMemberAction!({ slug: a.org.slug } as unknown as string, { userId: a.rep.id }),
    );
    expect(res).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });
});

describe("tenant isolation: org A's context with org B's record ids", () => {
  it("actions under A's own slug refuse B's members and invitations as NOT_FOUND", async () => {
    const { a, b } = await twoOrgs();
    const bInvitation = await pendingInvitationIn(b);
    const beforeA = await snapshotOrg(a.org.id);
    const beforeB = await snapshotOrg(b.org.id);
    const results = await asUser(a.admin.id, async () => [
      await ORG_ACTIONS.changeMemberRoleAction!(a.org.slug, { userId: b.rep.id, role: "admin" }),
      await ORG_ACTIONS.changeMemberRoleAction!(a.org.slug, { userId: b.admin.id, role: "rep" }),
      await ORG_ACTIONS.removeMemberAction!(a.org.slug, { userId: b.rep.id }),
      await ORG_ACTIONS.revokeInvitationAction!(a.org.slug, { invitationId: bInvitation }),
    ]);
    expect(results.map((r) => r.ok === false && r.code)).toEqual(["NOT_FOUND", "NOT_FOUND", "NOT_FOUND", "NOT_FOUND"]);
    expect(await snapshotOrg(a.org.id)).toEqual(beforeA);
    expect(await snapshotOrg(b.org.id)).toEqual(beforeB);
  });

  it("data functions throw NotFoundError for B's ids", async () => {
    const { a, b } = await twoOrgs();
    const bInvitation = await pendingInvitationIn(b);
    const ctxA = await ctxFor(a.admin.id, a.org.slug);
    const beforeB = await snapshotOrg(b.org.id);
    await expect(changeMemberRole(ctxA, { userId: b.rep.id, role: "manager" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(changeMemberRole(ctxA, { userId: b.admin.id, role: "rep" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(removeMember(ctxA, { userId: b.rep.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(removeMember(ctxA, { userId: b.admin.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(revokeInvitation(ctxA, { invitationId: bInvitation })).rejects.toBeInstanceOf(NotFoundError);
    expect(await snapshotOrg(b.org.id)).toEqual(beforeB);
  });

  it("a user who belongs to both orgs is changed only in the org of the context", async () => {
    const { a, b } = await twoOrgs();
    // b.rep belongs to org A too.
    await addMember(getDb(), a.org.id, b.rep.id, "rep");
    const ctxA = await ctxFor(a.admin.id, a.org.slug);
    await changeMemberRole(ctxA, { userId: b.rep.id, role: "manager" });
    await removeMember(ctxA, { userId: b.rep.id });
    const inB = await listMembers(await ctxFor(b.admin.id, b.org.slug));
    expect(inB.find((m) => m.userId === b.rep.id)?.role).toBe("rep");
  });

  it("listMembers and listPendingInvitations of A never return B's people or invitations", async () => {
    const { a, b } = await twoOrgs();
    const bInvitation = await pendingInvitationIn(b);
    const aInvitation = await pendingInvitationIn(a);
    const ctxA = await ctxFor(a.admin.id, a.org.slug);
    const members = await listMembers(ctxA);
    expect(members.map((m) => m.userId).sort()).toEqual([a.admin.id, a.manager.id, a.rep.id, a.rep2.id].sort());
    for (const person of [b.admin, b.manager, b.rep, b.rep2]) {
      expect(members.map((m) => m.userId)).not.toContain(person.id);
      expect(members.map((m) => m.email)).not.toContain(person.email);
    }
    const pending = (await listPendingInvitations(ctxA)).map((i) => i.id);
    expect(pending).toEqual([aInvitation]);
    expect(pending).not.toContain(bInvitation);
  });

  it("updating A's settings leaves B's untouched", async () => {
    const { a, b } = await twoOrgs();
    const beforeB = await snapshotOrg(b.org.id);
    const ctxA = await ctxFor(a.admin.id, a.org.slug);
    await updateOrganizationSettings(ctxA, orgSettingsSchema.parse(validSettings({ name: "Only A", defaultTaxRate: 12 })));
    expect(await snapshotOrg(b.org.id)).toEqual(beforeB);
    expect((await snapshotOrg(a.org.id)).org).toMatchObject({ name: "Only A", defaultTaxRateBp: 1200 });
  });
});

describe("resolveTenant", () => {
  it("resolves a member's own org with their role", async () => {
    const { a } = await twoOrgs();
    const ctx = await resolveTenant({ userId: a.manager.id }, a.org.slug, getDb());
    expect(ctx).toMatchObject({ orgId: a.org.id, userId: a.manager.id, role: "manager", userEmail: a.manager.email });
  });

  it("throws NotFoundError for a foreign slug, a missing slug and a non-member", async () => {
    const { a, b } = await twoOrgs();
    await expect(resolveTenant({ userId: a.admin.id }, b.org.slug, getDb())).rejects.toBeInstanceOf(NotFoundError);
    await expect(resolveTenant({ userId: a.admin.id }, "no-such-org", getDb())).rejects.toBeInstanceOf(NotFoundError);
    await expect(resolveTenant({ userId: "00000000-0000-4000-8000-000000000000" }, a.org.slug, getDb())).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it("stops resolving the moment a membership is removed", async () => {
    const { a } = await twoOrgs();
    await removeMember(await ctxFor(a.admin.id, a.org.slug), { userId: a.rep.id });
    await expect(ctxFor(a.rep.id, a.org.slug)).rejects.toBeInstanceOf(NotFoundError);
    const res = await asUser(a.rep.id, () => ORG_ACTIONS.inviteMemberAction!(a.org.slug, { email: newEmail(), role: "rep" }));
    expect(res).toEqual(NOT_FOUND);
  });

  it("the org switcher lists only the actor's own orgs", async () => {
    const { a, b } = await twoOrgs();
    const mine = await listMyOrganizations({ userId: a.rep.id }, getDb());
    expect(mine).toEqual([{ slug: a.org.slug, name: a.org.name, role: "rep" }]);
    expect(mine.map((o) => o.slug)).not.toContain(b.org.slug);
  });
});

describe("org settings under another org's slug", () => {
  it("cannot be changed by a member of A, even an admin", async () => {
    const { a, b } = await twoOrgs();
    const before = await snapshotOrg(b.org.id);
    const res = await asUser(a.admin.id, () => ORG_ACTIONS.updateOrgSettingsAction!(b.org.slug, validSettings()));
    expect(res).toEqual(NOT_FOUND);
    expect(await snapshotOrg(b.org.id)).toEqual(before);
  });
});
