import { expect, type Locator, type Page, test } from "@playwright/test";

import { expectResultOnly, holdRefreshes, recordActionResponses } from "./support/action-responses";
import { withAppDb } from "./support/app-db";
import { signIn } from "./support/auth";
import { createDealThroughForm } from "./support/new-deal";

// Each test works in its own demo org, so the two workers never move the same cards. Where another
// spec changes the same org (Today completes and closes deals in Rendetalje and Tekup), the test
// creates its own deal and shows only its own person's deals, so no one else's change moves the
// figures it checks.

const column = (page: Page, name: string) =>
  page.getByTestId("board-column").filter({ has: page.getByRole("heading", { level: 2, name, exact: true }) });
const countOf = async (col: Locator) => Number((await col.getByTestId("column-count").innerText()).replace(/\D/g, ""));
/** "432.000 kr." → 432000: whole currency units are enough, the board shows no decimals. */
const amountOf = (text: string) => Number(text.replace(/\D/g, ""));
/** A column's total or weighted figure; "—" (an empty column) is 0. */
const figureOf = async (col: Locator, testId: "column-total" | "column-weighted") => amountOf(await col.getByTestId(testId).innerText());
const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;

/** A real pointer drag: dnd-kit's mouse sensor starts after 5 px, so move in steps. */
async function drag(page: Page, from: Locator, to: () => Locator) {
  const box = (await from.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 12, box.y + box.height / 2 + 12, { steps: 4 });
  const target = to();
  await expect(target).toBeVisible();
  const t = (await target.boundingBox())!;
  await page.mouse.move(t.x + t.width / 2, t.y + t.height / 2, { steps: 15 });
  await page.waitForTimeout(100); // let the collision settle on the target
  await page.mouse.up();
}

/** The board showing only one person's deals (the owner filter), for figures no one else's change moves. */
async function openBoardOf(page: Page, org: string, owner: string) {
  await page.goto(`/${org}/pipeline`);
  await page.getByLabel("Owner").selectOption({ label: owner });
  await expect(page).toHaveURL(new RegExp(`/${org}/pipeline\\?owner=[0-9a-f-]{36}$`));
  await expect(page.getByLabel("Owner")).not.toHaveAttribute("aria-busy");
}

test("a manager drags a deal to Lost and must give a reason", async ({ page }) => {
  test.slow(); // creates its own deal first
  await signIn(page, "jonas@rendetalje.demo");
  const title = `Window cleaning ${unique()}`;
  const dealId = await createDealThroughForm(page, "rendetalje", { title, stage: "Lead", value: "12000", currency: "DKK" });
  await openBoardOf(page, "rendetalje", "Jonas Nielsen");
  const lead = column(page, "Lead");
  const card = lead.locator(`[data-deal-id="${dealId}"]`);
  await expect(card).toBeVisible();
  const before = await countOf(lead);

  await drag(page, card, () => page.getByTestId("drop-lost"));
  const dialog = page.getByRole("dialog", { name: `Why was “${title}” lost?` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel("Reason")).toBeFocused();
  await dialog.getByRole("button", { name: "Close as Lost" }).click();
  await expect(dialog.getByText("Choose why the deal was lost")).toBeVisible();

  // Cancel puts the card back where it was.
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(card).toBeVisible();
  expect(await countOf(lead)).toBe(before);

  const responses = await recordActionResponses(page);
  await drag(page, card, () => page.getByTestId("drop-lost"));
  await expect(dialog).toBeVisible();
  await dialog.getByLabel("Reason").selectOption({ label: "Price too high" });
  await dialog.getByLabel("Note (optional)").fill("Went with a cheaper cleaner");
  await dialog.getByRole("button", { name: "Close as Lost" }).click();
  await expect(dialog).toBeHidden();
  await expectResultOnly(responses, [dealId, '"status":"lost"']);
  await expect(page.locator(`[data-deal-id="${dealId}"]`)).toHaveCount(0);
  await expect(page.getByText(`“${title}” closed as Lost.`)).toBeVisible();
  await expect.poll(() => countOf(lead)).toBe(before - 1);

  await page.reload();
  await expect(column(page, "Lead").getByTestId("column-count")).toBeVisible();
  await expect(page.locator(`[data-deal-id="${dealId}"]`)).toHaveCount(0);
  expect(await countOf(column(page, "Lead"))).toBe(before - 1);
  const [row] = await withAppDb(
    (sql) => sql<{ status: string; loss_note: string }[]>`select status, loss_note from deals where id = ${dealId}`,
  );
  expect(row).toEqual({ status: "lost", loss_note: "Went with a cheaper cleaner" });
});

test("dragging a deal between two open stages answers with the move only; the board updates both columns at once and the refresh agrees", async ({
  page,
}) => {
  test.slow(); // creates its own deal first
  const errors: string[] = [];
  page.on("pageerror", (err) => errors.push(err.message));
  await signIn(page, "lars@tekup.demo");
  const title = `Server room audit ${unique()}`;
  const dealId = await createDealThroughForm(page, "tekup", { title, stage: "Qualified", value: "40000", currency: "DKK" });
  await openBoardOf(page, "tekup", "Lars Kristensen");
  const from = column(page, "Qualified");
  const to = column(page, "Proposal");
  const card = from.locator(`[data-deal-id="${dealId}"]`);
  await expect(card).toBeVisible();
  const value = 40_000;
  const [fromCount, toCount] = [await countOf(from), await countOf(to)];
  const [fromTotal, fromWeighted] = [await figureOf(from, "column-total"), await figureOf(from, "column-weighted")];
  const [toTotal, toWeighted] = [await figureOf(to, "column-total"), await figureOf(to, "column-weighted")];
  const moved = async () => ({
    inTarget: await to.locator(`[data-deal-id="${dealId}"]`).count(),
    inSource: await from.locator(`[data-deal-id="${dealId}"]`).count(),
    fromCount: await countOf(from),
    toCount: await countOf(to),
    fromTotal: await figureOf(from, "column-total"),
    fromWeighted: await figureOf(from, "column-weighted"),
    toTotal: await figureOf(to, "column-total"),
    toWeighted: await figureOf(to, "column-weighted"),
  });
  // Qualified weighs 30 %, Proposal 50 %: the deal leaves 30 % of its value and brings half.
  const expected = {
    inTarget: 1,
    inSource: 0,
    fromCount: fromCount - 1,
    toCount: toCount + 1,
    fromTotal: fromTotal - value,
    fromWeighted: fromWeighted - value * 0.3,
    toTotal: toTotal + value,
    toWeighted: toWeighted + value / 2,
  };
  const untouched = { ...expected, inTarget: 0, inSource: 1, fromCount, toCount, fromTotal, fromWeighted, toTotal, toWeighted };

  // A move whose connection fails is rolled back, with the message.
  const onBoard = (url: URL) => url.pathname === "/tekup/pipeline";
  await page.route(onBoard, (route) => (route.request().method() === "POST" ? route.abort("connectionfailed") : route.fallback()));
  await drag(page, card, () => to.locator("ol"));
  await expect(page.getByText(`“${title}” was not moved: The connection failed.`)).toBeVisible();
  await expect.poll(moved).toEqual(untouched);
  await page.unroute(onBoard);

  const refreshes = await holdRefreshes(page, "/tekup/pipeline");
  const responses = await recordActionResponses(page);
  await drag(page, from.locator(`[data-deal-id="${dealId}"]`), () => to.locator("ol"));
  await expectResultOnly(responses, [dealId, '"status":"open"']);

  // All of this shows while the board's refresh is still held back: it came from the move itself.
  await expect.poll(moved).toEqual(expected);
  await expect.poll(() => refreshes.state.requested).toBe(1);
  await page.waitForTimeout(800); // the move is not undone when its transition would end
  expect(await moved()).toEqual(expected);
  expect(refreshes.state).toEqual({ requested: 1, released: false });
  await page.screenshot({ path: test.info().outputPath("board-after-drag.png"), fullPage: true });

  // The background refresh brings the server's board, which agrees.
  const refreshed = page.waitForResponse((r) => {
    const headers = r.request().headers();
    return (
      r.request().method() === "GET" &&
      new URL(r.url()).pathname === "/tekup/pipeline" &&
      headers["rsc"] !== undefined &&
      headers["next-router-prefetch"] === undefined
    );
  });
  refreshes.release();
  await refreshed;
  await expect.poll(moved).toEqual(expected);

  await page.reload();
  await expect(column(page, "Proposal").locator(`[data-deal-id="${dealId}"]`)).toBeVisible();
  expect(await moved()).toEqual(expected);
  expect(errors).toEqual([]);
});

test("the keyboard moves a card: Space picks it up, arrows move it, Space drops it; ArrowDown past the end reaches Won and Lost", async ({
  page,
}) => {
  await signIn(page, "mikkel@foodtruck.demo");
  await page.goto("/foodtruck-fiesta/pipeline");
  const lead = column(page, "Lead");
  const next = column(page, "Qualified");
  const card = lead.locator("[data-deal-id]").first();
  const dealId = (await card.getAttribute("data-deal-id"))!;
  const nextCount = await countOf(next);

  await card.focus();
  await page.keyboard.press("Space");
  await expect(page.getByTestId("drop-won")).toBeVisible();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Space");
  const moved = next.locator(`[data-deal-id="${dealId}"]`);
  await expect(moved).toBeVisible();
  await expect.poll(() => countOf(next)).toBe(nextCount + 1);
  await expect(page.getByTestId("drop-won")).toBeHidden();
  await expect(moved).toBeFocused(); // so the next move is one more Space away

  // From the last card of a column, ArrowDown goes to the bar; Right picks Lost; Space asks why.
  const proposal = column(page, "Proposal");
  const last = proposal.locator("[data-deal-id]").last();
  const lastId = (await last.getAttribute("data-deal-id"))!;
  const title = (await last.getByRole("heading", { level: 3 }).innerText()).trim();
  await last.focus();
  await page.keyboard.press("Space");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowRight");
  await expect(page.getByTestId("drop-lost")).toHaveClass(/border-solid/);
  await page.keyboard.press("Space");
  const dialog = page.getByRole("dialog", { name: `Why was “${title}” lost?` });
  await expect(dialog).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(proposal.locator(`[data-deal-id="${lastId}"]`)).toBeFocused();
});
