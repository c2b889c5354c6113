import { describe, expect, it } from "vitest";

import { updateProfileAction } from "@/actions/profile";
import { getSql } from "@/db/client";
import { changePasswordSchema } from "@/lib/schemas/profile";
import { runAs } from "@/server/actor";
import { verifyPassword } from "@/server/auth/password";
import { userContext } from "@/server/data/context";
import { changePassword, getProfile } from "@/server/data/profile";
import { ValidationError } from "@/server/errors";
import { twoOrgs } from "@tests/integration/support/fixtures";

async function account(userId: string) {
  const [row] = await getSql()`select name, email, password_hash, session_version from users where id = ${userId}`;
  return row as { name: string; email: string; password_hash: string; session_version: number };
}

describe("profile", () => {
  it("changes the user's own name and email, the email normalised, through the user action", async () => {
    const { a } = await twoOrgs();
    const session = { userId: a.rep.id, sessionVersion: (await account(a.rep.id)).session_version };
    const email = `  Rita.New.${Date.now()}@Example.TEST `;
    const result = await runAs(session, () => updateProfileAction({ name: "Rita Renamed", email }));
    expect(result).toEqual({ ok: true, data: { name: "Rita Renamed", email: email.trim().toLowerCase() } });
    expect(await getProfile(userContext({ userId: a.rep.id }))).toEqual({ name: "Rita Renamed", email: email.trim().toLowerCase() });
    // Nobody else changed.
    expect((await account(a.rep2.id)).name).toBe(a.rep2.name);
  });

  it("refuses an email another account uses, on the email field, and changes nothing", async () => {
    const { a, b } = await twoOrgs();
    const before = await account(a.rep.id);
    const result = await runAs({ userId: a.rep.id }, () => updateProfileAction({ name: "Rita", email: b.admin.email.toUpperCase() }));
    expect(result).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { email: ["Another account uses this email"] } });
    expect(await account(a.rep.id)).toEqual(before);
  });

  it("refuses a bad name or email as field errors before the database", async () => {
    const { a } = await twoOrgs();
    const result = await runAs({ userId: a.rep.id }, () => updateProfileAction({ name: "x", email: "not an email" }));
    expect(result).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { name: [expect.any(String)], email: [expect.any(String)] },
    });
  });

  it("changes the password only with the current one, and ends every session of the account", async () => {
    const { a } = await twoOrgs();
    const before = await account(a.rep.id);
    const wrong = changePassword(userContext({ userId: a.rep.id }), {
      currentPassword: "not my password",
      newPassword: "a brand new password",
    });
    await expect(wrong).rejects.toBeInstanceOf(ValidationError);
    await expect(wrong).rejects.toMatchObject({ fieldErrors: { currentPassword: ["Wrong password"] } });
    expect(await account(a.rep.id)).toEqual(before);

    const changed = await changePassword(userContext({ userId: a.rep.id }), {
      currentPassword: "password123",
      newPassword: "a brand new password",
    });
    const after = await account(a.rep.id);
    expect(changed).toEqual({ email: before.email, sessionVersion: before.session_version + 1 });
    expect(after.session_version).toBe(before.session_version + 1);
    expect(await verifyPassword("a brand new password", after.password_hash)).toBe(true);
    expect(await verifyPassword("password123", after.password_hash)).toBe(false);
    // Another user's password and sessions are untouched.
    expect((await account(a.rep2.id)).session_version).toBe(0);
  });

  it("asks for a new password by the invite page's rules, different from the current one", () => {
    const issues = (input: object) => changePasswordSchema.safeParse(input).error?.issues.map((i) => [i.path.join("."), i.message]) ?? [];
    expect(issues({ currentPassword: "password123", newPassword: "short" })).toEqual([["newPassword", "Use at least 10 characters"]]);
    expect(issues({ currentPassword: "password123", newPassword: "password123" })).toEqual([
      ["newPassword", "Choose a password different from the current one"],
    ]);
    expect(issues({ currentPassword: "", newPassword: "a brand new password" })).toEqual([["currentPassword", "Enter your password"]]);
    expect(issues({ currentPassword: "password123", newPassword: "a brand new password" })).toEqual([]);
  });
});
