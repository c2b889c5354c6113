import { expect, type Page, test } from "@playwright/test";

import { signIn } from "./support/auth";

/**
 * The settings forms (useActionForm): errors land on the field named by the schema's path and take
 * the focus, success is a toast, and what was saved is what the next page shows. Each test puts
 * the demo back as it found it, so specs running beside it see the usual data.
 */
const ORG = "rendetalje";
const ADMIN = "mette@momentum.demo";

const toast = (page: Page, text: string) => page.locator("[data-sonner-toast]").filter({ hasText: text });

test("org settings: a blank tax rate is refused on its field; a Danish decimal and a new prefix are saved", async ({ page }) => {
  await signIn(page, ADMIN);
  await page.goto(`/${ORG}/settings`);
  const tax = page.getByLabel("Default tax rate");
  const prefix = page.getByLabel("Sale-number prefix");
  const original = { tax: await tax.inputValue(), prefix: await prefix.inputValue() };

  await tax.fill("");
  await expect(page.getByText("You have unsaved changes.")).toBeVisible();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Enter a tax rate")).toBeVisible();
  await expect(tax).toBeFocused();
  await expect(tax).toHaveAttribute("aria-invalid", "true");

  await tax.fill("25,5");
  await expect(tax).not.toHaveAttribute("aria-invalid");
  await prefix.fill("inv");
  await expect(page.getByText(/Sale numbers look like INV-\d{4}-0001/)).toBeVisible();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(toast(page, "Settings saved")).toBeVisible();
  await expect(page.getByText("You have unsaved changes.")).toHaveCount(0);

  await page.reload();
  await expect(tax).toHaveValue("25.5");
  await expect(prefix).toHaveValue("INV");

  // Discard puts back what is stored.
  await prefix.fill("XYZ");
  await page.getByRole("button", { name: "Discard" }).click();
  await expect(prefix).toHaveValue("INV");

  await tax.fill(original.tax);
  await prefix.fill(original.prefix);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(toast(page, "Settings saved")).toBeVisible();
});

test("org settings: changing the currency says amounts are not converted and saves nothing until confirmed", async ({ page }) => {
  await signIn(page, ADMIN);
  await page.goto(`/${ORG}/settings`);
  const currency = page.getByLabel("Currency");
  await expect(currency).toHaveValue("DKK");
  await currency.selectOption("EUR");
  await page.getByRole("button", { name: "Save changes" }).click();
  const dialog = page.getByRole("dialog", { name: "Change the currency from DKK to EUR?" });
  await expect(dialog.getByText("Amounts are not converted.")).toBeVisible();
  // Kept: the demo stays in DKK for the specs running beside this one.
  await dialog.getByRole("button", { name: "Keep DKK" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(toast(page, "Settings saved")).toHaveCount(0);
  await page.reload();
  await expect(currency).toHaveValue("DKK");
});

test("stage settings: a nameless stage is refused on its field; a stage is added, then removed", async ({ page }) => {
  test.slow(); // a dozen server round trips: more than the default 30 s on a busy 2-core box
  await signIn(page, ADMIN);
  await page.goto(`/${ORG}/settings/pipeline`);
  const add = page.getByRole("form", { name: "Add a stage" });
  const name = add.getByLabel("New stage Name");

  await add.getByLabel("New stage Probability").fill("30");
  await add.getByRole("button", { name: "Add stage" }).click();
  await expect(add.getByText("Give the stage a name")).toBeVisible();
  await expect(name).toBeFocused();

  await name.fill("E2E follow-up");
  await add.getByRole("button", { name: "Add stage" }).click();
  await expect(toast(page, "Added “E2E follow-up”")).toBeVisible();
  await expect(name).toHaveValue("");
  const row = page.getByRole("form", { name: "Stage E2E follow-up" });
  await expect(row).toBeVisible();

  // Saving is offered only once something changed.
  const save = row.getByRole("button", { name: "Save E2E follow-up" });
  await expect(save).toBeDisabled();
  await row.getByLabel("E2E follow-up Probability").fill("35");
  await save.click();
  await expect(toast(page, "Saved “E2E follow-up”")).toBeVisible();
  await expect(save).toBeDisabled();

  await row.getByRole("button", { name: "Remove E2E follow-up" }).click();
  const dialog = page.getByRole("dialog", { name: "Remove “E2E follow-up”?" });
  await dialog.getByRole("button", { name: "Remove stage" }).click();
  await expect(toast(page, "Removed “E2E follow-up”")).toBeVisible();
  await expect(row).toHaveCount(0);
});

test("members: an existing member is refused on the email field; a new address gets an invitation link", async ({ page }) => {
  await signIn(page, ADMIN);
  await page.goto(`/${ORG}/settings/members`);
  const form = page.getByRole("form", { name: "Add member" });
  const email = form.getByLabel("Email");

  await email.fill("sofie@rendetalje.demo");
  await form.getByRole("button", { name: "Add member" }).click();
  await expect(form.getByText("Already a member of this organization")).toBeVisible();
  await expect(email).toBeFocused();

  await email.fill("new.hire@rendetalje.example");
  await form.getByLabel("Role").selectOption("manager");
  await form.getByRole("button", { name: "Add member" }).click();
  await expect(toast(page, "Invitation created for new.hire@rendetalje.example.")).toBeVisible();
  await expect(page.getByTestId("invitation-link")).toHaveValue(/\/invite\/[A-Za-z0-9_-]+$/);
  await expect(email).toHaveValue("");

  await page.getByRole("button", { name: "Revoke invitation for new.hire@rendetalje.example" }).click();
  await expect(toast(page, "Invitation for new.hire@rendetalje.example revoked.")).toBeVisible();
  await expect(page.getByText("new.hire@rendetalje.example", { exact: true })).toHaveCount(0);
});

test("members: removing someone asks who takes over their deals and next steps, the admin by default", async ({ page }) => {
  await signIn(page, ADMIN);
  await page.goto(`/${ORG}/settings/members`);
  await page.getByRole("button", { name: "Remove Sofie Larsen" }).click();
  const dialog = page.getByRole("dialog", { name: "Remove Sofie Larsen?" });
  const heir = dialog.getByLabel("Hand their open deals and next steps to");
  await expect(heir.locator("option:checked")).toHaveText("Mette Hansen (you)");
  await expect(heir.locator("option", { hasText: "Sofie Larsen" })).toHaveCount(0);
  // Cancelled: the demo stays as it is.
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toHaveCount(0);
});
