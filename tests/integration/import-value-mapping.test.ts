import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import * as importActions from "../../src/actions/imports";
import * as pipelineActions from "../../src/actions/pipeline";
import { getDb } from "../../src/db/client";
import { actions, lossReasons } from "../../src/db/schema";
import { createOrgWithTeam } from "../../src/db/seed/factories";
import type { ImportMapping } from "../../src/lib/import/fields";
import { listedValues, prefillStageValues, type StageValueChoice } from "../../src/lib/import/value-map";
import { loadImportRefs } from "../../src/server/data/imports/refs";
import { loadRememberedStageValues } from "../../src/server/data/imports/value-memory";
import { listStages } from "../../src/server/data/stages";
import { asUser, ctxFor } from "./support/fixtures";
import {
  dealsByContact,
  expectInvariantHolds,
  importRow,
  okData,
  optionsWith,
  startAndRun,
  uploadAs,
  withJobQueue,
} from "./support/import-fixtures";
import { ukTeamWithStages } from "./support/team-with-stages";

withJobQueue({ work: false });

/** As Pipedrive exports deals: its own stage names, and a status column beside the stage. */
const PIPEDRIVE = [
  "Title,Organization,Value,Stage,Status,Product",
  "Acme licences,Acme,1000,Contact Made,open,CRM licences",
  "Globex renewal,Globex,2000,Negotiations Started,lost,Support",
  "Initech rollout,Initech,3000,Proposal Made,won,Rollout",
  "Umbrella pilot,Umbrella,4000,Demo Scheduled,open,Pilot",
  "Hooli upsell,Hooli,500,Negotiations Started,open,Seats",
].join("\n");

async function firstStepOf(orgId: string, dealId: string) {
  const [step] = await getDb()
    .select()
    .from(actions)
    .where(and(eq(actions.orgId, orgId), eq(actions.dealId, dealId)));
  return step?.details;
}

describe("a Pipedrive-style export", () => {
  it("lists its stage values with their counts, maps them to the org's stages, and keeps a lost row lost", async () => {
    const { team, ctx, stage } = await ukTeamWithStages();
    const importId = await uploadAs(team.admin.id, team.org.slug, PIPEDRIVE, "pipedrive.csv");
    const draft = await importRow(importId);
    // The Status column (open / won / lost) is recognised as such beside the Stage column.
    expect(draft.mapping).toEqual(["title", "contact", "value", "stage", "status", "product"]);
    expect(listedValues(draft.valueCounts![3])).toEqual([
      { value: "Negotiations Started", count: 2 },
      { value: "Contact Made", count: 1 },
      { value: "Demo Scheduled", count: 1 },
      { value: "Proposal Made", count: 1 },
    ]);
    expect(draft.valueCounts![4]).toEqual([
      { value: "open", count: 3 },
      { value: "lost", count: 1 },
      { value: "won", count: 1 },
    ]);

    const mapping = draft.mapping as ImportMapping;
    // Unmapped, "Demo Scheduled" and the other names the org does not use are refused with their column.
    const unmapped = okData(
      await asUser(team.admin.id, () => importActions.validateImportAction(team.org.slug, { importId, ...optionsWith({ mapping }) })),
    );
    expect(unmapped).toMatchObject({ validRows: 0, invalidRows: 5 });
    expect(unmapped.issues[0]).toMatchObject({ line: 2, column: "Stage", value: "Contact Made" });
    const stageValues: StageValueChoice[] = [
      { value: "Contact Made", stageId: stage("Qualified") },
      { value: "Demo Scheduled", stageId: stage("Proposal") },
      { value: "Proposal Made", stageId: stage("Proposal") },
      { value: "Negotiations Started", stageId: stage("Negotiation") },
    ];
    const checked = okData(
      await asUser(team.admin.id, () =>
        importActions.validateImportAction(team.org.slug, { importId, ...optionsWith({ mapping, stageValues }) }),
      ),
    );
    expect(checked).toMatchObject({ validRows: 5, invalidRows: 0, willCreate: 5 });

    expect(await startAndRun(team.admin.id, team.org.slug, importId, { mapping, stageValues })).toMatchObject({
      status: "completed",
      createdCount: 5,
    });
    const deals = await dealsByContact(team.org.id);
    const [other] = await getDb()
      .select()
      .from(lossReasons)
      .where(and(eq(lossReasons.orgId, team.org.id), eq(lossReasons.label, "Other")));
    expect(deals.get("Globex")).toMatchObject({ status: "lost", stageId: stage("Lost"), lossReasonId: other!.id, title: "Globex renewal" });
    expect(deals.get("Initech")).toMatchObject({ status: "won", stageId: stage("Won") });
    expect(deals.get("Acme")).toMatchObject({ status: "open", stageId: stage("Qualified") });
    expect(deals.get("Umbrella")).toMatchObject({ status: "open", stageId: stage("Proposal") });
    expect(deals.get("Hooli")).toMatchObject({ status: "open", stageId: stage("Negotiation"), probability: 70 });
    // The first next step follows the stage: not "Qualify" for a deal in negotiation.
    expect(await firstStepOf(team.org.id, deals.get("Hooli")!.id)).toBe("Agree the terms and close");
    expect(await firstStepOf(team.org.id, deals.get("Acme")!.id)).toBe("Send a proposal");
    expect(await firstStepOf(team.org.id, deals.get("Globex")!.id)).toBeUndefined();
    await expectInvariantHolds(team.org.id);

    // The next export from the same CRM arrives pre-mapped; a discarded upload's choices are not remembered.
    const discarded = await uploadAs(team.admin.id, team.org.slug, PIPEDRIVE, "wrong.csv");
    okData(
      await asUser(team.admin.id, () =>
        importActions.validateImportAction(team.org.slug, {
          importId: discarded,
          ...optionsWith({ mapping, stageValues: [{ value: "Contact Made", stageId: stage("Lead") }] }),
        }),
      ),
    );
    okData(await asUser(team.admin.id, () => importActions.discardImportAction(team.org.slug, { importId: discarded })));
    const second = await importRow(await uploadAs(team.admin.id, team.org.slug, PIPEDRIVE, "pipedrive-2.csv"));
    const remembered = await loadRememberedStageValues(ctx);
    const refs = await loadImportRefs(ctx);
    const values = listedValues(second.valueCounts![3])!.map((c) => c.value);
    expect(prefillStageValues(values, refs.stages, remembered)).toEqual(
      values.map((value) => ({ value, stageId: stageValues.find((c) => c.value === value)!.stageId })),
    );
  });

  it("refuses another org's stage in the value mapping, and saves nothing", async () => {
    const { team } = await ukTeamWithStages();
    const other = await ukTeamWithStages();
    const importId = await uploadAs(team.admin.id, team.org.slug, PIPEDRIVE);
    const mapping = (await importRow(importId)).mapping as ImportMapping;
    const stageValues = [{ value: "Contact Made", stageId: other.stage("Lead") }];
    const input = { importId, ...optionsWith({ mapping, stageValues }) };
    const checked = await asUser(team.admin.id, () => importActions.validateImportAction(team.org.slug, input));
    const started = await asUser(team.admin.id, () => importActions.startImportAction(team.org.slug, { ...input, skipInvalid: true }));
    expect([checked, started]).toMatchObject([
      { ok: false, code: "NOT_FOUND" },
      { ok: false, code: "NOT_FOUND" },
    ]);
    expect(await importRow(importId)).toMatchObject({ status: "draft", options: null });
  });
});

describe("a French semicolon file with French statuses", () => {
  it("pre-maps Prospect, Qualifié, Négociation, Gagné and Perdu, and plans each open deal's step in French", async () => {
    const team = await createOrgWithTeam(getDb(), { currency: "EUR", locale: "fr-FR", timeZone: "Europe/Paris" });
    const ctx = await ctxFor(team.admin.id, team.org.slug);
    const csv = [
      "client;statut;montant_brut",
      "Maison Lavande;Prospect;1 000",
      "Club Nantes;Qualifié (30 %);2 000",
      "Clinique des Alpes;Négociation;3 000",
      "Éditions Saint-Clair;Gagné;4 000",
      "Bistrot du Port;Perdu;500",
    ].join("\n");
    const importId = await uploadAs(team.admin.id, team.org.slug, csv, "prospects.csv");
    const draft = await importRow(importId);
    expect(draft.mapping).toEqual(["contact", "stage", "value"]);
    const refs = await loadImportRefs(ctx);
    const stageValues = prefillStageValues(
      listedValues(draft.valueCounts![1])!.map((c) => c.value),
      refs.stages,
      await loadRememberedStageValues(ctx),
    );
    const name = (id: string | null) => refs.stages.find((s) => s.id === id)?.name;
    expect(Object.fromEntries(stageValues.map((c) => [c.value, name(c.stageId)]))).toEqual({
      Prospect: "Prospect",
      "Qualifié (30 %)": "Qualifié",
      Négociation: "Négociation",
      Gagné: "Gagné",
      Perdu: "Perdu",
    });
    const done = await startAndRun(team.admin.id, team.org.slug, importId, { mapping: ["contact", "stage", "value"], stageValues });
    expect(done).toMatchObject({ status: "completed", createdCount: 5 });
    const deals = await dealsByContact(team.org.id);
    expect(deals.get("Bistrot du Port")).toMatchObject({ status: "lost", title: "Bistrot du Port" });
    expect(deals.get("Éditions Saint-Clair")).toMatchObject({ status: "won" });
    expect(await firstStepOf(team.org.id, deals.get("Maison Lavande")!.id)).toBe("Qualifier le besoin");
    expect(await firstStepOf(team.org.id, deals.get("Club Nantes")!.id)).toBe("Envoyer une proposition");
    expect(await firstStepOf(team.org.id, deals.get("Clinique des Alpes")!.id)).toBe("Finaliser les conditions et signer");
    await expectInvariantHolds(team.org.id);
  });
});

describe("first next steps and titles", () => {
  it("uses the step the admin set for a stage, and the client and what is sold as the title", async () => {
    const { team, stage } = await ukTeamWithStages();
    okData(
      await asUser(team.admin.id, () =>
        pipelineActions.updateStageAction(team.org.slug, {
          stageId: stage("Proposal"),
          name: "Proposal",
          probability: "50",
          staleAfterDays: "10",
          firstStep: "Call to walk through the quote",
        }),
      ),
    );
    const csv = ["Client,Stage,Service,Amount", "Acme,Proposal,Website redesign,100", "Globex,Lead,,200", "Initech,Demo booked,,300"].join(
      "\n",
    );
    const importId = await uploadAs(team.admin.id, team.org.slug, csv);
    const draft = await importRow(importId);
    expect(draft.mapping).toEqual(["contact", "stage", "product", "value"]);
    const mapping = draft.mapping as ImportMapping;
    // A stage value the org does not have can be mapped; the import's own step covers a stage nothing is known of.
    const done = await startAndRun(team.admin.id, team.org.slug, importId, {
      mapping,
      stageValues: [{ value: "Demo booked", stageId: stage("Qualified") }],
    });
    expect(done).toMatchObject({ createdCount: 3 });
    const deals = await dealsByContact(team.org.id);
    expect(deals.get("Acme")!.title).toBe("Acme – Website redesign");
    expect(deals.get("Globex")!.title).toBe("Globex");
    expect(await firstStepOf(team.org.id, deals.get("Acme")!.id)).toBe("Call to walk through the quote");
    expect(await firstStepOf(team.org.id, deals.get("Globex")!.id)).toBe("Qualify the need");
    expect(await firstStepOf(team.org.id, deals.get("Initech")!.id)).toBe("Send a proposal");

    // Blank in the settings: back to what the stage's name suggests.
    okData(
      await asUser(team.admin.id, () =>
        pipelineActions.updateStageAction(team.org.slug, {
          stageId: stage("Proposal"),
          name: "Proposal",
          probability: "50",
          staleAfterDays: "10",
          firstStep: " ",
        }),
      ),
    );
    const ctx = await ctxFor(team.admin.id, team.org.slug);
    expect((await listStages(ctx)).find((s) => s.name === "Proposal")!.firstStep).toBeNull();
  });
});
