import { describe, expect, it } from "vitest";

import { issuePasswordResetAction } from "@/actions/members";
import { getDb, getSql } from "@/db/client";
import { addMember, createOrganization } from "@/db/seed/factories";
import { runAs } from "@/server/actor";
import { verifyPassword } from "@/server/auth/password";
import { databaseContext } from "@/server/data/context";
import { unsafeFindPasswordReset, unsafeResetPassword } from "@/server/data/password-resets";
import { NotFoundError, UnauthenticatedError } from "@/server/errors";
import { resolveTenant } from "@/server/tenant";
import { twoOrgs } from "@tests/integration/support/fixtures";

type Team = Awaited<ReturnType<typeof twoOrgs>>["a"];

async function issue(team: Team, userId: string, by = team.admin.id) {
  return runAs({ userId: by }, () => issuePasswordResetAction(team.org.slug, { userId }));
}

async function tokenFor(team: Team, userId: string): Promise<string> {
  const issued = await issue(team, userId);
  if (!issued.ok) throw new Error(JSON.stringify(issued));
  return issued.data.token;
}

async function account(userId: string) {
  const [row] = await getSql()`select password_hash, session_version from users where id = ${userId}`;
  return row as { password_hash: string; session_version: number };
}

describe("password reset links", () => {
  it("an admin's link sets the member's password once, ends their sessions, and stores only a hash", async () => {
    const { a } = await twoOrgs();
    const before = await account(a.rep.id);
    const token = await tokenFor(a, a.rep.id);
    const [stored] = await getSql()`select token_hash, expires_at from password_resets where user_id = ${a.rep.id}`;
    expect(stored!.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored!.token_hash).not.toContain(token);
    expect(new Date(stored!.expires_at).getTime() - Date.now()).toBeGreaterThan(23 * 3_600_000);
    expect(await unsafeFindPasswordReset(databaseContext(), { token })).toEqual({ email: a.rep.email, name: a.rep.name });

    expect(await unsafeResetPassword(databaseContext(), { token, password: "set by the link" })).toEqual({ email: a.rep.email });
    const after = await account(a.rep.id);
    expect(await verifyPassword("set by the link", after.password_hash)).toBe(true);
    expect(after.session_version).toBe(before.session_version + 1);
    const old = { userId: a.rep.id, sessionVersion: before.session_version };
    await expect(resolveTenant(old, a.org.slug)).rejects.toBeInstanceOf(UnauthenticatedError);

    // Single use.
    expect(await unsafeFindPasswordReset(databaseContext(), { token })).toBeUndefined();
    await expect(unsafeResetPassword(databaseContext(), { token, password: "a second time" })).rejects.toBeInstanceOf(NotFoundError);
    expect(await verifyPassword("set by the link", (await account(a.rep.id)).password_hash)).toBe(true);
  });

  it("a newer link replaces an older one; an expired one does not work", async () => {
    const { a } = await twoOrgs();
    const first = await tokenFor(a, a.rep.id);
    const second = await tokenFor(a, a.rep.id);
    expect(await unsafeFindPasswordReset(databaseContext(), { token: first })).toBeUndefined();
    expect(await unsafeFindPasswordReset(databaseContext(), { token: second })).toBeDefined();
    await getSql()`update password_resets set expires_at = now() - interval '1 minute' where user_id = ${a.rep.id}`;
    await expect(unsafeResetPassword(databaseContext(), { token: second, password: "too late now" })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("two uses of one link at the same moment: exactly one sets the password", async () => {
    const { a } = await twoOrgs();
    const token = await tokenFor(a, a.rep.id);
    const outcomes = await Promise.allSettled(
      ["first racer pass", "second racer pass"].map((password) => unsafeResetPassword(databaseContext(), { token, password })),
    );
    expect(outcomes.map((o) => o.status).sort()).toEqual(["fulfilled", "rejected"]);
  });

  it("is refused for a rep or a manager, for another org's member, for yourself, and for someone who is also in an org you do not administer", async () => {
    const { a, b } = await twoOrgs();
    expect(await issue(a, a.rep2.id, a.rep.id)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await issue(a, a.rep2.id, a.manager.id)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await issue(a, b.rep.id)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await issue(a, a.admin.id)).toMatchObject({ ok: false, code: "VALIDATION" });

    // b.rep joins A too: A's admin may not take over an account that also opens B.
    await addMember(getDb(), a.org.id, b.rep.id, "rep");
    expect(await issue(a, b.rep.id)).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { userId: ["Member of another organization"] },
    });
    // Unless they administer that org as well.
    const other = await createOrganization(getDb());
    await addMember(getDb(), other.id, a.rep2.id, "rep");
    await addMember(getDb(), other.id, a.admin.id, "admin");
    expect(await issue(a, a.rep2.id)).toMatchObject({ ok: true });
    const issued = await getSql()`select user_id from password_resets where org_id = ${a.org.id}`;
    expect(issued.map((r) => r.user_id)).toEqual([a.rep2.id]);
  });
});
