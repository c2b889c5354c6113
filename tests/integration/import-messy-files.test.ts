import { and, asc, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";

import * as importActions from "../../src/actions/imports";
import { getDb } from "../../src/db/client";
import { actions, importRowErrors, lossReasons, pipelineStages } from "../../src/db/schema";
import { addMember, createOrgWithTeam, createUser, uniqueSuffix } from "../../src/db/seed/factories";
import { asUser } from "./support/fixtures";
import {
  dealsByContact,
  expectInvariantHolds,
  fixtureBytes,
  importRow,
  okData,
  optionsWith,
  startAndRun,
  uploadAs,
  withJobQueue,
} from "./support/import-fixtures";

withJobQueue({ work: false });

type Team = Awaited<ReturnType<typeof createOrgWithTeam>>;
const db = () => getDb();

async function frenchTeam(): Promise<Team> {
  const team = await createOrgWithTeam(getDb(), { currency: "EUR", locale: "fr-FR", timeZone: "Europe/Paris" });
  return team;
}

describe("the founder's French CSV (BOM, semicolons, French decimals, dd/mm/yyyy, embedded newline, blank line)", () => {
  let team: Team;
  beforeAll(async () => {
    team = await frenchTeam();
    // The people the file's "assignee" column names: by first name, full name and email.
    for (const [name, email] of [
      ["Léa Martin", `lea-${uniqueSuffix()}@example.test`],
      ["Hugo Bernard", `hugo-${uniqueSuffix()}@example.test`],
      ["Chloé Petit", "chloe@atelier.demo"],
    ]) {
      const user = await createUser(getDb(), { name, email });
      await addMember(getDb(), team.org.id, user.id, "rep");
    }
  });

  it("detects the format, suggests the mapping, and imports every row as the founder meant it", async () => {
    const importId = await uploadAs(team.admin.id, team.org.slug, fixtureBytes("founder-fr.csv"), "prospects.csv");
    const draft = await importRow(importId);
    expect(draft).toMatchObject({ status: "draft", encoding: "utf-8-bom", delimiter: ";", totalRows: 6, fileName: "prospects.csv" });
    expect(draft.headers).toEqual(["client", "statut", "montant_brut", "secteur", "date_echeance", "assignee", "notes"]);
    expect(draft.mapping).toEqual(["contact", "stage", "value", "sector", "expectedCloseDate", "owner", "notes"]);
    // The quoted note spans lines 3–4, so the next record starts on line 5; the blank line 7 is skipped.
    expect(draft.sample.map((r) => r.line)).toEqual([2, 3, 5, 6, 8, 9]);

    const mapping = draft.mapping as ReturnType<typeof optionsWith>["mapping"];
    const check = okData(
      await asUser(team.admin.id, () => importActions.validateImportAction(team.org.slug, { importId, ...optionsWith({ mapping }) })),
    );
    expect(check).toMatchObject({ totalRows: 6, validRows: 6, invalidRows: 0, willCreate: 6, willUpdate: 0, willSkip: 0, issueCount: 0 });

    // The run's clock is pinned: Sunday 28 March 2027, 00:30 in Paris (still Saturday in UTC), the
    // night the clocks go forward. "Tomorrow 9:00" is then Monday 29 March, 9:00 summer time.
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2027-03-27T23:30:00.000Z") });
    const done = await startAndRun(team.admin.id, team.org.slug, importId, { mapping }).finally(() => vi.useRealTimers());
    expect(done).toMatchObject({
      status: "completed",
      createdCount: 6,
      updatedCount: 0,
      skippedCount: 0,
      failedCount: 0,
      processedRows: 6,
      source: null,
    });

    const byContact = await dealsByContact(team.org.id);
    const stages = await db().select().from(pipelineStages).where(eq(pipelineStages.orgId, team.org.id));
    const stage = (name: string) => stages.find((s) => s.name === name)!.id;

    const lavande = byContact.get("Maison Lavande")!;
    expect(lavande).toMatchObject({
      title: "Maison Lavande", // no title column, no product: the client's name
      valueMinor: 1_250_050,
      currency: "EUR",
      stageId: stage("Prospect"),
      probability: 10,
      sector: "Luxe",
      expectedCloseDate: "2026-12-31",
      status: "open",
      createdBy: team.admin.id,
    });
    const [lavandeAction] = await db()
      .select()
      .from(actions)
      .where(and(eq(actions.orgId, team.org.id), eq(actions.dealId, lavande.id)));
    expect(lavandeAction).toMatchObject({
      type: "task",
      details: "Qualifier le besoin\n\nPremier contact au salon", // the Prospect stage's first step
      completedAt: null,
      ownerId: lavande.ownerId,
    });
    // Tomorrow 9:00 in Paris as of the pinned clock (CEST, UTC+2), written out by hand.
    expect(lavandeAction!.dueAt.toISOString()).toBe("2027-03-29T07:00:00.000Z");

    expect(byContact.get("Club Olympique Nantes")).toMatchObject({
      valueMinor: 800_000,
      stageId: stage("Qualifié"),
      probability: 30,
      expectedCloseDate: "2027-01-15",
    });
    expect(byContact.get("Clinique des Alpes")).toMatchObject({ valueMinor: 4_500_000, stageId: stage("Négociation"), probability: 70 });
    expect(byContact.get("École Montessori Lyon")).toMatchObject({ stageId: stage("Qualifié"), valueMinor: 210_000 });

    const won = byContact.get("Éditions Saint-Clair")!;
    expect(won).toMatchObject({ status: "won", probability: 100, stageId: stage("Gagné") });
    // Closed at its (past) closing date, noon in Paris — not "today".
    expect(won.closedAt!.toISOString()).toBe("2026-11-05T11:00:00.000Z");
    const wonActions = await db()
      .select()
      .from(actions)
      .where(and(eq(actions.orgId, team.org.id), eq(actions.dealId, won.id)));
    expect(wonActions).toHaveLength(1);
    expect(wonActions[0]).toMatchObject({ outcome: "Signé le 5 novembre" });
    expect(wonActions[0]!.completedAt).not.toBeNull();

    const lost = byContact.get("Studio Pixel")!;
    const [autre] = await db()
      .select()
      .from(lossReasons)
      .where(and(eq(lossReasons.orgId, team.org.id), eq(lossReasons.label, "Autre")));
    expect(lost).toMatchObject({ status: "lost", probability: 0, lossReasonId: autre!.id, lossNote: "Imported: Budget coupé" });

    // Owners matched by first name ("Léa", "Hugo", "Chloé"), full name and email.
    const owners = await db().execute<{ contact_name: string; name: string }>(sql`
      select d.contact_name, u.name from deals d join users u on u.id = d.owner_id where d.org_id = ${team.org.id} order by d.contact_name`);
    expect(Object.fromEntries(owners.map((o) => [o.contact_name, o.name]))).toEqual({
      "Club Olympique Nantes": "Hugo Bernard",
      "Clinique des Alpes": "Chloé Petit",
      "Maison Lavande": "Léa Martin",
      "Studio Pixel": "Hugo Bernard",
      "École Montessori Lyon": "Chloé Petit",
      "Éditions Saint-Clair": "Léa Martin",
    });
    await expectInvariantHolds(team.org.id);
  });
});

describe("a Windows-1252 file with commas and English number formats", () => {
  it("is decoded as Windows-1252 (é, è, €) and imported with the importer as owner", async () => {
    const team = await createOrgWithTeam(getDb(), { currency: "EUR", locale: "en-GB", timeZone: "Europe/Dublin" });
    const importId = await uploadAs(team.manager.id, team.org.slug, fixtureBytes("windows-1252.csv"), "export.csv");
    const draft = await importRow(importId);
    expect(draft).toMatchObject({ encoding: "windows-1252", delimiter: ",", totalRows: 3 });
    expect(draft.sample[0]!.cells[0]).toBe("Café Crème");
    const done = await startAndRun(team.manager.id, team.org.slug, importId, { mapping: draft.mapping as never });
    expect(done).toMatchObject({ status: "completed", createdCount: 3 });
    const byContact = await dealsByContact(team.org.id);
    expect(byContact.get("Café Crème")).toMatchObject({ valueMinor: 125_000, ownerId: team.manager.id, expectedCloseDate: "2026-12-15" });
    const brasserie = byContact.get("Brasserie Étoile")!;
    expect(brasserie).toMatchObject({ valueMinor: 350_000, probability: 50 });
    const [step] = await db()
      .select()
      .from(actions)
      .where(and(eq(actions.orgId, team.org.id), eq(actions.dealId, brasserie.id)));
    // 0x96, 0x92, 0x93/0x94 and 0x9C are Windows-1252's – ’ “ ” œ (Node's own decoder reads them as control characters).
    expect(step!.details).toBe("Follow up on the proposal\n\nWants a quote – l’été, “terrasse” & œufs");
    expect(byContact.get("Société Générale Nord")).toMatchObject({ valueMinor: 1_250_050, probability: 70, sector: "Finance" });
    await expectInvariantHolds(team.org.id);
  });
});

const MESSY = [
  "Client;Statut;Montant;Date échéance;Commercial",
  '"Alpha SARL";Prospect;1 000,00;31/12/2026;Rita Rep',
  ";Prospect;500;31/12/2026;",
  "Beta;Inconnu;500;31/12/2026;",
  "Gamma;Qualifié;-20;31/12/2026;",
  "Delta;Qualifié;douze;31/02/2026;",
  "Epsilon;Négociation;2 500;2026-13-01;Nobody Known",
  '"Zeta\nMulti";Prospect;750,5;01/02/2027;rita',
  "",
  "Eta;Gagné;15k;;",
  ";;;;",
  "Theta;Négociation;4 000 $;;",
].join("\n");

describe("a file with wrong types and missing values", () => {
  let team: Team;
  beforeAll(async () => {
    team = await frenchTeam();
  });

  it("reports every bad cell with its file line and column", async () => {
    const importId = await uploadAs(team.admin.id, team.org.slug, MESSY);
    const draft = await importRow(importId);
    expect(draft.mapping).toEqual(["contact", "stage", "value", "expectedCloseDate", "owner"]);
    const check = okData(
      await asUser(team.admin.id, () =>
        importActions.validateImportAction(team.org.slug, { importId, ...optionsWith({ mapping: draft.mapping as never }) }),
      ),
    );
    expect(check).toMatchObject({ totalRows: 9, validRows: 2, invalidRows: 7, willCreate: 2 });
    const issues = check.issues.map((i) => [i.line, i.column, i.message]);
    expect(issues).toEqual([
      [3, "Client", "Client is required"],
      [4, "Statut", expect.stringContaining("Unknown status “Inconnu”")],
      [5, "Montant", "Amount must be more than 0"],
      [6, "Montant", "Not an amount"],
      [6, "Date échéance", "That date does not exist"],
      [7, "Date échéance", "That date does not exist"],
      [7, "Commercial", "“Nobody Known” is not a member of this organization"],
      [11, "Montant", "Not an amount"],
      [13, "Montant", "Amount is not in EUR"],
    ]);
    // The report is stored too, for the result page.
    const stored = await db()
      .select()
      .from(importRowErrors)
      .where(and(eq(importRowErrors.orgId, team.org.id), eq(importRowErrors.importId, importId)))
      .orderBy(asc(importRowErrors.line));
    expect(stored.map((s) => s.line)).toEqual([3, 4, 5, 6, 6, 7, 7, 11, 13]);
    expect(stored.find((s) => s.line === 11)).toMatchObject({ kind: "invalid", value: "15k" });
  });

  it("refuses to run with invalid rows unless told to import the valid ones — then imports exactly those", async () => {
    const importId = await uploadAs(team.admin.id, team.org.slug, MESSY);
    const mapping = (await importRow(importId)).mapping as never;
    const refused = await startAndRun(team.admin.id, team.org.slug, importId, { mapping });
    expect(refused.status).toBe("failed");
    expect(refused.error).toMatch(/Nothing was imported: 7 row\(s\) are invalid/);
    expect((await dealsByContact(team.org.id)).size).toBe(0);

    const done = await startAndRun(team.admin.id, team.org.slug, importId, { mapping }, true);
    expect(done).toMatchObject({ status: "completed", createdCount: 2, failedCount: 7, skippedCount: 0, error: null });
    const byContact = await dealsByContact(team.org.id);
    expect([...byContact.keys()]).toEqual(["Alpha SARL", "Zeta\nMulti"]);
    expect(byContact.get("Alpha SARL")).toMatchObject({ valueMinor: 100_000, ownerId: team.rep.id });
    expect(byContact.get("Zeta\nMulti")).toMatchObject({ valueMinor: 75_050, ownerId: team.rep.id, expectedCloseDate: "2027-02-01" });
    await expectInvariantHolds(team.org.id);
  });

  it("assigns unknown owners to the importer when asked to", async () => {
    const t = await frenchTeam();
    const importId = await uploadAs(t.manager.id, t.org.slug, "Client;Montant;Commercial\nOmega;900;Personne Inconnue\n");
    const done = await startAndRun(t.manager.id, t.org.slug, importId, { mapping: ["contact", "value", "owner"], unknownOwner: "me" });
    expect(done).toMatchObject({ status: "completed", createdCount: 1 });
    expect((await dealsByContact(t.org.id)).get("Omega")).toMatchObject({ ownerId: t.manager.id, valueMinor: 90_000 });
  });

  it("refuses files that cannot be read, saying why", async () => {
    const broken = await asUser(team.admin.id, () =>
      importActions.uploadImportAction(
        team.org.slug,
        (() => {
          const form = new FormData();
          form.set("file", new File(['Client;Montant\n"Open quote;12\n'], "broken.csv"));
          return form;
        })(),
      ),
    );
    expect(broken).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(broken.ok === false && broken.fieldErrors?.file?.[0]).toMatch(/quoted cell is never closed/);
    const empty = await asUser(team.admin.id, () => importActions.uploadImportAction(team.org.slug, new FormData()));
    expect(empty).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { file: ["Choose a CSV file to upload"] } });
    const headerOnly = await asUser(team.admin.id, () => {
      const form = new FormData();
      form.set("file", new File(["Client;Montant\n\n"], "h.csv"));
      return importActions.uploadImportAction(team.org.slug, form);
    });
    expect(headerOnly).toMatchObject({ ok: false, code: "VALIDATION" });
  });
});
