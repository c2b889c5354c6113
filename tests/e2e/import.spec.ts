import path from "node:path";

import { expect, test } from "@playwright/test";

import { signIn } from "./support/auth";

/**
 * The founder (Camille, admin of Atelier Lumière: EUR, fr-FR) imports her French spreadsheet:
 * upload, the suggested mapping, one manual override, the preview as it will be imported, the
 * check, the background job with its progress, the deals in the list — then reverts it from the
 * history, which also leaves the demo org as other specs expect it.
 */
const ORG = "atelier-lumiere";
const FOUNDER = "camille@atelier.demo";
const FILE = path.resolve("tests/fixtures/import/founder-fr.csv");

test("the founder imports a French CSV through mapping and preview, sees the deals, and reverts it", async ({ page }) => {
  test.slow(); // a whole journey of ~60 steps with a background job: more than the default 30 s on a busy CI box
  await signIn(page, FOUNDER);
  await page.goto(`/${ORG}/import`);
  await expect(page.getByRole("heading", { level: 1, name: "Import deals" })).toBeVisible();

  await page.getByLabel("Choose a CSV file or drop it here").setInputFiles(FILE);
  await expect(page.getByText("founder-fr.csv")).toBeVisible();
  await page.getByRole("button", { name: "Upload and map columns" }).click();

  await expect(page).toHaveURL(new RegExp(`/${ORG}/import/[0-9a-f-]{36}$`));
  await expect(page.getByRole("heading", { level: 1, name: "founder-fr.csv" })).toBeVisible();
  await expect(page.getByText("6 rows · UTF-8 (with BOM) · semicolon-separated")).toBeVisible();

  // The French headers were recognised…
  await expect(page.getByLabel("client")).toHaveValue("contact");
  await expect(page.getByLabel("statut", { exact: true })).toHaveValue("stage");
  await expect(page.getByLabel("montant_brut")).toHaveValue("value");
  await expect(page.getByLabel("date_echeance")).toHaveValue("expectedCloseDate");
  await expect(page.getByLabel("assignee")).toHaveValue("owner");

  // …and the preview shows values as they will be imported: French amounts and day-first dates.
  const preview = page.getByRole("table", { name: /Preview of the first 6 rows/ });
  const lavande = preview.getByRole("row").filter({ hasText: "Maison Lavande" });
  await expect(lavande).toContainText("12 500,50 €");
  await expect(lavande).toContainText("31 déc. 2026");
  await expect(lavande).toContainText("read day first");
  await expect(lavande).toContainText("Prospect");
  await expect(lavande).toContainText("10 %");
  await expect(lavande).toContainText("Léa Martin");
  await expect(preview.getByRole("row").filter({ hasText: "Éditions Saint-Clair" })).toContainText("Gagné");

  // A manual override: the sector column ignored, then restored.
  await page.getByLabel("secteur").selectOption({ label: "Ignore this column" });
  await expect(lavande).not.toContainText("Luxe");
  await page.getByLabel("secteur").selectOption({ label: "Sector" });
  await expect(lavande).toContainText("Luxe");

  await page.getByRole("button", { name: "Check all 6 rows" }).click();
  await expect(page.getByText("will be created")).toBeVisible();
  await expect(page.getByText("6 valid row(s); 0 match an existing deal; 0 will be skipped.")).toBeVisible();
  await page.getByRole("button", { name: "Import 6 rows" }).click();

  await expect(page.getByRole("heading", { name: "Import completed" })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText("created", { exact: true }).locator("..")).toContainText("6");

  await page.getByRole("link", { name: "View deals" }).click();
  await expect(page).toHaveURL(new RegExp(`/${ORG}/deals`));
  // Without a title column the title is the client's name (the file names nothing sold).
  await page.goto(`/${ORG}/deals?q=Maison%20Lavande`);
  const deals = page.getByRole("table");
  await expect(deals.getByRole("link", { name: "Maison Lavande", exact: true })).toBeVisible();
  await expect(deals.getByRole("row").filter({ hasText: "Maison Lavande" })).toContainText("Prospect");

  // Its first next action was planned, as its stage (Prospect) says, so the deal has a next step like every open deal.
  await deals.getByRole("link", { name: "Maison Lavande", exact: true }).click();
  await expect(page.getByText(/Qualifier le besoin/).first()).toBeVisible();

  await page.goto(`/${ORG}/import/history`);
  const entry = page.getByRole("row").filter({ hasText: "founder-fr.csv" }).first();
  await expect(entry).toContainText("Completed");
  await entry.getByRole("button", { name: "Revert the import of founder-fr.csv" }).click();
  const dialog = page.getByRole("dialog", { name: "Revert this import?" });
  await expect(dialog).toContainText("6 deal(s) it created will be deleted");
  await dialog.getByRole("button", { name: "Revert import" }).click();
  await expect(page.getByText("Import of “founder-fr.csv” reverted")).toBeVisible();
  await expect(entry).toContainText("Reverted");

  await page.goto(`/${ORG}/deals?q=Maison%20Lavande`);
  await expect(page.getByRole("link", { name: "Maison Lavande", exact: true })).toHaveCount(0);
});

test("a sales rep cannot reach the import", async ({ page }) => {
  await signIn(page, "lea@atelier.demo");
  // The page streams behind its loading skeleton, so the refusal shows as the not-found page.
  await page.goto(`/${ORG}/import`);
  await expect(page.getByRole("heading", { level: 1, name: "We could not find that page" })).toBeVisible();
  await expect(page.getByLabel("Choose a CSV file or drop it here")).toHaveCount(0);
  await page.goto(`/${ORG}/import/history`);
  await expect(page.getByRole("heading", { level: 1, name: "We could not find that page" })).toBeVisible();
});
