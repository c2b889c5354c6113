import { expect, test } from "@playwright/test";

import { withAppDb } from "./support/app-db";
import { ownMember, signInSlowly } from "./support/own-member";

/**
 * An admin issues a one-time link on the members page; whoever opens it sets the member's password
 * and is signed in; the link then no longer works. The member is one of this spec's own (a reset
 * ends every session of the account).
 */
const ORG = "rendetalje";

test("an admin's one-time link sets a member's password, signs them in, and works once", async ({ browser, page }) => {
  test.setTimeout(240_000); // two sign-ins and a password hash on a busy 2-core box
  const { name } = await ownMember(ORG, "reset");
  await signInSlowly(page, "mette@momentum.demo");
  await page.goto(`/${ORG}/settings/members`);
  await expect(page.getByRole("heading", { name: "Members", exact: true })).toBeVisible({ timeout: 30_000 });
  await page.getByRole("button", { name: `Reset the password of ${name}` }).click();
  await page.getByRole("button", { name: "Create reset link" }).click();
  const link = page.getByTestId("password-reset-link");
  await expect(link).toBeVisible({ timeout: 20_000 });
  const url = await link.inputValue();
  expect(url).toMatch(/\/login\/reset\/[\w-]{20,}$/);

  const member = await (await browser.newContext()).newPage();
  await member.goto(url);
  await expect(member.getByRole("heading", { name: "Set a new password" })).toBeVisible();
  await member.getByLabel("New password", { exact: true }).fill("short");
  await member.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(member.getByText("Use at least 10 characters")).toBeVisible();
  await member.getByLabel("New password", { exact: true }).fill("set through the link");
  await member.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(member.getByTestId("user-menu")).toBeVisible({ timeout: 30_000 });

  await member.goto(url);
  await expect(member.getByRole("heading", { name: "This reset link does not work" })).toBeVisible();
  // The password is no longer the demo one the member was created with.
  await withAppDb(async (sql) => {
    const [row] = await sql`select password_hash from users where name = ${name}`;
    const [demo] = await sql`select password_hash from users where email = 'mette@momentum.demo'`;
    expect(row!.password_hash).not.toBe(demo!.password_hash);
  });
});
