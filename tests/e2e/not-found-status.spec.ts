import { expect, test } from "@playwright/test";

import { withAppDb } from "./support/app-db";
import { signIn } from "./support/auth";

// Mette belongs to Rendetalje, Tekup and Foodtruck Fiesta, not to Atelier Lumière.
const USER = "mette@momentum.demo";
const ORG = "rendetalje";
const OTHER_ORG = "atelier-lumiere";
const MISSING = "00000000-0000-4000-8000-000000000000";

async function dealIdOf(slug: string): Promise<string> {
  return withAppDb(async (sql) => {
    const [row] = await sql<{ id: string }[]>`
      select d.id from deals d join organizations o on o.id = d.org_id
      where o.slug = ${slug} and d.deleted_at is null order by d.created_at limit 1`;
    return row!.id;
  });
}

// The status is what crawlers, monitors and API clients read: a not-found drawn into a page that
// already streamed with 200 is not a 404 (see src/server/page-records.ts).
test("a record that is not found answers HTTP 404, not 200", async ({ page }) => {
  await signIn(page, USER);
  const status = async (path: string) => {
    const res = await page.request.get(path, { maxRedirects: 0 });
    return { status: res.status(), body: await res.text() };
  };

  const own = await status(`/${ORG}/deals/${await dealIdOf(ORG)}`);
  expect(own.status).toBe(200);

  for (const path of [`/${ORG}/deals/${MISSING}`, `/${ORG}/deals/${await dealIdOf(OTHER_ORG)}`, `/${ORG}/deals/not-a-uuid`]) {
    const res = await status(path);
    expect(res.status, path).toBe(404);
    expect(res.body, path).toContain('<meta name="robots" content="noindex"/>');
  }

  for (const path of [
    `/${OTHER_ORG}/today`,
    `/${OTHER_ORG}/deals`,
    `/${OTHER_ORG}/deals/${await dealIdOf(OTHER_ORG)}`,
    "/no-such-org/deals",
  ]) {
    expect((await status(path)).status, path).toBe(404);
  }
});

test("a missing deal reached by navigation shows the not-found page inside the shell", async ({ page }) => {
  await signIn(page, USER);
  await page.goto(`/${ORG}/deals/${MISSING}`);
  await expect(page.getByRole("heading", { name: "Deal not found" })).toBeVisible();
  await page.getByRole("link", { name: "Back to deals" }).click();
  await expect(page).toHaveURL(new RegExp(`/${ORG}/deals$`));
  await expect(page.getByTestId("user-menu")).toBeVisible();
});
