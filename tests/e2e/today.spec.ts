import { expect, type Page, test } from "@playwright/test";

import { expectResultOnly, holdRefreshes, recordActionResponses } from "./support/action-responses";
import { withAppDb } from "./support/app-db";

async function signIn(page: Page, email: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("momentum-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/login/);
  // Let the post-sign-in navigation finish, so the next goto does not abort it.
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
}

/** Presses Tab until the focused element matches, as a keyboard user would. */
async function tabUntil(page: Page, matches: () => Promise<boolean>, max = 60) {
  for (let i = 0; i < max; i++) {
    if (await matches()) return;
    await page.keyboard.press("Tab");
  }
  throw new Error("never reached the element with Tab");
}

const rowsOf = (page: Page, section: string) => page.getByRole("region", { name: section }).getByRole("listitem");

/** The summary's three counts, as shown. */
async function summaryCounts(page: Page) {
  const summary = page.getByRole("navigation", { name: "Queue summary" });
  const count = async (bucket: string) => Number(await summary.locator(`a[href="#${bucket}"] span`).first().textContent());
  return { overdue: await count("overdue"), today: await count("today"), upcoming: await count("upcoming") };
}

test("a rep completes an overdue action and plans the next one with the keyboard only", async ({ page }) => {
  await signIn(page, "sofie@rendetalje.demo");
  await page.goto("/rendetalje/today");
  await expect(page.getByRole("heading", { level: 1, name: "Today" })).toBeVisible();
  await expect(page.getByLabel("Show")).toHaveCount(0); // reps never see the rep filter

  const overdue = page.getByRole("region", { name: "Overdue" });
  const firstRow = rowsOf(page, "Overdue").first();
  await expect(firstRow).toBeVisible();
  const dealLink = firstRow.locator("[data-queue-row-link]");
  const title = (await dealLink.textContent())!.trim();
  const overdueBefore = await rowsOf(page, "Overdue").count();

  // Tab to the overdue row's deal link and press C.
  await tabUntil(page, () => dealLink.evaluate((el) => el === document.activeElement));
  await page.keyboard.press("c");
  const dialog = page.getByRole("dialog", { name: "Complete & plan next" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel("What happened?")).toBeFocused();
  await page.keyboard.type("Spoke to the customer, they want a revised proposal");

  // Tab on to the due presets, pick "In 3 days" with its shortcut, then Tab on to the details.
  const laterToday = dialog.getByRole("button", { name: /Later today/ });
  await tabUntil(page, () => laterToday.evaluate((el) => el === document.activeElement), 10);
  await page.keyboard.press("3");
  await expect(dialog.getByRole("button", { name: /In 3 days/ })).toHaveAttribute("aria-pressed", "true");
  const details = dialog.getByLabel("Details");
  await tabUntil(page, () => details.evaluate((el) => el === document.activeElement), 10);
  await page.keyboard.type("Send the revised proposal");
  await page.keyboard.press("Enter");

  await expect(dialog).toBeHidden();
  await expect(page.getByText(/^Done\. Next: call /)).toBeVisible();
  await expect(overdue.getByText(title, { exact: true })).toHaveCount(0);
  await expect(rowsOf(page, "Overdue")).toHaveCount(Math.max(0, overdueBefore - 1));
  // The planned step is now in the next 7 days.
  const upcoming = page.getByRole("region", { name: "Next 7 days" });
  await expect(upcoming.getByRole("listitem").filter({ hasText: "Send the revised proposal" }).filter({ hasText: title })).toHaveCount(1);
});

test("the dialog explains what is missing instead of saving", async ({ page }) => {
  await signIn(page, "sofie@rendetalje.demo");
  await page.goto("/rendetalje/today");
  await page
    .getByRole("button", { name: /^Complete:/ })
    .last()
    .click();
  const dialog = page.getByRole("dialog", { name: "Complete & plan next" });
  await dialog.getByRole("button", { name: "Complete & plan next" }).click();
  await expect(dialog.getByText("Write down what happened")).toBeVisible();
  await expect(dialog.getByLabel("What happened?")).toBeFocused();
  await dialog.getByLabel("What happened?").fill("No answer");
  await dialog.getByText("Close as lost").click();
  await dialog.getByRole("button", { name: "Complete & close as lost" }).click();
  await expect(dialog.getByText("Choose a loss reason")).toBeVisible();
  await expect(dialog.getByLabel("Loss reason")).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
});

test("a rep snoozes an action with a reason", async ({ page }) => {
  await signIn(page, "emil@rendetalje.demo");
  await page.goto("/rendetalje/today");
  const responses = await recordActionResponses(page);
  const row = page.getByRole("region", { name: "Next 7 days" }).getByRole("listitem").first();
  const title = (await row.locator("[data-queue-row-link]").textContent())!.trim();
  const actionId = await row.getAttribute("data-action-id");
  await row.getByRole("button", { name: /^Snooze:/ }).click();

  const dialog = page.getByRole("dialog", { name: "Snooze" });
  await expect(dialog.getByLabel("Reason")).toBeFocused();
  await dialog.getByRole("button", { name: "Snooze" }).click();
  await expect(dialog.getByText("Say why it moves")).toBeVisible();

  await dialog.getByRole("button", { name: /Custom/ }).click();
  const custom = dialog.getByLabel(/Custom due time/);
  // A wall time in the org's zone (Copenhagen), two days from now at 14:30.
  const target = new Date(Date.now() + 2 * 86_400_000);
  const day = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Copenhagen", year: "numeric", month: "2-digit", day: "2-digit" }).format(
    target,
  );
  await custom.fill(`${day}T14:30`);
  await dialog.getByLabel("Reason").fill("Customer is travelling");
  await page.keyboard.press("Enter");

  await expectResultOnly(responses, [actionId!]);
  await expect(dialog).toBeHidden();
  await expect(page.getByText(/^Snoozed to /)).toBeVisible();
  const moved = page.locator(`li[data-action-id="${actionId}"]`);
  await expect(moved).toContainText(title);
  await expect(moved.locator("time")).toHaveText(/14[.:]30/);
});

test("a manager sees the team and filters by rep", async ({ page }) => {
  await signIn(page, "jonas@rendetalje.demo");
  await page.goto("/rendetalje/today");
  await expect(page.getByText(/everyone's next actions/)).toBeVisible();
  const filter = page.getByLabel("Show");
  await expect(filter).toHaveValue("");
  // Everyone's rows name their owner; count Ida's (nobody else's test touches her actions).
  const idaRows = await page.getByRole("listitem").filter({ hasText: "Ida Pedersen" }).count();
  expect(idaRows).toBeGreaterThan(0);

  await filter.selectOption({ label: "Ida Pedersen" });
  await expect(page).toHaveURL(/\/rendetalje\/today\?rep=[0-9a-f-]{36}$/);
  await expect(page.getByText(/Ida Pedersen's next actions/)).toBeVisible();
  await expect(page.locator("li[data-action-id]")).toHaveCount(idaRows);

  await page.getByLabel("Show").selectOption({ label: "Everyone" });
  await expect(page).toHaveURL(/\/rendetalje\/today$/);
  await expect(page.getByText(/everyone's next actions/)).toBeVisible();
});

test("two people complete the same action: one wins, the other is told who and sees the fresh queue", async ({ browser }) => {
  const rep = await (await browser.newContext()).newPage();
  const manager = await (await browser.newContext()).newPage();
  await signIn(rep, "ida@rendetalje.demo");
  await signIn(manager, "jonas@rendetalje.demo");
  await rep.goto("/rendetalje/today");
  const row = rep.locator("li[data-action-id]").first();
  const actionId = await row.getAttribute("data-action-id");
  await manager.goto("/rendetalje/today");

  const open = async (page: Page, outcome: string) => {
    await page
      .locator(`li[data-action-id="${actionId}"]`)
      .getByRole("button", { name: /^Complete:/ })
      .click();
    const dialog = page.getByRole("dialog", { name: "Complete & plan next" });
    await dialog.getByLabel("What happened?").fill(outcome);
    await dialog.getByLabel("Details").fill(`Follow-up by ${outcome}`);
    return dialog;
  };
  const repDialog = await open(rep, "Ida");
  const managerDialog = await open(manager, "Jonas");

  await managerDialog.getByRole("button", { name: "Complete & plan next" }).click();
  await expect(managerDialog).toBeHidden();
  await repDialog.getByRole("button", { name: "Complete & plan next" }).click();
  await expect(repDialog.getByRole("alert")).toContainText(/Already completed by Jonas Nielsen at \d{2}[.:]\d{2}/);
  await expect(repDialog.getByRole("button", { name: "Close", exact: true }).last()).toBeFocused();
  // Behind the dialog the queue is already fresh: the completed action is gone.
  await expect(rep.locator(`li[data-action-id="${actionId}"]`)).toHaveCount(0);
  await repDialog.getByRole("button", { name: "Close", exact: true }).last().click();
  await expect(repDialog).toBeHidden();
});

test("completing answers with its result only; the queue updates from it at once, keeps focus in place, and reconciles in the background", async ({
  page,
}) => {
  // Tekup's reps: no other spec works on their queues.
  const errors: string[] = [];
  page.on("pageerror", (err) => errors.push(err.message));
  page.on("console", (msg) => void (msg.type() === "error" && errors.push(msg.text())));
  await signIn(page, "freja@tekup.demo");
  await page.goto("/tekup/today");
  const rows = page.locator("li[data-action-id]");
  await expect(rows.first()).toBeVisible();
  const first = rows.first();
  const actionId = (await first.getAttribute("data-action-id"))!;
  const title = (await first.locator("[data-queue-row-link]").textContent())!.trim();
  const bucket = (await first.evaluate((el) => el.closest("section")!.id)) as "overdue" | "today" | "upcoming";
  const before = await summaryCounts(page);
  const refreshes = await holdRefreshes(page, "/tekup/today");
  const responses = await recordActionResponses(page);

  // Keyboard: C on the first row, then plan a call in 3 days.
  await first.locator("[data-queue-row-link]").focus();
  await page.keyboard.press("c");
  const dialog = page.getByRole("dialog", { name: "Complete & plan next" });
  await expect(dialog.getByLabel("What happened?")).toBeFocused();
  await page.keyboard.type("Agreed on a pilot");
  await dialog.getByRole("button", { name: /In 3 days/ }).click();
  const details = `Send the pilot plan ${Date.now().toString(36)}`;
  await dialog.getByLabel("Details").fill(details);
  await dialog.getByLabel("Details").press("Enter");
  await expectResultOnly(responses, [actionId, details, '"nextActionId":"']);

  // Everything below shows while the server's refresh is still held back: it came from the result.
  await expect(dialog).toBeHidden();
  await expect(page.locator(`li[data-action-id="${actionId}"]`)).toHaveCount(0);
  const planned = rowsOf(page, "Next 7 days").filter({ hasText: details });
  await expect(planned).toHaveCount(1);
  await expect(planned).toContainText(title);
  await expect(planned.locator("time")).toHaveText(/\d{4}.*\d{2}[.:]\d{2}/); // date and time: not today
  const expected = { ...before, [bucket]: before[bucket] - 1 };
  expected.upcoming += 1;
  expect(await summaryCounts(page)).toEqual(expected);
  // Focus stays where the keyboard user was: on the row now first in the queue.
  await expect(page.locator("[data-queue-row-link]").first()).toBeFocused();
  // The update holds while the refresh is pending (it is not undone when the action's transition ends).
  await page.waitForTimeout(800);
  await expect(page.locator(`li[data-action-id="${actionId}"]`)).toHaveCount(0);
  expect(refreshes.state).toEqual({ requested: 1, released: false });

  // The background refresh brings the server's queue, which agrees.
  const refreshed = page.waitForResponse((r) => r.request().method() === "GET" && r.request().headers()["rsc"] !== undefined);
  refreshes.release();
  await refreshed;
  await expect(planned).toHaveCount(1);
  await expect(page.locator(`li[data-action-id="${actionId}"]`)).toHaveCount(0);
  await expect.poll(() => summaryCounts(page)).toEqual(expected);
  const [server] = await withAppDb(
    (sql) => sql<{ n: number }[]>`select count(*)::int as n from actions where id = ${actionId} and completed_at is not null`,
  );
  expect(server!.n).toBe(1);
  await expect(page.locator("[data-queue-row-link]").first()).toBeFocused();
  await page.screenshot({ path: test.info().outputPath("today-after-complete.png"), fullPage: true });
  expect(errors).toEqual([]);
});

test("closing a deal as won from the queue removes its row and lowers the count; nothing new is planned", async ({ page }) => {
  await signIn(page, "oliver@tekup.demo");
  await page.goto("/tekup/today");
  const first = page.locator("li[data-action-id]").first();
  await expect(first).toBeVisible();
  const actionId = (await first.getAttribute("data-action-id"))!;
  const bucket = (await first.evaluate((el) => el.closest("section")!.id)) as "overdue" | "today" | "upcoming";
  const before = await summaryCounts(page);
  const rowsBefore = await page.locator("li[data-action-id]").count();
  const refreshes = await holdRefreshes(page, "/tekup/today");
  const responses = await recordActionResponses(page);

  await first.getByRole("button", { name: /^Complete:/ }).click();
  const dialog = page.getByRole("dialog", { name: "Complete & plan next" });
  await dialog.getByLabel("What happened?").fill("Signed the contract");
  await dialog.getByText("Close as won").click();
  await dialog.getByRole("button", { name: "Complete & close as won" }).click();
  await expectResultOnly(responses, ['"status":"won"']);

  await expect(dialog).toBeHidden();
  await expect(page.getByText("Done. The deal is won.")).toBeVisible();
  await expect(page.locator(`li[data-action-id="${actionId}"]`)).toHaveCount(0);
  await expect(page.locator("li[data-action-id]")).toHaveCount(rowsBefore - 1);
  expect(await summaryCounts(page)).toEqual({ ...before, [bucket]: before[bucket] - 1 });
  expect(refreshes.state.released).toBe(false);
  refreshes.release();
  await expect.poll(() => summaryCounts(page)).toEqual({ ...before, [bucket]: before[bucket] - 1 });
});

test("on the deal page, completing answers with its result only and the page refreshes to the new next step and timeline", async ({
  page,
}) => {
  const [deal] = await withAppDb(
    (sql) => sql<{ id: string; title: string }[]>`
      select d.id, d.title from deals d join organizations o on o.id = d.org_id join users u on u.id = d.owner_id
       where o.slug = 'tekup' and u.email = 'clara@tekup.demo' and d.status = 'open' and d.deleted_at is null
       order by d.id limit 1`,
  );
  await signIn(page, "clara@tekup.demo");
  await page.goto(`/tekup/deals/${deal!.id}`);
  const responses = await recordActionResponses(page);
  const panel = page.getByRole("region", { name: "Next step" });
  await panel.getByRole("button", { name: "Complete & plan next" }).click();
  const dialog = page.getByRole("dialog", { name: "Complete & plan next" });
  const outcome = `Walked them through the demo ${Date.now().toString(36)}`;
  const details = `Book the workshop ${Date.now().toString(36)}`;
  await dialog.getByLabel("What happened?").fill(outcome);
  await dialog.getByRole("button", { name: /Tomorrow/ }).click();
  await dialog.getByLabel("Details").fill(details);
  await dialog.getByRole("button", { name: "Complete & plan next" }).click();
  await expectResultOnly(responses, [details]);

  await expect(dialog).toBeHidden();
  await expect(panel).toContainText(details);
  await expect(page.getByText(outcome)).toBeVisible(); // on the timeline
});

test("two completions before the server's refresh comes back both show at once, and the refreshed queue agrees", async ({ page }) => {
  await signIn(page, "clara@tekup.demo");
  await page.goto("/tekup/today");
  const rows = page.locator("li[data-action-id]");
  await expect(rows.nth(1)).toBeVisible();
  const [a, b] = [(await rows.nth(0).getAttribute("data-action-id"))!, (await rows.nth(1).getAttribute("data-action-id"))!];
  const before = await summaryCounts(page);
  const total = (c: typeof before) => c.overdue + c.today + c.upcoming;
  const refreshes = await holdRefreshes(page, "/tekup/today");
  const dialog = page.getByRole("dialog", { name: "Complete & plan next" });

  // First: close as won (the row goes, nothing is planned).
  await page
    .locator(`li[data-action-id="${a}"]`)
    .getByRole("button", { name: /^Complete:/ })
    .click();
  await dialog.getByLabel("What happened?").fill("Signed");
  await dialog.getByText("Close as won").click();
  await dialog.getByRole("button", { name: "Complete & close as won" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator(`li[data-action-id="${a}"]`)).toHaveCount(0);

  // Second, while the first refresh is still held back: plan the next step in 3 days.
  const details = `Second in a row ${Date.now().toString(36)}`;
  await page
    .locator(`li[data-action-id="${b}"]`)
    .getByRole("button", { name: /^Complete:/ })
    .click();
  await dialog.getByLabel("What happened?").fill("Talked it through");
  await dialog.getByRole("button", { name: /In 3 days/ }).click();
  await dialog.getByLabel("Details").fill(details);
  await dialog.getByRole("button", { name: "Complete & plan next" }).click();
  await expect(dialog).toBeHidden();

  const shown = async () => ({
    a: await page.locator(`li[data-action-id="${a}"]`).count(),
    b: await page.locator(`li[data-action-id="${b}"]`).count(),
    planned: await rowsOf(page, "Next 7 days").filter({ hasText: details }).count(),
    total: total(await summaryCounts(page)),
  });
  const expected = { a: 0, b: 0, planned: 1, total: total(before) - 1 };
  await expect.poll(shown).toEqual(expected);
  expect(refreshes.state.released).toBe(false);

  refreshes.release();
  await page.waitForLoadState("networkidle");
  await expect.poll(shown).toEqual(expected);
});
