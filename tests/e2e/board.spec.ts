import { expect, test, type Locator, type Page } from "@playwright/test";
import { signIn } from "./support/auth";

// Each test works in its own demo org, so the two workers never move the same cards.

const column = (page: Page, name: string) => page.getByTestId("board-column").filter({ has: page.getByRole("heading", { level: 2, name, exact: true }) });
const countOf = async (col: Locator) => Number((await col.getByTestId("column-count").innerText()).replace(/\D/g, ""));
/** "432.000 kr." → 432000: whole currency units are enough, the board shows no decimals. */
const amountOf = (text: string) => Number(text.replace(/\D/g, ""));

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

test("a manager drags a deal to Lost and must give a reason", async ({ page }) => {
  await signIn(page, "jonas@rendetalje.demo");
  await page.goto("/rendetalje/pipeline");
  const lead = column(page, "Lead");
  const card = lead.locator("[data-deal-id]").first();
  const dealId = await card.getAttribute("data-deal-id");
  const title = (await card.getByRole("heading", { level: 3 }).innerText()).trim();
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
  await expect(lead.locator(`[data-deal-id="${dealId}"]`)).toBeVisible();
  expect(await countOf(lead)).toBe(before);

  await drag(page, lead.locator(`[data-deal-id="${dealId}"]`), () => page.getByTestId("drop-lost"));
  await expect(dialog).toBeVisible();
  await dialog.getByLabel("Reason").selectOption({ label: "Price too high" });
  await dialog.getByLabel("Note (optional)").fill("Went with a cheaper cleaner");
  await dialog.getByRole("button", { name: "Close as Lost" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator(`[data-deal-id="${dealId}"]`)).toHaveCount(0);
  await expect(page.getByText(`“${title}” closed as Lost.`)).toBeVisible();
  await expect.poll(() => countOf(lead)).toBe(before - 1);

  await page.reload();
  await expect(column(page, "Lead").getByTestId("column-count")).toBeVisible();
  await expect(page.locator(`[data-deal-id="${dealId}"]`)).toHaveCount(0);
});

test("dragging a deal between two open stages moves it and updates both columns' totals", async ({ page }) => {
  await signIn(page, "lars@tekup.demo");
  await page.goto("/tekup/pipeline");
  const from = column(page, "Qualified");
  const to = column(page, "Proposal");
  const card = from.locator("[data-deal-id]").first();
  const dealId = (await card.getAttribute("data-deal-id"))!;
  const value = amountOf(await card.locator("p span").last().innerText());
  const [fromCount, toCount] = [await countOf(from), await countOf(to)];
  const fromTotal = amountOf(await from.getByTestId("column-total").innerText());
  const toTotal = amountOf(await to.getByTestId("column-total").innerText());
  const toWeighted = amountOf(await to.getByTestId("column-weighted").innerText());

  await drag(page, card, () => to.locator("ol"));
  await expect(to.locator(`[data-deal-id="${dealId}"]`)).toBeVisible();
  await expect(from.locator(`[data-deal-id="${dealId}"]`)).toHaveCount(0);
  await expect.poll(() => countOf(to)).toBe(toCount + 1);
  expect(await countOf(from)).toBe(fromCount - 1);
  await expect.poll(async () => amountOf(await to.getByTestId("column-total").innerText())).toBe(toTotal + value);
  expect(amountOf(await from.getByTestId("column-total").innerText())).toBe(fromTotal - value);
  // Proposal weighs 50 %: the deal now counts half its value there.
  expect(amountOf(await to.getByTestId("column-weighted").innerText())).toBe(toWeighted + Math.floor(value / 2));

  await page.reload();
  await expect(column(page, "Proposal").locator(`[data-deal-id="${dealId}"]`)).toBeVisible();
  expect(amountOf(await column(page, "Proposal").getByTestId("column-total").innerText())).toBe(toTotal + value);
});

test("the keyboard moves a card: Space picks it up, arrows move it, Space drops it; ArrowDown past the end reaches Won and Lost", async ({ page }) => {
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
