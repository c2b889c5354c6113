import { type Browser, expect, type Page, test } from "@playwright/test";

import { DEMO_PASSWORD } from "./support/auth";
import { ownMember, signInSlowly } from "./support/own-member";

/**
 * Sessions end on the server: a sign-out, "sign out everywhere" and a password change refuse every
 * older copy of the account's session cookie. Signing out ends every session of the account, so
 * each test works as a rep of its own (never a demo user that specs running beside it sign in as).
 */
const ORG = "rendetalje";

// Two or three sign-ins (password hashes) and a dozen page loads per test.
test.describe.configure({ timeout: 240_000 });

const EXPORT = `/${ORG}/exports/deals?format=csv`;

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInSlowly(page, email);
  return page;
}

async function expectSignedOut(page: Page, path = `/${ORG}/today`) {
  await page.goto(path);
  await expect(page).toHaveURL(/\/login$/, { timeout: 30_000 });
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
}

async function openProfile(page: Page) {
  await page.getByTestId("user-menu").click();
  await page.getByRole("menuitem", { name: "Profile" }).click();
  await expect(page.getByRole("heading", { name: "Your profile" })).toBeVisible();
}

test("a copied session cookie is refused once its owner signs out", async ({ browser }) => {
  const owner = await signedIn(browser, (await ownMember(ORG, "copy")).email);
  const thief = await browser.newContext();
  await thief.addCookies(await owner.context().cookies());
  const copy = await thief.newPage();
  await copy.goto(`/${ORG}/today`);
  await expect(copy.getByTestId("user-menu")).toBeVisible();
  expect((await thief.request.get(EXPORT)).status()).toBe(200);

  await owner.getByTestId("user-menu").click();
  await owner.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(owner).toHaveURL(/\/login$/, { timeout: 30_000 });

  // Pages, the org picker and downloads alike.
  await expectSignedOut(copy);
  await expectSignedOut(copy, "/");
  expect((await thief.request.get(EXPORT)).status()).toBe(401);
});

test("sign out everywhere, on the profile, ends the account's session in another browser", async ({ browser }) => {
  const email = (await ownMember(ORG, "everywhere")).email;
  const [here, there] = [await signedIn(browser, email), await signedIn(browser, email)];
  await openProfile(here);
  await here.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(here).toHaveURL(/\/login$/, { timeout: 30_000 });
  await expectSignedOut(there);
});

test("profile: a new name shows at once; a password change keeps this browser signed in and ends the other", async ({ browser }) => {
  const email = (await ownMember(ORG, "profile")).email;
  const [here, there] = [await signedIn(browser, email), await signedIn(browser, email)];
  await openProfile(here);

  const profile = here.getByRole("form", { name: "Profile" });
  await profile.getByLabel("Name").fill("Renamed Rep");
  await profile.getByRole("button", { name: "Save" }).click();
  await expect(here.getByTestId("user-menu")).toContainText("Renamed Rep", { timeout: 20_000 });

  const password = here.getByRole("form", { name: "Change password" });
  await password.getByLabel("Current password").fill("not the password");
  await password.getByLabel("New password").fill("a brand new password");
  await password.getByRole("button", { name: "Change password" }).click();
  await expect(password.getByText("Wrong password")).toBeVisible({ timeout: 20_000 });
  await expect(password.getByLabel("Current password")).toBeFocused();

  await password.getByLabel("Current password").fill(DEMO_PASSWORD);
  await password.getByRole("button", { name: "Change password" }).click();
  await expect(here.locator("[data-sonner-toast]").filter({ hasText: "Password changed" })).toBeVisible({ timeout: 30_000 });

  await here.reload();
  await expect(here.getByRole("heading", { name: "Your profile" })).toBeVisible();
  await expectSignedOut(there);
  await signInSlowly(there, email, "a brand new password");
});
