import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

import { type Browser, expect, type Page, test } from "@playwright/test";

import { createDealThroughForm } from "./support/new-deal";

// A fresh install: a production server of its own (scripts/serve.mts, as `npm start` runs it) with
// SEED_DEMO=off, its own data directory (so its own, empty embedded PostgreSQL) and its own port,
// beside Playwright's demo server. It serves the build the e2e layer made. Killed by pid at the end.
const root = process.cwd(); // Playwright runs from the repository root
const dataDir = path.join(root, ".test-data", `setup-${process.pid}`);
const PASSWORD = "first admin password";

let server: ChildProcess | undefined;
let log = "";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function waitForLog(pattern: RegExp, within = 120_000): Promise<RegExpMatchArray> {
  const deadline = Date.now() + within;
  for (;;) {
    const match = log.match(pattern);
    if (match) return match;
    if (server?.exitCode !== null || Date.now() > deadline) throw new Error(`no ${pattern} in the server's log:\n${log}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function healthy(origin: string, within = 60_000): Promise<void> {
  const deadline = Date.now() + within;
  while (
    !(await fetch(`${origin}/api/health`).then(
      (r) => r.ok,
      () => false,
    ))
  ) {
    if (Date.now() > deadline) throw new Error(`/api/health not ok within ${within} ms; log:\n${log}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

test.afterAll(async () => {
  if (server?.exitCode === null) {
    const exited = new Promise((resolve) => server!.once("exit", resolve));
    server.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
  }
  // Whatever is left of what this file started, by pid: the primary, its web worker, its PostgreSQL.
  const workers = [...log.matchAll(/web worker \d+ started \(pid (\d+)\)/g)].map((m) => Number(m[1]));
  const postmaster = Number(fs.readFileSync(path.join(dataDir, "pg", "postmaster.pid"), "utf8").split("\n")[0]) || undefined;
  for (const pid of [server?.pid, ...workers, postmaster]) if (pid && alive(pid)) process.kill(pid, "SIGKILL");
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function startFreshServer(): Promise<{ origin: string; setupUrl: string }> {
  const port = await freePort();
  server = spawn(process.execPath, ["--import", "./scripts/lib/allow-server-only.mjs", "--import", "tsx", "scripts/serve.mts"], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: "",
      DATA_DIR: dataDir,
      HOST: "127.0.0.1",
      PORT: String(port),
      WEB_CONCURRENCY: "1",
      JOBS_WORKER: "off",
      SEED_DEMO: "off",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout!.on("data", (d: Buffer) => (log += d.toString()));
  server.stderr!.on("data", (d: Buffer) => (log += d.toString()));
  const origin = `http://127.0.0.1:${port}`;
  const [setupUrl] = await waitForLog(new RegExp(`${origin.replace(/[.]/g, "\\.")}/setup\\?token=[A-Za-z0-9_-]{43}`));
  await healthy(origin);
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
    expect(log).not.toMatch(/Demo logins/);

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
