import { expect, type Locator, type Page, test } from "@playwright/test";

import { signIn } from "./support/auth";

/**
 * The what-if simulator in real Chromium. Everything here is read-only: the figures come from the
 * demo's history at page load and the levers only recompute in the browser, so other specs moving
 * deals meanwhile cannot change what one page shows.
 */
const ORG = "rendetalje";

/** "1.234.567 kr." → 1234567 (whole kroner: the page shows no decimals). */
const kroner = (text: string) => Number(text.replace(/\D/g, ""));

async function horizon(page: Page, months: 3 | 6 | 12) {
  const card = page.getByTestId(`horizon-${months}`);
  const [value, delta, parts] = await Promise.all([
    card.getByTestId("horizon-value").innerText(),
    card.getByTestId("horizon-delta").innerText(),
    card.getByTestId("horizon-parts").innerText(),
  ]);
  const [open, fresh] = parts.split("·").map(kroner) as [number, number];
  return { value: kroner(value), delta, open, fresh };
}

async function openSimulator(page: Page, email: string) {
  await signIn(page, email);
  await page.goto(`/${ORG}/dashboard/what-if`);
  await expect(page.getByRole("heading", { level: 1, name: "What-if simulator" })).toBeVisible();
}

const basket = (page: Page): Locator => page.getByRole("slider", { name: "Average basket" });

test("a manager raises the basket by 20 % with the keyboard, sees the projection change, and resets", async ({ page }) => {
  await openSimulator(page, "jonas@rendetalje.demo");
  await expect(page.getByTestId("what-if-baseline")).toContainText("Every deal in the organization");
  const before = { 3: await horizon(page, 3), 12: await horizon(page, 12) };
  expect(before[12].value).toBeGreaterThan(0);
  expect(before[3].delta).toContain("no change");

  const slider = basket(page);
  await slider.focus();
  for (let i = 0; i < 20; i++) await page.keyboard.press("ArrowRight");
  await expect(slider).toHaveValue("20");
  await expect(slider).toHaveAttribute("aria-valuetext", /^\+20\s?%/);

  // A bigger basket scales the new deals only; open deals keep their quoted value.
  await expect(page.getByTestId("horizon-12").getByTestId("horizon-delta")).toContainText(/^\+/);
  for (const months of [3, 12] as const) {
    const after = await horizon(page, months);
    expect(after.open).toBe(before[months].open);
    expect(Math.abs(after.fresh - before[months].fresh * 1.2)).toBeLessThanOrEqual(2);
    // Each figure is rounded to whole kroner on its own, so the parts may be 1 kr. off their total.
    expect(Math.abs(after.value - (after.open + after.fresh))).toBeLessThanOrEqual(1);
    if (before[months].fresh > 0) expect(after.value).toBeGreaterThan(before[months].value);
  }
  await expect(page.getByRole("status").filter({ hasText: "Next 3 months" })).toContainText("against the baseline");

  // Reset from the keyboard: the levers and the figures go back, and focus stays on the button.
  const reset = page.getByRole("button", { name: "Reset" });
  await reset.focus();
  await page.keyboard.press("Enter");
  await expect(slider).toHaveValue("0");
  await expect(slider).toHaveAttribute("aria-valuetext", /^no change/);
  await expect(reset).toBeFocused();
  await expect(reset).toHaveAttribute("aria-disabled", "true");
  expect(await horizon(page, 12)).toEqual(before[12]);
  expect(await horizon(page, 3)).toEqual(before[3]);
});

test("a shorter cycle and a better stage move revenue in the 3-month figure; a rep's baseline is their own deals", async ({ page }) => {
  await openSimulator(page, "sofie@rendetalje.demo");
  await expect(page.getByTestId("what-if-baseline")).toContainText("Your own deals");
  const before = await horizon(page, 3);

  const cycle = page.getByRole("slider", { name: "Sales cycle" });
  await cycle.focus();
  await page.keyboard.press("Home"); // −50 %
  await expect(cycle).toHaveAttribute("aria-valuetext", /^−50\s?%/);
  const shorter = await horizon(page, 3);
  expect(shorter.value).toBeGreaterThanOrEqual(before.value);
  const shorter12 = await horizon(page, 12);

  // Every open stage has its own lever; pushing the last one to 100 % can only raise the projection.
  const stages = page.getByRole("group", { name: "Win rate per stage" }).getByRole("slider");
  await expect(stages).toHaveCount(4);
  await stages.last().focus();
  await page.keyboard.press("End");
  await expect(stages.last()).toHaveValue("100");
  expect((await horizon(page, 3)).value).toBeGreaterThanOrEqual(shorter.value);
  expect((await horizon(page, 12)).value).toBeGreaterThanOrEqual(shorter12.value);
});
