import { and, asc, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";

import * as importActions from "../../src/actions/imports";
import { getDb } from "../../src/db/client";
import { importRowErrors } from "../../src/db/schema";
import { createOrgWithTeam } from "../../src/db/seed/factories";
import type { ImportMode } from "../../src/lib/import/fields";
import { createDeal } from "../../src/server/data/deals";
import { listStages } from "../../src/server/data/stages";
import { asUser, ctxFor } from "./support/fixtures";
import { dealsByContact, expectInvariantHolds, okData, optionsWith, startAndRun, uploadAs, withJobQueue } from "./support/import-fixtures";

withJobQueue({ work: false });

const MAPPING = ["contact", "title", "value", "sector"] as const;
const HEADER = "Company,Deal,Amount,Industry";

/** Three existing deals; the file matches two of them (one by title, one by amount, in another case) and brings two new ones. */
async function setup() {
  const team = await createOrgWithTeam(getDb(), { currency: "EUR", locale: "en-GB", timeZone: "Europe/London" });
  const ctx = await ctxFor(team.admin.id, team.org.slug);
  const lead = (await listStages(ctx)).find((s) => s.name === "Lead")!;
  const make = (contactName: string, title: string, euros: number) =>
    createDeal(ctx, {
      title,
      contactName,
      value: euros * 100,
      stageId: lead.id,
      sector: "Retail",
      firstAction: { type: "call", dueAt: new Date(Date.now() + 86_400_000), details: "Call" },
    });
  await make("Acme Ltd", "Website", 1000);
  await make("Globex", "Support contract", 2000);
  await make("Initech", "Licences", 3000);
  const csv = [
    HEADER,
    "ACME LTD,Website,1500,Software", // same client (other case) + same title
    "globex,Renewal,2000,Finance", // same client + same amount
    "Umbrella,Vaccines,4000,Health",
    "Hooli,Search,5000,Software",
  ].join("\n");
  return { team, csv };
}

async function run(mode: ImportMode) {
  const { team, csv } = await setup();
  const importId = await uploadAs(team.admin.id, team.org.slug, csv);
  const check = okData(
    await asUser(team.admin.id, () =>
      importActions.validateImportAction(team.org.slug, { importId, ...optionsWith({ mapping: [...MAPPING], mode }) }),
    ),
  );
  const done = await startAndRun(team.admin.id, team.org.slug, importId, { mapping: [...MAPPING], mode });
  const issues = await getDb()
    .select({ line: importRowErrors.line, kind: importRowErrors.kind, message: importRowErrors.message })
    .from(importRowErrors)
    .where(and(eq(importRowErrors.orgId, team.org.id), eq(importRowErrors.importId, importId)))
    .orderBy(asc(importRowErrors.line));
  await expectInvariantHolds(team.org.id);
  return { team, check, done, issues, deals: await dealsByContact(team.org.id) };
}

describe("duplicate detection", () => {
  it("create: duplicates are skipped and reported, the rest created", async () => {
    const { check, done, issues, deals } = await run("create");
    expect(check).toMatchObject({ duplicates: 2, willCreate: 2, willUpdate: 0, willSkip: 2 });
    expect(done).toMatchObject({ createdCount: 2, updatedCount: 0, skippedCount: 2 });
    expect(issues).toEqual([
      { line: 2, kind: "skipped", message: "Duplicate of an existing deal (same client and same title or amount)" },
      { line: 3, kind: "skipped", message: "Duplicate of an existing deal (same client and same title or amount)" },
    ]);
    expect([...deals.keys()]).toEqual(["Acme Ltd", "Globex", "Hooli", "Initech", "Umbrella"]);
    expect(deals.get("Acme Ltd")).toMatchObject({ valueMinor: 100_000, sector: "Retail" });
  });

  it("create: finds duplicates in every batch of a large file (each batch's statement looks them up itself)", async () => {
    const { team } = await setup();
    const lines = Array.from({ length: 4500 }, (_, i) => `Client ${i},Deal ${i},${100 + i},Retail`);
    lines[10] = "acme ltd,WEBSITE,1,Retail"; // batch 1 (rows 1–2 000): same client and title
    lines[2500] = "Globex,Other,2000,Retail"; // batch 2: same client and amount
    lines[4400] = "Initech,Licences,3000,Retail"; // batch 3
    lines[4401] = "Initech,Printers,3001,Retail"; // same client, other title and amount: new
    lines[4402] = "Client 7,Deal 7,999,Retail"; // repeats line 9 of the file
    const importId = await uploadAs(team.admin.id, team.org.slug, [HEADER, ...lines].join("\n"));
    const done = await startAndRun(team.admin.id, team.org.slug, importId, { mapping: [...MAPPING] });
    expect(done).toMatchObject({ createdCount: 4496, skippedCount: 4, updatedCount: 0 });
    const issues = await getDb()
      .select()
      .from(importRowErrors)
      .where(and(eq(importRowErrors.orgId, team.org.id), eq(importRowErrors.importId, importId)))
      .orderBy(asc(importRowErrors.line));
    const duplicate = "Duplicate of an existing deal (same client and same title or amount)";
    expect(issues.map((i) => [i.line, i.message])).toEqual([
      [12, duplicate],
      [2502, duplicate],
      [4402, duplicate],
      [4404, "Same deal as line 9 of this file"],
    ]);
    expect((await dealsByContact(team.org.id)).get("Acme Ltd")).toMatchObject({ title: "Website", valueMinor: 100_000 });
    await expectInvariantHolds(team.org.id);
  });

  it("create and update: duplicates are updated, the rest created", async () => {
    const { check, done, deals } = await run("create_update");
    expect(check).toMatchObject({ willCreate: 2, willUpdate: 2, willSkip: 0 });
    expect(done).toMatchObject({ createdCount: 2, updatedCount: 2, skippedCount: 0 });
    // Only what the file says changes; the client's spelling stays the deal's.
    expect(deals.get("Acme Ltd")).toMatchObject({ title: "Website", valueMinor: 150_000, sector: "Software" });
    expect(deals.get("Globex")).toMatchObject({ title: "Renewal", valueMinor: 200_000, sector: "Finance" });
    expect(deals.get("Initech")).toMatchObject({ valueMinor: 300_000, sector: "Retail" });
    expect(deals.has("Umbrella") && deals.has("Hooli")).toBe(true);
  });

  it("update only: duplicates are updated, the others skipped", async () => {
    const { done, issues, deals } = await run("update_only");
    expect(done).toMatchObject({ createdCount: 0, updatedCount: 2, skippedCount: 2 });
    expect(issues.map((i) => [i.line, i.message])).toEqual([
      [4, "No matching deal to update (update only)"],
      [5, "No matching deal to update (update only)"],
    ]);
    expect(deals.has("Umbrella")).toBe(false);
    expect(deals.get("Acme Ltd")).toMatchObject({ valueMinor: 150_000 });
  });
});

describe("repeats and re-imports", () => {
  let team: Awaited<ReturnType<typeof createOrgWithTeam>>;
  beforeEach(async () => {
    team = await createOrgWithTeam(getDb(), { currency: "EUR", locale: "en-GB", timeZone: "Europe/London" });
  });

  it("a row repeating an earlier row of the same file is skipped, naming that line", async () => {
    const csv = [
      HEADER,
      "Wayne,Armour,900,Defense",
      "Stark,Suits,800,Defense",
      "wayne,Gadgets,900,Defense",
      "Stark,SUITS,100,Defense",
    ].join("\n");
    const importId = await uploadAs(team.admin.id, team.org.slug, csv);
    const done = await startAndRun(team.admin.id, team.org.slug, importId, { mapping: [...MAPPING] });
    expect(done).toMatchObject({ createdCount: 2, skippedCount: 2 });
    const issues = await getDb()
      .select()
      .from(importRowErrors)
      .where(and(eq(importRowErrors.orgId, team.org.id), eq(importRowErrors.importId, importId)))
      .orderBy(asc(importRowErrors.line));
    expect(issues.map((i) => [i.line, i.message])).toEqual([
      [4, "Same deal as line 2 of this file"],
      [5, "Same deal as line 3 of this file"],
    ]);
  });

  it("importing the same file twice creates nothing the second time (titles default the same way); updating with the same values is 'already up to date'", async () => {
    const csv = "Client,Amount\nNakatomi,1200\nCyberdyne,3400\n";
    const first = await uploadAs(team.admin.id, team.org.slug, csv);
    expect(await startAndRun(team.admin.id, team.org.slug, first, { mapping: ["contact", "value"] })).toMatchObject({ createdCount: 2 });
    const second = await uploadAs(team.admin.id, team.org.slug, csv);
    expect(await startAndRun(team.admin.id, team.org.slug, second, { mapping: ["contact", "value"] })).toMatchObject({
      createdCount: 0,
      skippedCount: 2,
    });
    const third = await uploadAs(team.admin.id, team.org.slug, csv);
    const done = await startAndRun(team.admin.id, team.org.slug, third, { mapping: ["contact", "value"], mode: "create_update" });
    expect(done).toMatchObject({ createdCount: 0, updatedCount: 0, skippedCount: 2 });
    const [issue] = await getDb()
      .select()
      .from(importRowErrors)
      .where(and(eq(importRowErrors.orgId, team.org.id), eq(importRowErrors.importId, third)));
    expect(issue!.message).toBe("The matching deal is already up to date");
    expect((await dealsByContact(team.org.id)).get("Nakatomi")).toMatchObject({ title: "Nakatomi", valueMinor: 120_000 });
  });
});
