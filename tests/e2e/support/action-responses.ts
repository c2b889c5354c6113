import { expect, type Page, test } from "@playwright/test";

export type ActionResponse = { status: number; bytes: number; text: string };

/**
 * Records the response of every server-action POST (the requests carrying the `Next-Action`
 * header), read in full as it passes through. Our actions do not revalidate, so a response holds
 * the action's result only — a few hundred bytes — not the current page re-rendered (tens of KB).
 */
export async function recordActionResponses(page: Page): Promise<ActionResponse[]> {
  const seen: ActionResponse[] = [];
  await page.route("**/*", async (route) => {
    const request = route.request();
    if (request.method() !== "POST" || request.headers()["next-action"] === undefined) return route.fallback();
    const response = await route.fetch();
    const body = await response.body();
    seen.push({ status: response.status(), bytes: body.length, text: body.toString("utf8") });
    await route.fulfill({ response, body });
  });
  return seen;
}

/** Exactly one action answered, successfully, with its result only (no page in it). */
export async function expectResultOnly(responses: ActionResponse[], mustContain: string[]) {
  await expect.poll(() => responses.length).toBe(1);
  const [{ status, bytes, text }] = responses as [ActionResponse];
  test.info().annotations.push({ type: "action response", description: `${bytes} bytes` });
  expect(status).toBe(200);
  // No page in it: small, and no server-rendered elements (a re-rendered page has hundreds of "className"s).
  expect(bytes, "the action's response size in bytes").toBeLessThan(4 * 1024);
  expect(text).not.toContain('"className"');
  expect(text).toContain('"ok":true');
  for (const part of mustContain) expect(text).toContain(part);
}

/**
 * Holds back the page's background refresh (the RSC GET of the current URL) until released, so a
 * test can see what the page shows from the action's result alone.
 */
export async function holdRefreshes(page: Page, pathname: string) {
  const state = { requested: 0, released: false };
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  await page.route(
    (url) => url.pathname === pathname,
    async (route) => {
      const request = route.request();
      const headers = request.headers();
      // The refresh, not prefetches of links to this path (the navigation prefetches again after one).
      if (request.method() === "GET" && headers["rsc"] !== undefined && headers["next-router-prefetch"] === undefined) {
        state.requested++;
        await gate;
      }
      await route.fallback();
    },
  );
  return {
    state,
    release: () => {
      state.released = true;
      release();
    },
  };
}
