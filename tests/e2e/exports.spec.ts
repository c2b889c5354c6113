import fs from "node:fs";

import { expect, test } from "@playwright/test";
import ExcelJS from "exceljs";

import { signIn } from "./support/auth";

/**
 * The founder's exports in real Chromium against `next start` with the seeded demo: the Excel file
 * of a filtered deals list, and the monthly PDF report picked from the dashboard. Read-only, so it
 * can share Rendetalje with the specs that complete actions there (status=all keeps the count stable).
 */
const ORG = "rendetalje";
const FOUNDER = "mette@momentum.demo";

test("the founder exports a filtered deals list to Excel", async ({ page }) => {
  await signIn(page, FOUNDER);
  await page.goto(`/${ORG}/deals?status=all&sector=Offices&sort=value`);
  const count = Number((await page.getByTestId("deal-count").innerText()).replace(/\D/g, ""));
  expect(count).toBeGreaterThan(0);

  await page.getByRole("button", { name: "Export" }).click();
  const menu = page.getByRole("menu");
  await expect(menu.getByText(`${count} matching deal`)).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    menu.getByRole("menuitem", { name: "Deals: Excel (.xlsx)" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^${ORG}-deals-\\d{4}-\\d{2}-\\d{2}\\.xlsx$`));

  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await download.path())!);
  const sheet = workbook.getWorksheet("Deals")!;
  const header = sheet.getRow(1).values as unknown[];
  expect(sheet.actualRowCount).toBe(count + 1);
  const sectors = new Set<unknown>();
  const values: number[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    sectors.add(row.getCell(header.indexOf("Sector")).value);
    values.push(row.getCell(header.indexOf("Value")).value as number);
  });
  expect([...sectors]).toEqual(["Offices"]);
  expect(values.every((v) => typeof v === "number")).toBe(true);
  expect(values).toEqual([...values].sort((a, b) => b - a)); // the list's sort: value, high first
});

test("the founder downloads the monthly PDF report from the dashboard", async ({ page }) => {
  await signIn(page, FOUNDER);
  await page.goto(`/${ORG}/dashboard`);
  await page.getByRole("button", { name: "Monthly report (PDF)" }).click();
  const dialog = page.getByRole("dialog", { name: "Monthly report" });
  const month = dialog.getByLabel("Month");
  await expect(month).toBeFocused();
  const options = await month.locator("option").evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value));
  await month.selectOption(options[1]!); // last month: complete
  const [download] = await Promise.all([page.waitForEvent("download"), dialog.getByRole("button", { name: "Download PDF" }).click()]);
  expect(download.suggestedFilename()).toBe(`${ORG}-report-${options[1]}.pdf`);
  const bytes = fs.readFileSync((await download.path())!);
  expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  expect(bytes.length).toBeGreaterThan(10_000);
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("button", { name: "Monthly report (PDF)" })).toBeFocused();
});

test("exports need a session", async ({ request }) => {
  const response = await request.get(`/${ORG}/exports/deals?format=csv`, { maxRedirects: 0 });
  expect(response.status()).toBe(307);
  expect(response.headers()["location"]).toContain("/login");
});
