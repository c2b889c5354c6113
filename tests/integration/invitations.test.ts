import { and, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { inviteMemberAction, revokeInvitationAction } from "@/actions/members";
import { getDb, getSql } from "@/db/client";
import { invitations } from "@/db/schema";
import { createOrgWithTeam, createUser } from "@/db/seed/factories";
import { authenticate } from "@/server/auth/authenticate";
import { unsafeAcceptInvitation, unsafeFindInvitation, unsafeJoinInvitation } from "@/server/data/invitations";
import { hashToken, listPendingInvitations } from "@/server/data/members";
import { ConflictError, ForbiddenError, NotFoundError } from "@/server/errors";
import { asUser, ctxFor } from "@tests/integration/support/fixtures";
import { auditRowsFor, newEmail, roleOf } from "@tests/integration/support/org-state";
import { raceOnHeldLock } from "@tests/integration/support/row-lock-race";

const NEW_PASSWORD = "a long enough password";

async function invite(team: Awaited<ReturnType<typeof createOrgWithTeam>>, email: string, role: "admin" | "manager" | "rep" = "manager") {
  const res = await asUser(team.admin.id, () => inviteMemberAction(team.org.slug, { email, role }));
  if (!res.ok || res.data.kind !== "invited") throw new Error(`expected an invitation, got ${JSON.stringify(res)}`);
  return res.data;
}

async function pendingRows(orgId: string, email: string) {
  return getDb()
    .select()
    .from(invitations)
    .where(and(eq(invitations.orgId, orgId), eq(invitations.email, email), isNull(invitations.acceptedAt)));
}

describe("invitations", () => {
  it("invite a new email → token → accept creates the user and the membership with the role", async () => {
    const team = await createOrgWithTeam(getDb());
    const email = newEmail();
    const { token, invitationId } = await invite(team, `  ${email.toUpperCase()} `, "manager");

    // Only a hash of the token is stored.
    const [row] = await pendingRows(team.org.id, email);
    expect(row).toMatchObject({ id: invitationId, email, role: "manager", invitedBy: team.admin.id, tokenHash: hashToken(token) });
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row!.expiresAt.getTime()).toBeGreaterThan(Date.now() + 6 * 86_400_000);

    expect(await unsafeFindInvitation({ db: getDb() }, { token })).toMatchObject({
      id: invitationId,
      email,
      role: "manager",
      orgSlug: team.org.slug,
      orgName: team.org.name,
    });
    const pending = await listPendingInvitations(await ctxFor(team.admin.id, team.org.slug));
    expect(pending.map((p) => p.id)).toContain(invitationId);

    const accepted = await unsafeAcceptInvitation({ db: getDb() }, { token, name: "Nina New", password: NEW_PASSWORD });
    expect(accepted).toEqual({ email, orgSlug: team.org.slug });

    const signIn = await authenticate(email, NEW_PASSWORD, "203.0.113.7");
    expect(signIn).toMatchObject({ ok: true, user: { email, name: "Nina New" } });
    const userId = (signIn as { user: { id: string } }).user.id;
    expect(await roleOf(team.org.id, userId)).toBe("manager");
    expect((await ctxFor(userId, team.org.slug)).role).toBe("manager");
    expect(await pendingRows(team.org.id, email)).toEqual([]);
    expect((await auditRowsFor(team.org.id, "invitation")).map((r) => [r.entityId, r.action])).toEqual([[invitationId, "create"]]);
  });

  it("a token works once", async () => {
    const team = await createOrgWithTeam(getDb());
    const { token } = await invite(team, newEmail());
    await unsafeAcceptInvitation({ db: getDb() }, { token, name: "First Use", password: NEW_PASSWORD });
    await expect(unsafeAcceptInvitation({ db: getDb() }, { token, name: "Second Use", password: NEW_PASSWORD })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(await unsafeFindInvitation({ db: getDb() }, { token })).toBeUndefined();
  });

  it("a token accepted twice at the same moment creates one user", async () => {
    const team = await createOrgWithTeam(getDb());
    const email = newEmail();
    const { token } = await invite(team, email);
    // Both wait on the invitation's row lock before either runs: without the gate they could run one after the other.
    const accept = (name: string) => () =>
      Promise.allSettled([unsafeAcceptInvitation({ db: getDb() }, { token, name, password: NEW_PASSWORD })]).then(([r]) => r!);
    const results = await raceOnHeldLock({
      lock: (tx) => tx`select id from invitations where email = ${email} and accepted_at is null for update`,
      waitingQuery: '%from "invitations"%for update%',
      racers: [accept("Racer One"), accept("Racer Two")],
    });
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const users = await getSql()`select id from users where email = ${email}`;
    expect(users).toHaveLength(1);
  });

  it("an expired token is refused", async () => {
    const team = await createOrgWithTeam(getDb());
    const email = newEmail();
    const { token, invitationId } = await invite(team, email);
    await getDb()
      .update(invitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(invitations.id, invitationId));
    expect(await unsafeFindInvitation({ db: getDb() }, { token })).toBeUndefined();
    await expect(unsafeAcceptInvitation({ db: getDb() }, { token, name: "Too Late", password: NEW_PASSWORD })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(await getSql()`select 1 from users where email = ${email}`).toHaveLength(0);
    const pending = await listPendingInvitations(await ctxFor(team.admin.id, team.org.slug));
    expect(pending.map((p) => p.id)).not.toContain(invitationId);
  });

  it("an unknown token is refused", async () => {
    await expect(
      unsafeAcceptInvitation({ db: getDb() }, { token: "x".repeat(32), name: "Nobody", password: NEW_PASSWORD }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it("re-inviting the same email replaces the pending invitation", async () => {
    const team = await createOrgWithTeam(getDb());
    const email = newEmail();
    const first = await invite(team, email, "rep");
    const second = await invite(team, email, "admin");
    expect(second.invitationId).not.toBe(first.invitationId);
    expect((await pendingRows(team.org.id, email)).map((r) => [r.id, r.role])).toEqual([[second.invitationId, "admin"]]);
    await expect(
      unsafeAcceptInvitation({ db: getDb() }, { token: first.token, name: "Old Link", password: NEW_PASSWORD }),
    ).rejects.toBeInstanceOf(NotFoundError);
    const { orgSlug } = await unsafeAcceptInvitation({ db: getDb() }, { token: second.token, name: "New Link", password: NEW_PASSWORD });
    expect(orgSlug).toBe(team.org.slug);
    const [user] = await getSql()`select id from users where email = ${email}`;
    expect(await roleOf(team.org.id, user!.id as string)).toBe("admin");
  });

  it("the same email may be invited by two orgs independently", async () => {
    const db = getDb();
    const [one, two] = [await createOrgWithTeam(db), await createOrgWithTeam(db)];
    const email = newEmail();
    const a = await invite(one, email);
    const b = await invite(two, email);
    expect(await unsafeFindInvitation({ db }, { token: a.token })).toMatchObject({ orgSlug: one.org.slug });
    expect(await unsafeFindInvitation({ db }, { token: b.token })).toMatchObject({ orgSlug: two.org.slug });
  });

  it("a revoked invitation no longer works and is audited", async () => {
    const team = await createOrgWithTeam(getDb());
    const email = newEmail();
    const { token, invitationId } = await invite(team, email);
    expect(await asUser(team.admin.id, () => revokeInvitationAction(team.org.slug, { invitationId }))).toEqual({
      ok: true,
      data: undefined,
    });
    expect(await unsafeFindInvitation({ db: getDb() }, { token })).toBeUndefined();
    await expect(unsafeAcceptInvitation({ db: getDb() }, { token, name: "Revoked", password: NEW_PASSWORD })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(await asUser(team.admin.id, () => revokeInvitationAction(team.org.slug, { invitationId }))).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
    const audit = await auditRowsFor(team.org.id, "invitation");
    expect(audit.map((r) => [r.action, r.before])).toEqual([
      ["create", null],
      ["revoke", { email, role: "manager" }],
    ]);
  });

  it("another org's user's email is answered exactly like an unknown email and adds no membership", async () => {
    const db = getDb();
    const [team, other] = [await createOrgWithTeam(db), await createOrgWithTeam(db)];
    const known = await asUser(team.admin.id, () =>
      inviteMemberAction(team.org.slug, { email: other.rep.email.toUpperCase(), role: "rep" }),
    );
    const unknown = await asUser(team.admin.id, () => inviteMemberAction(team.org.slug, { email: newEmail(), role: "rep" }));
    // Same shape, same kind: only the random id and token differ.
    const shape = (res: typeof known) => (res.ok ? { ...res, data: { ...res.data, invitationId: "id", token: "token" } } : res);
    expect(shape(known)).toEqual(shape(unknown));
    expect(await roleOf(team.org.id, other.rep.id)).toBeUndefined();
    expect(await pendingRows(team.org.id, other.rep.email)).toHaveLength(1);
  });

  it("an email that is already a member is a conflict on the email field", async () => {
    const team = await createOrgWithTeam(getDb());
    const again = await asUser(team.admin.id, () => inviteMemberAction(team.org.slug, { email: team.rep.email, role: "admin" }));
    expect(again).toEqual({
      ok: false,
      code: "CONFLICT",
      message: `${team.rep.email} is already a member.`,
      // On the form's email field.
      fieldErrors: { email: ["Already a member of this organization"] },
    });
    expect(await roleOf(team.org.id, team.rep.id)).toBe("rep");
  });

  it("an existing account joins by accepting, signed in or having just signed in", async () => {
    const db = getDb();
    const team = await createOrgWithTeam(db);
    const [signedIn, signingIn] = [await createUser(db), await createUser(db)];
    const first = await invite(team, signedIn.email, "rep");
    expect(await unsafeFindInvitation({ db }, { token: first.token, viewerId: signedIn.id })).toMatchObject({ viewerIsInvitee: true });
    expect(await unsafeJoinInvitation({ db }, { token: first.token, userId: signedIn.id })).toEqual({ orgSlug: team.org.slug });
    expect(await roleOf(team.org.id, signedIn.id)).toBe("rep");

    const second = await invite(team, signingIn.email, "manager");
    // The page does not tell whoever holds the link whether the address has an account.
    expect(await unsafeFindInvitation({ db }, { token: second.token })).not.toHaveProperty("hasAccount");
    // Without a userId: the caller has just signed in with the invited email's password.
    expect(await unsafeJoinInvitation({ db }, { token: second.token })).toEqual({ orgSlug: team.org.slug });
    expect(await roleOf(team.org.id, signingIn.id)).toBe("manager");
    await expect(unsafeJoinInvitation({ db }, { token: second.token })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("a forwarded link does not let another signed-in account join", async () => {
    const db = getDb();
    const team = await createOrgWithTeam(db);
    const [invitee, someoneElse] = [await createUser(db), await createUser(db)];
    const { token } = await invite(team, invitee.email);
    expect(await unsafeFindInvitation({ db }, { token, viewerId: someoneElse.id })).toMatchObject({ viewerIsInvitee: false });
    await expect(unsafeJoinInvitation({ db }, { token, userId: someoneElse.id })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await roleOf(team.org.id, someoneElse.id)).toBeUndefined();
    expect(await pendingRows(team.org.id, invitee.email)).toHaveLength(1);
  });

  it("a new account is refused for an email that has one: it signs in to join instead", async () => {
    const db = getDb();
    const team = await createOrgWithTeam(db);
    const email = newEmail();
    const { token } = await invite(team, email);
    const user = await createUser(db, { email });
    await expect(unsafeAcceptInvitation({ db }, { token, name: "Late Comer", password: NEW_PASSWORD })).rejects.toBeInstanceOf(
      ConflictError,
    );
    // Nothing half-written: the invitation is still pending, no membership was added.
    expect(await pendingRows(team.org.id, email)).toHaveLength(1);
    expect(await roleOf(team.org.id, user.id)).toBeUndefined();
  });
});
