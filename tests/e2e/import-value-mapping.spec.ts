import { expect, test } from "@playwright/test";

import { withAppDb } from "./support/app-db";
import { signIn } from "./support/auth";

/**
 * A Pipedrive export reaches Atelier Lumière (fr-FR) with its own stage names and a Status column
 * (open / won / lost). The manager maps each stage value to one of the org's stages, sees the lost
 * row go to Perdu with the reason it will get, imports, finds that deal lost — then reverts the
 * import, which leaves the demo org as other specs expect it. The file is built here: its
 * companies exist nowhere else in the demo.
 */
const ORG = "atelier-lumiere";
const MANAGER = "julien@atelier.demo";
const FILE = {
  name: "pipedrive-deals.csv",
  mimeType: "text/csv",
  buffer: Buffer.from(
    [
      "Title,Organization,Value,Stage,Status",
      "Kestrel renewal,Kestrel Foods,2000,Negotiations Started,lost",
      "Osprey pilot,Osprey Labs,1000,Contact Made,open",
      "Heron rollout,Heron Bank,3000,Proposal Made,won",
      "Plover upsell,Plover Studio,500,Negotiations Started,open",
      "Merlin demo,Merlin Hotels,4000,Demo Scheduled,open",
    ].join("\n"),
  ),
};

async function dealOf(contact: string) {
  return withAppDb(async (sql) => {
    const [row] = await sql<{ status: string; stage: string; reason: string | null }[]>`
      select d.status, s.name as stage, r.label as reason
        from deals d
        join organizations o on o.id = d.org_id
        join pipeline_stages s on s.id = d.stage_id
        left join loss_reasons r on r.id = d.loss_reason_id
       where o.slug = ${ORG} and d.contact_name = ${contact} and d.deleted_at is null`;
    return row ?? null;
  });
}

test("a Pipedrive-style file goes through value mapping and keeps its lost deal lost", async ({ page }) => {
  test.slow(); // upload, mapping, check, a background job and a revert
  await signIn(page, MANAGER);
  await page.goto(`/${ORG}/import`);
  await page.getByLabel("Choose a CSV file or drop it here").setInputFiles(FILE);
  await page.getByRole("button", { name: "Upload and map columns" }).click();
  await expect(page.getByRole("heading", { level: 1, name: FILE.name })).toBeVisible();

  // The Status column (open / won / lost) is told apart from the Stage column.
  await expect(page.getByLabel("Stage", { exact: true })).toHaveValue("stage");
  await expect(page.getByLabel("Status", { exact: true })).toHaveValue("status");

  // Every distinct stage value, with its count; none of them is one of the org's names.
  const values = page.getByRole("list", { name: "Values of Stage" });
  await expect(values.getByRole("listitem")).toHaveCount(4);
  await expect(values.getByRole("listitem").filter({ hasText: "Negotiations Started" })).toContainText("2 rows");
  await expect(page.getByLabel("Contact Made")).toHaveValue("");
  const statuses = page.getByRole("list", { name: "Values of Status" });
  await expect(statuses.getByRole("listitem").filter({ hasText: "lost" })).toContainText("go to Perdu");

  await page.getByLabel("Contact Made").selectOption({ label: "Qualifié" });
  await page.getByLabel("Demo Scheduled").selectOption({ label: "Proposition" });
  await page.getByLabel("Proposal Made").selectOption({ label: "Proposition" });
  await page.getByLabel("Negotiations Started").selectOption({ label: "Négociation" });

  // The preview: the lost row is lost (not in negotiation), and says which reason it gets.
  const preview = page.getByRole("table", { name: /Preview of the first 5 rows/ });
  const kestrel = preview.getByRole("row").filter({ hasText: "Kestrel renewal" });
  await expect(kestrel).toContainText("Perdu");
  await expect(kestrel).toContainText("Reason: Autre (none in the file)");
  await expect(preview.getByRole("row").filter({ hasText: "Plover upsell" })).toContainText("Négociation");
  await expect(preview.getByRole("row").filter({ hasText: "Heron rollout" })).toContainText("Gagné");

  await page.getByRole("button", { name: "Check all 5 rows" }).click();
  await page.getByRole("button", { name: "Import 5 rows" }).click();
  await expect(page.getByRole("heading", { name: "Import completed" })).toBeVisible({ timeout: 20_000 });

  expect(await dealOf("Kestrel Foods")).toEqual({ status: "lost", stage: "Perdu", reason: "Autre" });
  expect(await dealOf("Plover Studio")).toEqual({ status: "open", stage: "Négociation", reason: null });
  expect(await dealOf("Heron Bank")).toMatchObject({ status: "won", stage: "Gagné" });

  await page.goto(`/${ORG}/import/history`);
  const entry = page.getByRole("row").filter({ hasText: FILE.name }).first();
  await entry.getByRole("button", { name: `Revert the import of ${FILE.name}` }).click();
  await page.getByRole("dialog", { name: "Revert this import?" }).getByRole("button", { name: "Revert import" }).click();
  await expect(entry).toContainText("Reverted");
  expect(await dealOf("Kestrel Foods")).toBeNull();
});
