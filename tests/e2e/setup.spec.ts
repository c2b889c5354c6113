import path from "node:path";

import { type Browser, expect, type Page, test } from "@playwright/test";

import { createDealThroughForm } from "./support/new-deal";
import { freePort, OwnServer } from "./support/own-server";

// A fresh install: a production server of its own with SEED_DEMO=off, its own data directory (so its
// own, empty embedded PostgreSQL) and its own port, beside Playwright's demo server.
const dataDir = path.join(process.cwd(), ".test-data", `setup-${process.pid}`);
const PASSWORD = "first admin password";

let server: OwnServer | undefined;

test.afterAll(async () => {
  await server?.cleanUp();
});

async function startFreshServer(): Promise<{ origin: string; setupUrl: string }> {
  server = new OwnServer({ port: await freePort(), dataDir, webConcurrency: 1, jobsWorker: "off", seedDemo: "off" });
  const { origin } = server;
  const [setupUrl] = await server.waitForLog(new RegExp(`${origin.replace(/[.]/g, "\\.")}/setup\\?token=[A-Za-z0-9_-]{43}`));
  await server.healthy();
  return { origin, setupUrl: setupUrl! };
}

async function newPage(browser: Browser, origin: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: origin });
  return context.newPage();
}

test.describe("a fresh install", () => {
  test("goes from the setup link to the first deal, and the link then answers not found", async ({ browser }) => {
    test.setTimeout(240_000);
    const { origin, setupUrl } = await startFreshServer();
    expect(server!.log).not.toMatch(/Demo logins/);

    // Without the token, or with a wrong one, there is nothing to see (and no redirect to sign in).
    const wrong = setupUrl.replace(/token=.*/, `token=${"A".repeat(43)}`);
    for (const url of [`${origin}/setup`, wrong]) expect((await fetch(url, { redirect: "manual" })).status, url).toBe(404);

    const page = await newPage(browser, origin);
    // No demo here: the sign-in page offers no demo login.
    await page.goto("/login");
    await expect(page.getByRole("heading", { name: "Sign in to Momentum" })).toBeVisible();
    await expect(page.getByText("Trying the demo?")).toHaveCount(0);

    await page.goto(setupUrl);
    await expect(page.getByRole("heading", { name: "Set up Momentum" })).toBeVisible();
    // The regional fields validate as the settings do: a made-up time zone is refused on its field.
    await page.getByLabel("Organization name").fill("Nordlys Rengøring");
    await page.getByLabel("Currency").selectOption("DKK");
    await page.getByLabel("Locale").selectOption("da-DK");
    await page.getByLabel("Time zone").fill("Mars/Olympus_Mons");
    await page.getByLabel("Your name").fill("Freja Holm");
    await page.getByLabel("Email").fill("freja@nordlys.test");
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Create organization and sign in" }).click();
    await expect(page.getByText(/^Unknown time zone/)).toBeVisible();
    await page.getByLabel("Time zone").fill("Europe/Copenhagen");
    await page.getByRole("button", { name: "Create organization and sign in" }).click();

    // Signed in as the new admin, on the new org's Today page (a cold server: hashing, signing in, first render).
    await expect(page).toHaveURL(`${origin}/nordlys-rengoring/today`, { timeout: 30_000 });
    await expect(page.getByTestId("org-switcher")).toContainText("Nordlys Rengøring");
    await expect(page.getByTestId("org-switcher")).toContainText("Admin");

    // The first deal, in the org's own currency, with its first next step.
    const dealId = await createDealThroughForm(page, "nordlys-rengoring", {
      title: "Window cleaning for Fjord Foods",
      contactName: "Fjord Foods A/S",
      value: "12500",
      currency: "DKK",
    });
    await expect(page.getByRole("heading", { name: "Window cleaning for Fjord Foods" })).toBeVisible();
    expect(dealId).toMatch(/^[0-9a-f-]{36}$/);

    // The link was single-use, and a user exists now: not found, for anyone.
    expect((await fetch(setupUrl, { redirect: "manual" })).status).toBe(404);
    await page.goto(setupUrl);
    await expect(page.getByRole("heading", { name: "Set up Momentum" })).toHaveCount(0);

    // Another organization, from the org switcher: its admin, listed at once, on its Today page.
    await page.goto("/nordlys-rengoring/today");
    await page.getByTestId("org-switcher").click();
    await page.getByRole("menuitem", { name: "Create organization…" }).click();
    const dialog = page.getByRole("dialog", { name: "Create an organization" });
    await expect(dialog.getByLabel("Organization name")).toBeFocused();
    await dialog.getByLabel("Organization name").fill("Nordlys Vinduespolering");
    await dialog.getByLabel("Currency").selectOption("EUR");
    await dialog.getByRole("button", { name: "Create organization" }).click();
    await expect(page).toHaveURL(`${origin}/nordlys-vinduespolering/today`, { timeout: 15_000 });
    await page.getByTestId("org-switcher").click();
    await expect(page.getByRole("menuitemradio")).toHaveText([/Nordlys Rengøring\s*Admin/, /Nordlys Vinduespolering\s*Admin/]);
    await expect(page.getByRole("menuitemradio", { name: /Nordlys Vinduespolering/ })).toHaveAttribute("aria-checked", "true");
  });
});
