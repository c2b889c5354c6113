import { describe, expect, it } from "vitest";

import { changeMemberRoleAction, inviteMemberAction, removeMemberAction } from "@/actions/members";
import { getDb, getSql } from "@/db/client";
import { createDeal } from "@/server/data/deals";
import { unsafeJoinInvitation } from "@/server/data/invitations";
import { listMembers } from "@/server/data/members";
import { listStages } from "@/server/data/stages";
import { asUser, ctxFor, twoOrgs } from "@tests/integration/support/fixtures";
import { auditRowsFor, roleOf } from "@tests/integration/support/org-state";

type Org = Awaited<ReturnType<typeof twoOrgs>>["a"];

/** A deal created by `creatorId` in `team`'s org, owned by `ownerId`, its first step held by `stepOwnerId`. */
async function deal(team: Org, creatorId: string, ownerId: string, stepOwnerId: string) {
  const ctx = await ctxFor(creatorId, team.org.slug);
  const [stage] = await listStages(ctx);
  return createDeal(ctx, {
    title: "Handoff deal",
    contactName: "Nordic Offices ApS",
    value: 100_000,
    ownerId,
    stageId: stage!.id,
    firstAction: { type: "call", dueAt: new Date(Date.now() + 3_600_000), details: "Call them", ownerId: stepOwnerId },
  });
}

async function ownersOf(dealId: string) {
  const [row] = await getSql()`
    select d.owner_id as deal_owner, a.owner_id as step_owner
    from deals d join actions a on a.deal_id = d.id and a.completed_at is null
    where d.id = ${dealId}`;
  return row && { deal: row.deal_owner as string, step: row.step_owner as string };
}

/** Every open deal of the org has a member owner and one pending step held by its owner or a lead. */
async function invariantBreaches(orgId: string) {
  return getSql()`
    select d.id from deals d
    left join memberships dm on dm.org_id = d.org_id and dm.user_id = d.owner_id
    left join actions a on a.deal_id = d.id and a.completed_at is null
    left join memberships am on am.org_id = d.org_id and am.user_id = a.owner_id
    where d.org_id = ${orgId} and d.status = 'open'
      and (dm.user_id is null or a.id is null or am.user_id is null or (a.owner_id <> d.owner_id and am.role = 'rep'))`;
}

describe("members", () => {
  it("an invited existing user becomes a member only by accepting; a rep may not invite", async () => {
    const { a, b } = await twoOrgs();
    const asRep = await asUser(a.rep.id, () => inviteMemberAction(a.org.slug, { email: b.rep.email, role: "rep" }));
    expect(asRep).toMatchObject({ ok: false, code: "FORBIDDEN" });
    const invited = await asUser(a.admin.id, () => inviteMemberAction(a.org.slug, { email: b.rep.email, role: "rep" }));
    if (!invited.ok) throw new Error(JSON.stringify(invited));
    expect(Object.keys(invited.data).sort()).toEqual(["invitationId", "kind", "token"]);
    expect(await roleOf(a.org.id, b.rep.id)).toBeUndefined();

    // What joinInvitationAction does for a signed-in invitee (next-auth does not load in this test runner).
    const joined = await unsafeJoinInvitation({ db: getDb() }, { token: invited.data.token, userId: b.rep.id });
    expect(joined).toEqual({ orgSlug: a.org.slug });
    const members = await listMembers(await ctxFor(a.admin.id, a.org.slug));
    expect(members.find((m) => m.userId === b.rep.id)?.role).toBe("rep");
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

  it("removal hands open deals and pending next steps to the chosen member, audited, with the invariants intact", async () => {
    const { a } = await twoOrgs();
    const own = await deal(a, a.manager.id, a.manager.id, a.manager.id);
    // The manager holds the step on Ravi's deal: a rep taking over cannot hold it, so it goes to Ravi.
    const onRavis = await deal(a, a.manager.id, a.rep2.id, a.manager.id);
    const untouched = await deal(a, a.rep2.id, a.rep2.id, a.rep2.id);

    const res = await asUser(a.admin.id, () => removeMemberAction(a.org.slug, { userId: a.manager.id, handoffTo: a.rep.id }));
    expect(res).toEqual({ ok: true, data: undefined });
    expect(await roleOf(a.org.id, a.manager.id)).toBeUndefined();
    expect(await ownersOf(own.dealId)).toEqual({ deal: a.rep.id, step: a.rep.id });
    expect(await ownersOf(onRavis.dealId)).toEqual({ deal: a.rep2.id, step: a.rep2.id });
    expect(await ownersOf(untouched.dealId)).toEqual({ deal: a.rep2.id, step: a.rep2.id });
    expect(await invariantBreaches(a.org.id)).toHaveLength(0);

    const dealAudit = (await auditRowsFor(a.org.id, "deal")).filter((r) => r.action === "update");
    expect(dealAudit.map((r) => [r.entityId, r.before, r.after])).toEqual([[own.dealId, { ownerId: a.manager.id }, { ownerId: a.rep.id }]]);
    const stepAudit = (await auditRowsFor(a.org.id, "action")).filter((r) => r.action === "update");
    expect(stepAudit.map((r) => [r.entityId, r.after]).sort()).toEqual(
      [
        [own.actionId, { ownerId: a.rep.id }],
        [onRavis.actionId, { ownerId: a.rep2.id }],
      ].sort(),
    );
  });

  it("removal without a choice hands the work to the admin doing it", async () => {
    const { a } = await twoOrgs();
    const rita = await deal(a, a.rep.id, a.rep.id, a.rep.id);
    expect(await asUser(a.admin.id, () => removeMemberAction(a.org.slug, { userId: a.rep.id }))).toMatchObject({ ok: true });
    expect(await ownersOf(rita.dealId)).toEqual({ deal: a.admin.id, step: a.admin.id });
    expect(await invariantBreaches(a.org.id)).toHaveLength(0);
  });

  it("refuses another org's user as the one taking over, and a role that may not manage members", async () => {
    const { a, b } = await twoOrgs();
    const rita = await deal(a, a.rep.id, a.rep.id, a.rep.id);
    const foreign = await asUser(a.admin.id, () => removeMemberAction(a.org.slug, { userId: a.rep.id, handoffTo: b.admin.id }));
    expect(foreign).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { handoffTo: ["Not a member"] } });
    const asManager = await asUser(a.manager.id, () => removeMemberAction(a.org.slug, { userId: a.rep.id, handoffTo: a.manager.id }));
    expect(asManager).toMatchObject({ ok: false, code: "FORBIDDEN" });
    // Nothing moved, nobody left.
    expect(await roleOf(a.org.id, a.rep.id)).toBe("rep");
    expect(await ownersOf(rita.dealId)).toEqual({ deal: a.rep.id, step: a.rep.id });
  });
});
