import { encode } from "next-auth/jwt";
import { describe, expect, it, vi } from "vitest";

import { inviteMemberAction, removeMemberAction } from "@/actions/members";
import { updateProfileAction } from "@/actions/profile";
import { getDb, getSql } from "@/db/client";
import { addMember, createOrganization } from "@/db/seed/factories";
import { type Actor, currentVerifiedActor, runAs } from "@/server/actor";
import { sessionOf } from "@/server/auth/page-session";
import { authSecret } from "@/server/auth/secret";
import { databaseContext, userContext } from "@/server/data/context";
import { changePassword } from "@/server/data/profile";
import { unsafeEndSessions } from "@/server/data/sessions";
import { UnauthenticatedError } from "@/server/errors";
import { listMyOrganizations, resolveTenant } from "@/server/tenant";
import { twoOrgs } from "@tests/integration/support/fixtures";

// Read once by env(), before the first token is sealed or opened.
vi.stubEnv("AUTH_SECRET", "test-secret-of-the-session-versions-0123456789");

type Team = Awaited<ReturnType<typeof twoOrgs>>["a"];
const COOKIE = "authjs.session-token";
const UNAUTHENTICATED = { ok: false, code: "UNAUTHENTICATED", message: "Your session has ended. Please sign in again." };

async function sessionNow(userId: string): Promise<Actor & { sessionVersion: number }> {
  const [row] = await getSql()`select session_version from users where id = ${userId}`;
  return { userId, sessionVersion: row!.session_version as number };
}

/** The session as a page reads it: a cookie sealed as next-auth's jwt callback seals it, opened by the page's decode. */
async function fromCookie(session: { userId: string; sessionVersion: number }) {
  const token = await encode({ token: { uid: session.userId, sv: session.sessionVersion }, secret: authSecret(), salt: COOKIE });
  return (await sessionOf(token, COOKIE))!;
}

/** Every way a request checks a session: page tenant, org picker, org action, user action. */
async function refusedEverywhere(session: Actor, team: Team) {
  await expect(resolveTenant(session, team.org.slug)).rejects.toBeInstanceOf(UnauthenticatedError);
  await expect(resolveTenant(await fromCookie(session as Required<Actor>), team.org.slug)).rejects.toBeInstanceOf(UnauthenticatedError);
  await expect(listMyOrganizations(session)).rejects.toBeInstanceOf(UnauthenticatedError);
  const invite = await runAs(session, () => inviteMemberAction(team.org.slug, { email: `s-${Date.now()}@example.test`, role: "rep" }));
  expect(invite).toEqual(UNAUTHENTICATED);
  expect(await runAs(session, () => updateProfileAction({ name: "Taken Over", email: "taken@example.test" }))).toEqual(UNAUTHENTICATED);
  expect(await runAs(session, currentVerifiedActor)).toBeNull();
}

async function acceptedAsMember(session: Actor, team: Team) {
  const ctx = await resolveTenant(await fromCookie(session as Required<Actor>), team.org.slug);
  expect(ctx.userId).toBe(session.userId);
  expect((await listMyOrganizations(session)).map((o) => o.slug)).toContain(team.org.slug);
  expect(await runAs(session, currentVerifiedActor)).toEqual(session);
}

/** The four bumps, each as the product does it (next-auth does not load here: signOutAction's own bump is unsafeEndSessions). */
const BUMPS: Record<string, (team: Team, userId: string) => Promise<unknown>> = {
  "sign-out": (_team, userId) => unsafeEndSessions(databaseContext(), { userId }),
  "sign out everywhere (the same action, from the profile)": (_team, userId) => unsafeEndSessions(databaseContext(), { userId }),
  "a password change": (_team, userId) =>
    changePassword(userContext({ userId }), { currentPassword: "password123", newPassword: "a brand new password" }),
  "removal from the last org": async (team, userId) => {
    const removed = await runAs({ userId: team.admin.id }, () => removeMemberAction(team.org.slug, { userId }));
    expect(removed).toMatchObject({ ok: true });
  },
};

describe("session versions", () => {
  it.each(Object.keys(BUMPS))("after %s, a token of the old version is refused everywhere; another user's is not", async (bump) => {
    const { a } = await twoOrgs();
    const old = await sessionNow(a.rep.id);
    const colleague = await sessionNow(a.rep2.id);
    await acceptedAsMember(old, a);

    await BUMPS[bump]!(a, a.rep.id);

    await refusedEverywhere(old, a);
    const fresh = await sessionNow(a.rep.id);
    expect(fresh.sessionVersion).toBe(old.sessionVersion + 1);
    if (bump === "removal from the last org") {
      // A new sign-in works and finds no org (the landing page's "not in an organization yet").
      expect(await listMyOrganizations(fresh)).toEqual([]);
    } else {
      await acceptedAsMember(fresh, a);
    }
    await acceptedAsMember(colleague, a);
    expect(await sessionNow(a.rep2.id)).toEqual(colleague);
  });

  it("removal from one org of two keeps the member's sessions (they still have somewhere to work)", async () => {
    const { a } = await twoOrgs();
    const other = await createOrganization(getDb());
    await addMember(getDb(), other.id, a.rep.id, "rep");
    const before = await sessionNow(a.rep.id);
    expect(await runAs({ userId: a.admin.id }, () => removeMemberAction(a.org.slug, { userId: a.rep.id }))).toMatchObject({ ok: true });
    expect(await sessionNow(a.rep.id)).toEqual(before);
    expect((await listMyOrganizations(before)).map((o) => o.slug)).toEqual([other.slug]);
  });

  it("a removal that fails leaves the sessions as they were (the bump is in the removal's transaction)", async () => {
    const { a } = await twoOrgs();
    const before = await sessionNow(a.admin.id);
    // The last admin cannot be removed.
    const refused = await runAs({ userId: a.admin.id }, () => removeMemberAction(a.org.slug, { userId: a.admin.id }));
    expect(refused).toMatchObject({ ok: false });
    expect(await sessionNow(a.admin.id)).toEqual(before);
  });

  it("a token issued before session versions existed (no version) counts as version 0 until the first bump", async () => {
    const { a } = await twoOrgs();
    const token = await encode({ token: { uid: a.manager.id }, secret: authSecret(), salt: COOKIE });
    const legacy = (await sessionOf(token, COOKIE))!;
    expect(legacy).toEqual({ userId: a.manager.id, sessionVersion: 0 });
    expect((await resolveTenant(legacy, a.org.slug)).userId).toBe(a.manager.id);
    await unsafeEndSessions(databaseContext(), { userId: a.manager.id });
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    await expect(resolveTenant(legacy, a.org.slug)).rejects.toBeInstanceOf(UnauthenticatedError);
    // Logged as one line, no stack: anyone holding an old copy of a cookie can send it at will.
    expect(warn.mock.calls).toEqual([[expect.stringMatching(/^\[auth\] session refused: version 0 of user [0-9a-f-]+ was ended$/)]]);
    warn.mockRestore();
  });

  it("a non-member with a current session still gets not-found, not a sign-in", async () => {
    const { a, b } = await twoOrgs();
    await expect(resolveTenant(await sessionNow(a.rep.id), b.org.slug)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
