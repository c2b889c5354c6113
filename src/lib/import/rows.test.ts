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
        title: "Maison Lavande – imported",
        titleGiven: false,
        stage: { id: "s1", name: "Qualifié", probability: 30, kind: "open" },
        stageGiven: true,
        valueMinor: 1_250_050,
        sector: null,
        source: null,
        expectedCloseDate: "2026-12-31",
        dateReading: "day-first",
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
      [4, "skipped", "Same deal as line 2 of this file"], // same default title
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
