import { expect, type Page } from "@playwright/test";

import { withAppDb } from "./app-db";
import { DEMO_PASSWORD } from "./auth";

/**
 * A member of a demo org of the spec's own, signing in with the demo password: signing out, a
 * password change or a reset ends every session of an account, so such specs never use a demo
 * user that specs running beside them sign in as.
 */
export async function ownMember(orgSlug: string, label: string): Promise<{ email: string; name: string }> {
  const stamp = `${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;
  const email = `e2e-${label}-${stamp}@momentum.test`;
  const name = `${label} ${stamp}`;
  await withAppDb(async (sql) => {
    const [org] = await sql`select id from organizations where slug = ${orgSlug}`;
    // The demo password's hash, so the member signs in with it.
    const [demo] = await sql`select password_hash from users where email = 'mette@momentum.demo'`;
    const [user] =
      await sql`insert into users (email, name, password_hash) values (${email}, ${name}, ${demo!.password_hash}) returning id`;
    await sql`insert into memberships (org_id, user_id, role) values (${org!.id}, ${user!.id}, 'rep')`;
  });
  return { email, name };
}

/**
 * signIn's steps with a longer wait for the shell: these specs sign in two or three times each,
 * and on a loaded 2-core box a fresh session's first page can take longer than 7 s.
 */
export async function signInSlowly(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("user-menu")).toBeVisible({ timeout: 30_000 });
}
