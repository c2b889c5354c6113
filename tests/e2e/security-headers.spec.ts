import http from "node:http";
import type { AddressInfo } from "node:net";

import { type APIResponse, expect, type Page, test } from "@playwright/test";

import { signIn } from "./support/auth";

/**
 * The security headers on every kind of response (src/proxy.ts, next.config.ts `headers()`), a
 * page that cannot be framed, and the main journeys under the CSP with no violation and nothing on
 * the console. Read-only on the demo: it opens dialogs but saves nothing.
 */
const ORG = "rendetalje";
const ADMIN = "mette@momentum.demo";

/** The nonce of the response's CSP, after checking the headers every response must carry. */
function expectSecurityHeaders(response: APIResponse, what: string): string {
  const headers = response.headers();
  const csp = headers["content-security-policy"] ?? "";
  const directives = new Map(csp.split("; ").map((d) => [d.split(" ")[0], d]));
  const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(directives.get("script-src") ?? "")?.[1];
  expect(nonce, `${what}: a nonce in script-src (${csp})`).toBeDefined();
  expect(directives.get("script-src"), what).toContain("'strict-dynamic'");
  expect(directives.get("script-src"), what).not.toContain("unsafe");
  for (const directive of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"]) {
    expect(directives.get(directive.split(" ")[0]), what).toBe(directive);
  }
  expect(headers["x-frame-options"], what).toBe("DENY");
  expect(headers["x-content-type-options"], what).toBe("nosniff");
  expect(headers["referrer-policy"], what).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"], what).toContain("camera=()");
  expect(headers["permissions-policy"], what).toContain("geolocation=()");
  // Served over plain http here: no HSTS (see the https test below).
  expect(headers["strict-transport-security"], what).toBeUndefined();
  return nonce!;
}

/** Every <script> of the page carries the response's nonce, or the CSP would refuse it. */
async function expectScriptsCarry(response: APIResponse, nonce: string, what: string) {
  const scripts = (await response.text()).match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length, `${what}: scripts in the HTML`).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag, what).toContain(`nonce="${nonce}"`);
}

test("every kind of response carries the security headers; pages carry a fresh nonce on every script", async ({ page }) => {
  test.setTimeout(60_000);
  const get = (url: string) => page.request.get(url, { maxRedirects: 0 });

  // Signed out: the public pages, a page that redirects to sign-in, health.
  for (const [url, status] of [
    ["/login", 200],
    ["/invite/not-a-real-invitation-token-at-all", 200],
  ] as const) {
    const response = await get(url);
    expect(response.status(), url).toBe(status);
    await expectScriptsCarry(response, expectSecurityHeaders(response, url), url);
  }
  const redirect = await get(`/${ORG}/today`);
  expect(redirect.status()).toBe(307);
  expectSecurityHeaders(redirect, "redirect to /login");
  const health = await get("/api/health");
  expect(health.status()).toBe(200);
  expectSecurityHeaders(health, "/api/health");

  await signIn(page, ADMIN);
  const deals = await get(`/${ORG}/deals`);
  const dealId = /\/deals\/([0-9a-f-]{36})"/.exec(await deals.text())?.[1];
  expect(dealId, "a deal link on the deals page").toBeDefined();
  const nonces = new Set<string>();
  for (const path of ["today", "deals", `deals/${dealId}`, "pipeline", "dashboard", "settings", "import"]) {
    const url = `/${ORG}/${path}`;
    const response = await get(url);
    expect(response.status(), url).toBe(200);
    const nonce = expectSecurityHeaders(response, url);
    await expectScriptsCarry(response, nonce, url);
    nonces.add(nonce);
  }
  expect(nonces.size, "a new nonce per response").toBe(7);

  const notFound = await get(`/${ORG}/no-such-page`);
  expect(notFound.status()).toBe(404);
  await expectScriptsCarry(notFound, expectSecurityHeaders(notFound, "404 page"), "404 page");

  const download = await get(`/${ORG}/exports/deals?format=csv`);
  expect(download.status()).toBe(200);
  expect(download.headers()["content-disposition"]).toContain("attachment");
  expectSecurityHeaders(download, "export download");

  // Static files: no CSP needed, the static headers still apply.
  const chunk = /\/_next\/static\/[^"]+\.js/.exec(await (await get("/login")).text())![0];
  const staticFile = await get(chunk);
  expect(staticFile.status()).toBe(200);
  expect(staticFile.headers()["x-content-type-options"]).toBe("nosniff");
});

test("HSTS and upgrade-insecure-requests only when served over https (behind a TLS proxy)", async ({ request }) => {
  const response = await request.get("/login", { headers: { "X-Forwarded-Proto": "https" } });
  expect(response.headers()["strict-transport-security"]).toBe("max-age=31536000");
  expect(response.headers()["content-security-policy"]).toContain("upgrade-insecure-requests");
});

test("a malformed percent-encoded path is a 400, signed in or not; a malformed query is read leniently", async ({ page }) => {
  const urls = ["/%E0%A4%A", "/deals/%E0%A4%A", `/${ORG}/deals/%E0%A4%A`, "/%E0%A4%A?q=%E0", `/${ORG}/%ZZ`];
  const check = async () => {
    for (const url of urls) {
      const response = await page.request.get(url, { maxRedirects: 0 });
      expect(response.status(), url).toBe(400);
      expect(await response.text(), url).toContain("Bad request");
      expectSecurityHeaders(response, url);
    }
  };
  await check();
  // Next decodes a query's bad escape as Latin-1 before anything of ours sees it: a normal page.
  expect((await page.request.get("/login?q=%E0")).status()).toBe(200);
  await signIn(page, ADMIN);
  await check();
  expect((await page.request.get(`/${ORG}/deals?q=%E0`)).status()).toBe(200);
  expect((await page.request.get(`/${ORG}/deals?q=caf%C3%A9`)).status()).toBe(200);
});

test("no page of the app can be framed by another origin", async ({ page, baseURL }) => {
  // A page of another origin (another port) that frames the sign-in page, served from this machine:
  // Chrome refuses a public page's frame to a local address before the app could answer at all.
  const outside = http.createServer((_, res) => {
    res.setHeader("Content-Type", "text/html");
    res.end(`<h1>Elsewhere</h1><iframe src="${baseURL}/login" width="800" height="600"></iframe>`);
  });
  await new Promise<void>((resolve) => outside.listen(0, "127.0.0.1", resolve));
  try {
    const blocked: string[] = [];
    page.on("console", (message) => {
      if (message.text().includes("frame-ancestors")) blocked.push(message.text());
    });
    const framed = page.waitForResponse(`${baseURL}/login`);
    await page.goto(`http://127.0.0.1:${(outside.address() as AddressInfo).port}/`);
    await expect(page.getByRole("heading", { name: "Elsewhere" })).toBeVisible();
    // The app did answer the frame's request; the browser refused to show it.
    expect((await framed).status()).toBe(200);
    await expect.poll(() => blocked.length).toBeGreaterThan(0);
    expect(blocked[0]).toContain("frame-ancestors 'none'");
    const frame = page.frames().find((f) => f !== page.mainFrame())!;
    expect(frame.url()).not.toContain(baseURL!);
    await expect(page.frameLocator("iframe").getByRole("button", { name: "Sign in" })).toHaveCount(0);
  } finally {
    outside.close();
  }
});

/** Records CSP violations (reported by the page) and every console message and page error. */
async function watchPolicy(page: Page) {
  const problems: string[] = [];
  await page.exposeFunction("__reportCspViolation", (text: string) => problems.push(`CSP violation: ${text}`));
  // Init scripts are injected by the browser's debugging protocol, not subject to the page's CSP.
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      const report = (window as unknown as { __reportCspViolation: (text: string) => void }).__reportCspViolation;
      void report(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} (${e.sample})`);
    });
  });
  page.on("console", (message) => {
    // Until the public favicon.ico lands, Chrome's own request for it is a 404: not the app's doing.
    if (message.location().url.endsWith("/favicon.ico")) return;
    problems.push(`console ${message.type()}: ${message.text()} (${message.location().url})`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  return problems;
}

test("the main journeys work under the CSP with no violation and nothing on the console", async ({ page }) => {
  test.setTimeout(90_000);
  const problems = await watchPolicy(page);
  await signIn(page, ADMIN);

  await page.goto(`/${ORG}/today`);
  await expect(page.getByRole("heading", { level: 1, name: "Today" })).toBeVisible();
  // The theme script ran (it sets color-scheme on <html> before paint).
  await expect(page.locator("html")).toHaveAttribute("style", /color-scheme/);
  // A dialog: Radix's scroll lock inserts a <style> element, which must carry the nonce.
  await page
    .getByRole("button", { name: /^Complete:/ })
    .first()
    .click();
  const dialog = page.getByRole("dialog", { name: "Complete & plan next" });
  await expect(dialog).toBeVisible();
  await expect(page.locator("style[nonce]")).not.toHaveCount(0);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();

  // Client navigation between pages (chunks loaded by script, allowed through 'strict-dynamic').
  await page.getByRole("link", { name: "Deals" }).first().click();
  await expect(page).toHaveURL(new RegExp(`/${ORG}/deals`));
  await page.locator(`main a[href^="/${ORG}/deals/"]:not([href$="/new"])`).first().click();
  await expect(page).toHaveURL(new RegExp(`/${ORG}/deals/[0-9a-f-]{36}`));

  await page.goto(`/${ORG}/pipeline`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  await page.goto(`/${ORG}/dashboard`);
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  await expect(page.locator(".recharts-surface").first()).toBeVisible();
  await expect(page.locator(".recharts-rectangle").first()).toBeVisible();

  await page.goto(`/${ORG}/settings`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.goto(`/${ORG}/import`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  expect(problems).toEqual([]);

  // A not-found page renders its own tree under the same policy; the browser logs the 404 status.
  await page.goto(`/${ORG}/no-such-page`);
  await expect(page.getByRole("heading", { name: "We could not find that page" })).toBeVisible();
  expect(problems).toEqual([expect.stringMatching(/status of 404 .*no-such-page/)]);
});
