import { describe, expect, it } from "vitest";

import { changeMemberRoleAction, inviteMemberAction, removeMemberAction } from "@/actions/members";
import { listMembers } from "@/server/data/members";
import { asUser, ctxFor, twoOrgs } from "@tests/integration/support/fixtures";

describe("members", () => {
  it("lets an admin add an existing user and refuses a rep", async () => {
    const { a, b } = await twoOrgs();
    const asRep = await asUser(a.rep.id, () => inviteMemberAction(a.org.slug, { email: b.rep.email, role: "rep" }));
    expect(asRep).toMatchObject({ ok: false, code: "FORBIDDEN" });
    const asAdmin = await asUser(a.admin.id, () => inviteMemberAction(a.org.slug, { email: b.rep.email, role: "rep" }));
    expect(asAdmin).toMatchObject({ ok: true, data: { kind: "added", userId: b.rep.id } });
    const members = await listMembers(await ctxFor(a.admin.id, a.org.slug));
    expect(members.map((m) => m.userId)).toContain(b.rep.id);
  });

  it("never removes or demotes the last admin", async () => {
    const { a } = await twoOrgs();
    const demote = await asUser(a.admin.id, () => changeMemberRoleAction(a.org.slug, { userId: a.admin.id, role: "rep" }));
    expect(demote).toMatchObject({ ok: false, code: "VALIDATION" });
    const remove = await asUser(a.admin.id, () => removeMemberAction(a.org.slug, { userId: a.admin.id }));
    expect(remove).toMatchObject({ ok: false, code: "VALIDATION" });
  });

  it("treats another org's slug as not found", async () => {
    const { a, b } = await twoOrgs();
    const res = await asUser(a.admin.id, () => removeMemberAction(b.org.slug, { userId: b.rep.id }));
    expect(res).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });
});
