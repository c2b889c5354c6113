import { expect, type Page } from "@playwright/test";

export type NewDeal = { title: string; contactName?: string; value: string; currency: string; stage?: string };

/**
 * Creates a deal through the new-deal form, owned by the signed-in person, and returns its id.
 * Specs that change a deal make their own this way: a demo deal may be changed, or deleted by an
 * import's revert, by a spec running on the other worker.
 */
export async function createDealThroughForm(page: Page, org: string, deal: NewDeal): Promise<string> {
  await page.goto(`/${org}/deals/new`);
  await page.getByLabel("Title").fill(deal.title);
  await page.getByLabel("Contact").fill(deal.contactName ?? "Board test contact");
  await page.getByLabel(`Value (${deal.currency})`).fill(deal.value);
  if (deal.stage) {
    const stage = page.getByLabel("Stage");
    await stage.selectOption(
      (await stage
        .locator("option")
        .filter({ hasText: new RegExp(`^${deal.stage} \\(`) })
        .getAttribute("value"))!,
    );
  }
  await page.getByLabel("What is the next step?").fill("Call about the offer");
  await page.getByRole("button", { name: /In 3 days/ }).click();
  await page.getByRole("button", { name: "Create deal" }).click();
  await expect(page).toHaveURL(new RegExp(`/${org}/deals/[0-9a-f-]{36}$`));
  return page.url().split("/").pop()!;
}
