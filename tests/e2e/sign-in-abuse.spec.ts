import crypto from "node:crypto";
import http from "node:http";

import { expect, test } from "@playwright/test";

// Through the production server Playwright started (scripts/serve.mts, TRUSTED_PROXIES unset = 0).
// Each test connects from an address of its own in 127/8 (the server listens on 127.0.0.1, and
// Linux answers the whole loopback range), so the budget it spends is not the one the other specs
// sign in under.
const port = Number(process.env.E2E_PORT ?? 3107);
const FAILURES_PER_ADDRESS = 30; // src/server/data/sign-in-throttle.ts SIGN_IN_LIMITS

function ownAddress(): string {
  const b = crypto.randomBytes(2);
  return `127.0.${b[0]}.${Math.max(2, b[1]!)}`;
}

type Reply = { status: number; headers: http.IncomingHttpHeaders; body: string };

function send(localAddress: string, method: string, path: string, headers: Record<string, string>, body?: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, localAddress, method, path, headers }, (res) => {
      let text = "";
      res.on("data", (c: Buffer) => (text += c.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

/** One wrong sign-in through next-auth's credentials endpoint; the refusal's code from the redirect. */
async function wrongSignIn(from: string, extraHeaders: Record<string, string>): Promise<string> {
  const csrf = await send(from, "GET", "/api/auth/csrf", {});
  const cookie = (csrf.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]).join("; ");
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const form = new URLSearchParams({ email: `ghost-${crypto.randomUUID()}@example.test`, password: "guess", csrfToken });
  const res = await send(
    from,
    "POST",
    "/api/auth/callback/credentials",
    { "content-type": "application/x-www-form-urlencoded", cookie, ...extraHeaders },
    form.toString(),
  );
  const location = new URL(String(res.headers.location), `http://127.0.0.1:${port}`);
  return location.searchParams.get("code") ?? `HTTP ${res.status}`;
}

test.describe("sign-in abuse through the production server", () => {
  test("a client that rotates X-Forwarded-For (and forges the worker's peer header) is still one address", async () => {
    test.setTimeout(120_000);
    const from = ownAddress();
    const codes: string[] = [];
    for (let i = 0; i < FAILURES_PER_ADDRESS + 3; i++) {
      codes.push(await wrongSignIn(from, { "x-forwarded-for": `203.0.113.${i}`, "x-momentum-peer-address": `198.51.100.${i}` }));
    }
    expect(codes.slice(0, FAILURES_PER_ADDRESS)).toEqual(Array(FAILURES_PER_ADDRESS).fill("credentials"));
    expect(codes.slice(FAILURES_PER_ADDRESS).every((c) => /^rate_limited:\d+$/.test(c))).toBe(true);
    // Another client is not affected: it has a budget of its own.
    expect(await wrongSignIn(ownAddress(), {})).toBe("credentials");
  });

  test("the sign-in form says how long to wait once an account is slowed down", async ({ page }) => {
    test.setTimeout(120_000);
    const email = `ghost-${crypto.randomUUID()}@example.test`;
    const tooMany = page.getByRole("alert").filter({ hasText: /Too many attempts\. Try again in \d+ seconds?\./ });
    await page.goto("/login");
    await page.getByLabel("Email").fill(email);
    // Three failures are free, then each wait doubles (1 s, 2 s, 4 s…): on a slow machine a retry
    // may come after a short wait is over, but not after all of them.
    for (let attempt = 1; attempt <= 8 && !(await tooMany.isVisible()); attempt++) {
      await page.getByLabel("Password").fill(`wrong-${attempt}`);
      await page.getByRole("button", { name: "Sign in" }).click();
      // Wait for the answer (the button is busy until then), or the next fill races it.
      await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
      await expect(page.getByRole("alert").filter({ hasText: /Wrong email or password\.|Too many attempts/ })).toBeVisible();
      if (attempt <= 3) await expect(tooMany).toHaveCount(0);
    }
    await expect(tooMany).toBeVisible();
    // The password may be right: it stays for the retry once the wait is over.
    await expect(page.getByLabel("Password")).not.toHaveValue("");
  });
});
