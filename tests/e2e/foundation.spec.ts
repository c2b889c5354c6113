import { expect, test } from "@playwright/test";

import { DEMO_PASSWORD, signIn } from "./support/auth";

test.describe("sign-in, org switching, theme and sign-out", () => {
  test("a wrong password shows a clear message and keeps the user on the sign-in page", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill("sofie@rendetalje.demo");
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    // Next's route announcer is also role="alert": pick ours by its text.
    await expect(page.getByRole("alert").filter({ hasText: "Wrong email or password." })).toBeVisible();
    await expect(page).toHaveURL(/\/login/);
  });

  test("signed-out visitors are sent to the sign-in page", async ({ page }) => {
    await page.goto("/rendetalje");
    await expect(page).toHaveURL(/\/login/);
  });

  test("a demo user signs in, switches org, changes the theme and signs out", async ({ page }) => {
    await signIn(page, "mette@momentum.demo", DEMO_PASSWORD);
    await expect(page).toHaveURL(/\/(rendetalje|tekup|foodtruck-fiesta)/);

    await page.getByTestId("org-switcher").click();
    await page.getByRole("menuitemradio", { name: /Tekup/ }).click();
    await expect(page).toHaveURL(/\/tekup(\/|$)/);
    await expect(page.getByTestId("org-switcher")).toContainText("Tekup");

    // A foreign org slug is not found, not forbidden.
    const response = await page.goto("/atelier-lumiere");
    expect(response?.status()).toBe(404);
    await page.goto("/tekup");

    await page.getByTestId("user-menu").click();
    await page.getByRole("menuitemradio", { name: "Dark" }).click();
    await expect(page.locator("html")).toHaveClass(/dark/);
    await page.reload();
    await expect(page.locator("html")).toHaveClass(/dark/);
    await page.getByTestId("user-menu").click();
    await page.getByRole("menuitemradio", { name: "Light" }).click();
    await expect(page.locator("html")).not.toHaveClass(/dark/);

    await page.getByTestId("user-menu").click();
    await page.getByRole("menuitem", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto("/tekup");
    await expect(page).toHaveURL(/\/login/);
  });
});
