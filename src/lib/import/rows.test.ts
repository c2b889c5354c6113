import { describe, expect, it } from "vitest";

import { defaultStages } from "@/lib/deals/pipeline-defaults";

import { decideRow, firstActionDetails, readRecords } from "./plan";
import { rowReader, type RowReaderContext } from "./rows";

const ctx: RowReaderContext = {
  headers: ["client", "statut", "montant", "echeance", "commercial", "notes"],
  mapping: ["contact", "stage", "value", "expectedCloseDate", "owner", "notes"],
  stages: defaultStages("fr-FR").map((s, i) => ({ id: `s${i}`, name: s.name, probability: s.probability, kind: s.kind })),
  members: [{ userId: "u1", name: "Léa Martin", email: "lea@x.test" }],
  currency: "EUR",
  locale: "fr-FR",
  unknownOwner: "error",
  lossReasonId: "other",
};
const read = rowReader(ctx);

describe("rowReader", () => {
  it("reads a row into deal fields", () => {
    expect(read(["  Maison Lavande ", "Qualifié", "12 500,50 €", "31/12/2026", "Léa", "Salon"], 2)).toEqual({
      ok: true,
      row: {
        line: 2,
        contact: "Maison Lavande",
        title: "Maison Lavande",
        titleGiven: false,
        stage: { id: "s1", name: "Qualifié", probability: 30, kind: "open" },
        stageGiven: true,
        valueMinor: 1_250_050,
        sector: null,
        source: null,
        expectedCloseDate: "2026-12-31",
        dateReading: "day-first",
        createdDate: null,
        wonDate: null,
        lostDate: null,
        owner: { userId: "u1", name: "Léa Martin", email: "lea@x.test" },
        notes: "Salon",
      },
    });
  });

  it("defaults a blank status to the first open stage and a blank owner to nobody (the importer)", () => {
    const r = read(["A", "", "100", "", "", ""], 3);
    expect(r.ok && [r.row.stage.name, r.row.stageGiven, r.row.owner, r.row.expectedCloseDate]).toEqual(["Prospect", false, null, null]);
  });

  it("reports every problem of a row with its line and column", () => {
    expect(read(["", "Inconnu", "15k", "31/02/2026", "Zoé", ""], 7)).toEqual({
      ok: false,
      issues: [
        { line: 7, column: "client", value: null, message: "Client is required" },
        {
          line: 7,
          column: "statut",
          value: "Inconnu",
          message: expect.stringMatching(/^Unknown status “Inconnu”: use one of Prospect, Qualifié/),
        },
        { line: 7, column: "montant", value: "15k", message: "Not an amount" },
        { line: 7, column: "echeance", value: "31/02/2026", message: "That date does not exist" },
        { line: 7, column: "commercial", value: "Zoé", message: "“Zoé” is not a member of this organization" },
      ],
    });
  });

  it("lets unknown owners through when told to assign them to the importer", () => {
    const lenient = rowReader({ ...ctx, unknownOwner: "me" });
    const r = lenient(["A", "Prospect", "100", "", "Zoé", ""], 2);
    expect(r.ok && r.row.owner).toBeNull();
  });

  it("refuses lost deals when the org has no reason to give them", () => {
    const noReason = rowReader({ ...ctx, lossReasonId: null });
    expect(noReason(["A", "Perdu", "100", "", "", ""], 2)).toMatchObject({ ok: false, issues: [{ column: "statut" }] });
  });

  it("needs a contact column", () => {
    const r = rowReader({ ...ctx, mapping: [null, "stage", "value", null, null, null] })(["A", "Prospect", "1"], 2);
    expect(r).toEqual({
      ok: false,
      issues: [{ line: 2, column: null, value: null, message: "No column is mapped to the contact (client)" }],
    });
  });
});

describe("plan", () => {
  it("skips a record that repeats an earlier one (same client and same title or amount)", () => {
    const out = readRecords(
      [
        { line: 2, cells: ["Alpha", "Prospect", "100", "", "", ""] },
        { line: 3, cells: ["ALPHA", "Prospect", "100", "", "", ""] },
        { line: 4, cells: ["Alpha", "Prospect", "200", "", "", ""] },
        { line: 5, cells: ["", "Prospect", "200", "", "", ""] },
      ],
      read,
    );
    expect(out.rows.map((r) => r.line)).toEqual([2]);
    expect(out).toMatchObject({ invalidRows: 1, repeatedRows: 2 });
    expect(out.issues.map((i) => [i.line, i.kind, i.message])).toEqual([
      [3, "skipped", "Same deal as line 2 of this file"],
      [4, "skipped", "Same deal as line 2 of this file"], // same title made from the client
      [5, "invalid", "Client is required"],
    ]);
  });

  it("decides per mode what a row does", () => {
    const open = { status: "open" as const };
    expect(decideRow("create", null)).toEqual({ action: "create" });
    expect(decideRow("create", open)).toMatchObject({ action: "skip" });
    expect(decideRow("create_update", open)).toEqual({ action: "update" });
    expect(decideRow("create_update", { status: "won" })).toMatchObject({
      action: "skip",
      message: expect.stringContaining("won and locked"),
    });
    expect(decideRow("update_only", null)).toMatchObject({ action: "skip" });
    expect(decideRow("update_only", open)).toEqual({ action: "update" });
  });

  it("puts the notes under the first step, within the action's 2 000 characters", () => {
    expect(firstActionDetails("Qualify", null)).toBe("Qualify");
    expect(firstActionDetails("Qualify", "Met at the fair")).toBe("Qualify\n\nMet at the fair");
    expect(firstActionDetails("Qualify", "x".repeat(3000))).toHaveLength(2000);
  });
});

describe("rowReader with a Pipedrive-style export", () => {
  const en = defaultStages("en-GB").map((s, i) => ({ id: `e${i}`, name: s.name, probability: s.probability, kind: s.kind }));
  const pipedrive = rowReader({
    ...ctx,
    headers: ["Organization", "Deal title", "Product", "Stage", "Status"],
    mapping: ["contact", null, "product", "stage", "status"],
    stages: en,
    stageValues: [
      { value: "Contact Made", stageId: "e1" },
      { value: "Negotiations Started", stageId: "e3" },
    ],
    locale: "en-GB",
  });

  it("maps its own stage names through the value mapping and lets the status column decide won and lost", () => {
    const open = pipedrive(["Acme", "", "CRM licences", "Negotiations Started", "open"], 2);
    expect(open.ok && [open.row.stage.name, open.row.stageGiven, open.row.title, open.row.titleGiven]).toEqual([
      "Negotiation",
      true,
      "Acme – CRM licences",
      false,
    ]);
    const lostRow = pipedrive(["Globex", "", "", "Negotiations Started", "lost"], 3);
    expect(lostRow.ok && [lostRow.row.stage.kind, lostRow.row.title]).toEqual(["lost", "Globex"]);
    const wonRow = pipedrive(["Initech", "", "", "Contact Made", "won"], 4);
    expect(wonRow.ok && wonRow.row.stage.kind).toBe("won");
  });

  it("refuses a status that is not open, won or lost, and an unmapped stage value", () => {
    expect(pipedrive(["Acme", "", "", "Contact Made", "deleted"], 5)).toMatchObject({
      ok: false,
      issues: [{ column: "Status", value: "deleted", message: "Unknown status “deleted”: use open, won or lost" }],
    });
    expect(pipedrive(["Acme", "", "", "Demo Scheduled", "open"], 6)).toMatchObject({ ok: false, issues: [{ column: "Stage" }] });
  });

  it("keeps a given title", () => {
    const withTitle = rowReader({ ...ctx, headers: ["c", "t", "p"], mapping: ["contact", "title", "product"] });
    const r = withTitle(["Acme", "Website redesign", "Design"], 2);
    expect(r.ok && [r.row.title, r.row.titleGiven]).toEqual(["Website redesign", true]);
  });
});
