import { type Browser, expect, type Page, test } from "@playwright/test";

import { expectResultOnly, holdRefreshes, recordActionResponses } from "./support/action-responses";
import { createDealThroughForm } from "./support/new-deal";

/**
 * The deal page journeys in real Chromium against `next start` with a freshly seeded demo database:
 * a rep edits a deal inline with the keyboard and closes it as lost; a manager reopens it with a
 * new next action. Atelier Lumière (EUR, fr-FR) keeps us clear of the Danish orgs other specs use.
 */
const ORG = "atelier-lumiere";
const REP = "lea@atelier.demo";
const MANAGER = "julien@atelier.demo";
const ADMIN = "camille@atelier.demo";

/**
 * The deals this spec changes are its own, created through the form by the rep in beforeAll: the
 * import spec, on the other worker, imports deals for the same rep and its revert deletes them, so
 * a demo deal picked by owner could vanish mid-journey.
 */
async function createOwnDeals(browser: Browser, count: number): Promise<{ id: string; title: string }[]> {
  const page = await signIn(browser, REP);
  const deals: { id: string; title: string }[] = [];
  for (let i = 0; i < count; i++) {
    const title = `Vitrine du quartier ${Date.now().toString(36)}-${i}`;
    deals.push({
      id: await createDealThroughForm(page, ORG, { title, contactName: "Boutique Lumen", value: "4200", currency: "EUR" }),
      title,
    });
  }
  await page.context().close();
  return deals;
}

async function signIn(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("momentum-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/login/);
  // Let the post-sign-in navigation (and its redirects) finish, so the next goto does not abort it.
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.waitForLoadState("load");
  return page;
}

test.describe.configure({ mode: "serial" });

test.describe("deal page", () => {
  let deal: { id: string; title: string };
  let other: { id: string; title: string };
  const newTitle = `Rénovation vitrine ${Date.now().toString(36)}`;

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(60_000); // two deals through the form before the first journey
    [deal, other] = (await createOwnDeals(browser, 2)) as [typeof deal, typeof other];
  });

  test("a rep edits the title inline with the keyboard and sees it on the timeline", async ({ browser }) => {
    const page = await signIn(browser, REP);
    await page.goto(`/${ORG}/deals/${deal.id}`);
    await expect(page.getByRole("heading", { level: 1, name: deal.title })).toBeVisible();
    await expect(page.getByRole("region", { name: "Next step" })).toBeVisible();

    const editTitle = page.getByRole("button", { name: /^Edit title:/ });
    // Escape cancels and gives focus back to the value.
    await editTitle.focus();
    await page.keyboard.press("Enter");
    const input = page.getByRole("textbox", { name: "Title" });
    await expect(input).toBeFocused();
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.type("Not this one");
    await page.keyboard.press("Escape");
    await expect(input).toBeHidden();
    await expect(editTitle).toBeFocused();
    await expect(editTitle).toContainText(deal.title);

    // An empty title is refused on the spot, without a round trip.
    await page.keyboard.press("Enter");
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.press("Backspace");
    await page.keyboard.press("Enter");
    await expect(page.getByRole("alert").filter({ hasText: "Give the deal a title" })).toBeVisible();
    await expect(input).toHaveAttribute("aria-invalid", "true");

    // The save answers with its result only; the page is read again in the background (held here).
    const refreshes = await holdRefreshes(page, `/${ORG}/deals/${deal.id}`);
    const responses = await recordActionResponses(page);
    await page.keyboard.type(newTitle);
    await page.keyboard.press("Enter");
    await expectResultOnly(responses, [deal.id]);
    await expect(editTitle).toBeFocused();
    // Until the refreshed page lands the field shows the new title with its spinner; the rest of
    // the page (heading, timeline) is still the old one: the action did not re-render it.
    await expect(editTitle).toContainText(newTitle);
    await expect(editTitle.getByLabel("Saving")).toBeVisible();
    await expect.poll(() => refreshes.state.requested).toBe(1);
    await page.waitForTimeout(800); // the new value is not undone when the save's transition would end
    await expect(editTitle).toContainText(newTitle);
    await expect(editTitle.getByLabel("Saving")).toBeVisible();
    await expect(page.getByRole("heading", { level: 1, name: deal.title })).toBeVisible();
    expect(refreshes.state).toEqual({ requested: 1, released: false });
    await page.screenshot({ path: test.info().outputPath("deal-inline-edit-pending.png"), fullPage: true });

    refreshes.release();
    await expect(page.getByRole("heading", { level: 1, name: newTitle })).toBeVisible();
    await expect(editTitle.getByLabel("Saving")).toHaveCount(0);
    await expect(editTitle).toContainText(newTitle);
    const history = page.getByRole("list", { name: "Deal history" });
    await expect(history.getByRole("listitem").first()).toContainText("Changed the title");
    await expect(history.getByRole("listitem").first()).toContainText(newTitle);
    await page.screenshot({ path: test.info().outputPath("deal-after-inline-edit.png"), fullPage: true });

    // The change survives a reload (it came from the server, not only the optimistic state).
    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: newTitle })).toBeVisible();
    await page.context().close();
  });

  test("the rep closes it as lost with a reason and it is locked", async ({ browser }) => {
    const page = await signIn(browser, REP);
    await page.goto(`/${ORG}/deals/${deal.id}`);
    await page.getByRole("button", { name: "Close as lost" }).click();
    // The same dialog as a drop on the board's Lost zone, with the org's stage names.
    const dialog = page.getByRole("dialog", { name: /^Why was “.+” lost\?$/ });
    // Submitting without a reason is refused.
    await dialog.getByRole("button", { name: /^Close as / }).click();
    await expect(dialog.getByText("Choose why the deal was lost")).toBeVisible();
    const reason = dialog.getByLabel("Reason");
    await expect(reason).toBeFocused();
    await reason.selectOption({ label: "Concurrent choisi" });
    await dialog.getByLabel("Note (optional)").fill("Moins cher de 10 %");
    const responses = await recordActionResponses(page);
    await dialog.getByRole("button", { name: /^Close as / }).click();
    await expectResultOnly(responses, [deal.id, '"status":"lost"']);
    await expect(dialog).toBeHidden();

    const locked = page.getByRole("region", { name: /this deal is locked/ });
    await expect(locked).toContainText("Lost on");
    await expect(locked).toContainText("Concurrent choisi");
    await expect(locked).toContainText("Moins cher de 10 %");
    await expect(locked).toContainText("Only a manager or admin can reopen it.");
    await expect(page.getByRole("button", { name: "Reopen" })).toHaveCount(0);
    // Locked: no inline editors, no close buttons.
    await expect(page.getByRole("button", { name: /^Edit title:/ })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Close as won" })).toHaveCount(0);
    await expect(page.getByRole("list", { name: "Deal history" })).toContainText("Closed as lost");
    await page.context().close();
  });

  test("a manager reopens it with a new next action", async ({ browser }) => {
    const page = await signIn(browser, MANAGER);
    await page.goto(`/${ORG}/deals/${deal.id}`);
    await page.getByRole("button", { name: "Reopen" }).click();
    const dialog = page.getByRole("dialog", { name: "Reopen deal" });
    await expect(dialog.getByLabel("Reopen into stage")).toBeFocused();
    // The next action is required.
    await dialog.getByRole("button", { name: "Reopen deal" }).click();
    await expect(dialog.getByText("Say what the next step is")).toBeVisible();
    await dialog.getByLabel("Next action").selectOption("meeting");
    await dialog.getByRole("button", { name: /^In 3 days/ }).click();
    await dialog.getByLabel("Details").fill("Rendez-vous pour relancer le projet");
    const responses = await recordActionResponses(page);
    await dialog.getByRole("button", { name: "Reopen deal" }).click();
    await expectResultOnly(responses, [deal.id, '"actionId":"']);
    await expect(dialog).toBeHidden();

    const next = page.getByRole("region", { name: "Next step" });
    await expect(next).toContainText("Rendez-vous pour relancer le projet");
    await expect(page.getByRole("region", { name: /this deal is locked/ })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^Edit title:/ })).toBeVisible();
    await expect(page.getByRole("list", { name: "Deal history" }).getByRole("listitem").first()).toContainText("Reopened into");
    await page.context().close();
  });

  test("an edit refused by the server rolls back: a manager closed the deal meanwhile", async ({ browser }) => {
    const rep = await signIn(browser, REP);
    await rep.goto(`/${ORG}/deals/${other.id}`);
    await expect(rep.getByRole("button", { name: /^Edit contact:/ })).toBeVisible();

    // Meanwhile a manager closes it as won from the "Move to…" menu.
    const manager = await signIn(browser, MANAGER);
    await manager.goto(`/${ORG}/deals/${other.id}`);
    await manager.getByRole("button", { name: "Move to…" }).click();
    await manager.getByRole("menuitemradio", { name: /Gagné/ }).click();
    const confirm = manager.getByRole("dialog", { name: `Close “${other.title}” as Gagné?` });
    await expect(confirm.getByLabel("Note (optional)")).toBeFocused();
    await confirm.getByRole("button", { name: "Close as Gagné" }).click();
    await expect(manager.getByRole("region", { name: /this deal is locked/ })).toContainText("Won on");
    await manager.context().close();

    // The rep's stale page still offers the editor; the save is refused and the old value comes back.
    const editContact = rep.getByRole("button", { name: /^Edit contact:/ });
    await editContact.click();
    await rep.getByRole("textbox", { name: "Contact" }).fill("Quelqu'un d'autre");
    await rep.keyboard.press("Enter");
    await expect(rep.getByRole("alert").filter({ hasText: "This deal is won. Reopen it to make changes." })).toBeVisible();
    await expect(rep.getByText("Quelqu'un d'autre")).toHaveCount(0);
    await expect(rep.getByRole("region", { name: /this deal is locked/ })).toBeVisible();
    await rep.context().close();
  });

  test("moving to another stage from the menu answers with the move only, and the page follows", async ({ browser }) => {
    const page = await signIn(browser, REP);
    await page.goto(`/${ORG}/deals/${deal.id}`);
    const stageShown = page.locator("dt", { hasText: /^Stage$/ }).locator("xpath=following-sibling::dd[1]");
    const responses = await recordActionResponses(page);
    await page.getByRole("button", { name: "Move to…" }).click();
    // Another open stage (closed ones end with "…" and open a dialog).
    const target = page.getByRole("menuitemradio", { checked: false }).filter({ hasNotText: "…" }).first();
    const stageName = (await target.locator("span").first().innerText()).trim();
    await expect(stageShown).not.toContainText(stageName);
    await target.click();
    await expectResultOnly(responses, [deal.id, '"status":"open"']);
    await expect(page.getByText(`Moved to ${stageName}.`)).toBeVisible();
    await expect(stageShown).toContainText(stageName);
    await expect(page.getByRole("list", { name: "Deal history" }).getByRole("listitem").first()).toContainText(stageName);
    await page.context().close();
  });

  test("an admin deletes a deal, lands on a list without it, and Undo brings it back", async ({ browser }) => {
    const page = await signIn(browser, ADMIN);
    // A deal of its own, created through the form: the newest, so the list would show it first.
    const title = `Vitrine à supprimer ${Date.now().toString(36)}`;
    const dealId = await createDealThroughForm(page, ORG, { title, contactName: "Boutique Test", value: "1500", currency: "EUR" });

    // Through the list (so the browser has seen the list with the deal in it) to the deal page.
    await page.goto(`/${ORG}/deals`);
    await page.getByRole("link", { name: title }).click();
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();

    const responses = await recordActionResponses(page);
    await page.getByRole("button", { name: "Delete" }).click();
    const confirm = page.getByRole("dialog", { name: "Delete this deal?" });
    await confirm.getByRole("button", { name: "Delete deal" }).click();
    await expectResultOnly(responses, [dealId]);
    await expect(page).toHaveURL(new RegExp(`/${ORG}/deals$`));
    await expect(page.getByRole("heading", { level: 1, name: "Deals" })).toBeVisible();
    await expect(page.getByRole("link", { name: title })).toHaveCount(0);

    responses.length = 0;
    await page.getByRole("button", { name: "Undo" }).click();
    await expectResultOnly(responses, [dealId]);
    await expect(page).toHaveURL(new RegExp(`/${ORG}/deals/${dealId}$`));
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(page.getByText(`“${title}” was restored.`)).toBeVisible();
    await page.context().close();
  });

  test("an unknown or foreign deal id shows the deal not-found page", async ({ browser }) => {
    const page = await signIn(browser, REP);
    await page.goto(`/${ORG}/deals/00000000-0000-4000-8000-000000000000`);
    await expect(page.getByRole("heading", { name: "Deal not found" })).toBeVisible();
    await page.context().close();
  });
});
