import { and, count, eq, isNull } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";

import * as importActions from "../../src/actions/imports";
import { getDb } from "../../src/db/client";
import { actions, deals, importChanges, importCreatedBatches } from "../../src/db/schema";
import { createOrgWithTeam } from "../../src/db/seed/factories";
import { closeDeal } from "../../src/server/data/deal-transitions";
import { createDeal, updateDeal } from "../../src/server/data/deals";
import { completeNextStep, snoozeNextStep } from "../../src/server/data/next-steps";
import { listStages } from "../../src/server/data/stages";
import { asUser, ctxFor } from "./support/fixtures";
import {
  dealsByContact,
  expectInvariantHolds,
  importRow,
  snapshotDeals,
  startAndRun,
  uploadAs,
  withJobQueue,
} from "./support/import-fixtures";

withJobQueue({ work: false });

const inADay = () => new Date(Date.now() + 86_400_000);

async function frenchTeam() {
  const team = await createOrgWithTeam(getDb(), { currency: "EUR", locale: "fr-FR", timeZone: "Europe/Paris" });
  const ctx = await ctxFor(team.admin.id, team.org.slug);
  const stages = await listStages(ctx);
  const stage = (name: string) => stages.find((s) => s.name === name)!;
  const deal = async (contactName: string, title: string, euros: number, stageName: string, ownerId: string) =>
    (
      await createDeal(ctx, {
        title,
        contactName,
        value: euros * 100,
        stageId: stage(stageName).id,
        ownerId,
        sector: "Luxe",
        expectedCloseDate: "2027-03-31",
        firstAction: { type: "call", dueAt: inADay(), details: `Call ${contactName}` },
      })
    ).dealId;
  return { team, ctx, stage, deal };
}

const HEADER = "Client;Titre;Statut;Montant;Commercial";

async function pendingOf(orgId: string, dealId: string) {
  const [a] = await getDb()
    .select()
    .from(actions)
    .where(and(eq(actions.orgId, orgId), eq(actions.dealId, dealId), isNull(actions.completedAt)));
  return a;
}

describe("revert", () => {
  let t: Awaited<ReturnType<typeof frenchTeam>>;
  let ids: Record<string, string>;
  beforeAll(async () => {
    t = await frenchTeam();
    ids = {
      alpha: await t.deal("Alpha", "Site web", 1000, "Prospect", t.team.rep.id),
      beta: await t.deal("Beta", "Audit", 2000, "Qualifié", t.team.rep2.id),
      gamma: await t.deal("Gamma", "Maintenance", 3000, "Prospect", t.team.rep.id),
      delta: await t.deal("Delta", "Formation", 4000, "Proposition", t.team.rep.id),
    };
    await closeDeal(t.ctx, { dealId: ids.gamma!, outcome: "won" });
  });

  it("restores the exact previous state: created deals gone, updated deals, their actions and stage history as before", async () => {
    const before = await snapshotDeals(t.team.org.id);
    const csv = [
      HEADER,
      "Alpha;Site web;Négociation;1 500;", // same title: stage and value change
      "BETA;Nouveau titre;Gagné;2 000;", // same amount, other case: closed as won, title changes
      "Gamma;Maintenance;Prospect;3 000;", // matches a won deal: locked, skipped
      "Delta;Formation;;4 000;Ravi", // only the owner changes: the pending action follows
      "Epsilon;Nouveau;Prospect;500;",
      "Zeta;Perdu d'avance;Perdu;700;",
    ].join("\n");
    const importId = await uploadAs(t.team.admin.id, t.team.org.slug, csv);
    const done = await startAndRun(t.team.admin.id, t.team.org.slug, importId, {
      mapping: ["contact", "title", "stage", "value", "owner"],
      mode: "create_update",
    });
    expect(done).toMatchObject({ status: "completed", createdCount: 2, updatedCount: 3, skippedCount: 1, failedCount: 0 });

    const now = await dealsByContact(t.team.org.id);
    expect(now.get("Alpha")).toMatchObject({
      id: ids.alpha,
      stageId: t.stage("Négociation").id,
      probability: 70,
      valueMinor: 150_000,
      title: "Site web",
    });
    expect(now.get("Beta")).toMatchObject({ id: ids.beta, status: "won", title: "Nouveau titre", probability: 100 });
    expect(await pendingOf(t.team.org.id, ids.beta!)).toBeUndefined();
    expect(now.get("Gamma")).toMatchObject({ status: "won", valueMinor: 300_000 });
    expect(now.get("Delta")).toMatchObject({ ownerId: t.team.rep2.id, stageId: t.stage("Proposition").id });
    expect((await pendingOf(t.team.org.id, ids.delta!))!.ownerId).toBe(t.team.rep2.id);
    expect(now.get("Zeta")).toMatchObject({ status: "lost", lossNote: "Imported" });
    await expectInvariantHolds(t.team.org.id);

    const reverted = await asUser(t.team.manager.id, () => importActions.revertImportAction(t.team.org.slug, { importId }));
    expect(reverted).toEqual({ ok: true, data: { importId, deleted: 2, restored: 3 } });
    expect(await snapshotDeals(t.team.org.id)).toEqual(before);
    expect(await importRow(importId)).toMatchObject({ status: "reverted", revertedBy: t.team.manager.id });
    await expectInvariantHolds(t.team.org.id);

    const again = await asUser(t.team.admin.id, () => importActions.revertImportAction(t.team.org.slug, { importId }));
    expect(again).toMatchObject({ ok: false, code: "CONFLICT", message: "This import was already reverted." });
  });

  it("refuses when a created deal's next action was completed since, and changes nothing", async () => {
    const importId = await uploadAs(t.team.admin.id, t.team.org.slug, `${HEADER}\nNu;Un;Prospect;100;\nXi;Deux;Prospect;200;\n`);
    await startAndRun(t.team.admin.id, t.team.org.slug, importId, { mapping: ["contact", "title", "stage", "value", "owner"] });
    const nu = (await dealsByContact(t.team.org.id)).get("Nu")!;
    await completeNextStep(t.ctx, {
      actionId: (await pendingOf(t.team.org.id, nu.id))!.id,
      outcome: "Called",
      followUp: { then: "next", next: { type: "email", dueAt: inADay(), details: "Send the offer" } },
    });
    const before = await snapshotDeals(t.team.org.id);
    const refused = await asUser(t.team.admin.id, () => importActions.revertImportAction(t.team.org.slug, { importId }));
    expect(refused).toMatchObject({ ok: false, code: "CONFLICT", message: expect.stringContaining("have changed since") });
    expect(await snapshotDeals(t.team.org.id)).toEqual(before);
    expect(await importRow(importId)).toMatchObject({ status: "completed" });
  });

  it("refuses when an updated deal was edited or its action snoozed since", async () => {
    const omicron = await t.deal("Omicron", "Licence", 900, "Prospect", t.team.rep.id);
    const importId = await uploadAs(t.team.admin.id, t.team.org.slug, `${HEADER}\nOmicron;Licence;Qualifié;950;\n`);
    const done = await startAndRun(t.team.admin.id, t.team.org.slug, importId, {
      mapping: ["contact", "title", "stage", "value", "owner"],
      mode: "update_only",
    });
    expect(done).toMatchObject({ updatedCount: 1, createdCount: 0 });
    await snoozeNextStep(t.ctx, {
      actionId: (await pendingOf(t.team.org.id, omicron))!.id,
      dueAt: new Date(Date.now() + 3 * 86_400_000),
      reason: "Away",
    });
    const refused = await asUser(t.team.admin.id, () => importActions.revertImportAction(t.team.org.slug, { importId }));
    expect(refused).toMatchObject({ ok: false, code: "CONFLICT" });

    const pi = await t.deal("Pi", "Support", 800, "Prospect", t.team.rep.id);
    const second = await uploadAs(t.team.admin.id, t.team.org.slug, `${HEADER}\nPi;Support;Prospect;850;\n`);
    await startAndRun(t.team.admin.id, t.team.org.slug, second, {
      mapping: ["contact", "title", "stage", "value", "owner"],
      mode: "update_only",
    });
    await updateDeal(t.ctx, { dealId: pi, patch: { sector: "Tech" } });
    expect(await asUser(t.team.admin.id, () => importActions.revertImportAction(t.team.org.slug, { importId: second }))).toMatchObject({
      ok: false,
      code: "CONFLICT",
    });
  });

  it("can revert imports in reverse order when a later import updated what an earlier one created", async () => {
    const first = await uploadAs(t.team.admin.id, t.team.org.slug, `${HEADER}\nRho;Projet;Prospect;100;\n`);
    const before = await snapshotDeals(t.team.org.id);
    await startAndRun(t.team.admin.id, t.team.org.slug, first, { mapping: ["contact", "title", "stage", "value", "owner"] });
    const second = await uploadAs(t.team.admin.id, t.team.org.slug, `${HEADER}\nRho;Projet;Négociation;100;\n`);
    await startAndRun(t.team.admin.id, t.team.org.slug, second, {
      mapping: ["contact", "title", "stage", "value", "owner"],
      mode: "update_only",
    });
    expect(await asUser(t.team.admin.id, () => importActions.revertImportAction(t.team.org.slug, { importId: first }))).toMatchObject({
      ok: false,
      code: "CONFLICT",
    });
    expect(await asUser(t.team.admin.id, () => importActions.revertImportAction(t.team.org.slug, { importId: second }))).toMatchObject({
      ok: true,
    });
    expect(await asUser(t.team.admin.id, () => importActions.revertImportAction(t.team.org.slug, { importId: first }))).toMatchObject({
      ok: true,
    });
    expect(await snapshotDeals(t.team.org.id)).toEqual(before);
  });
});

describe("a job that fails half-way", () => {
  it("leaves nothing half-imported: no deal, action, history or change row, and says why", async () => {
    const { team } = await frenchTeam();
    // A database failure on row 4 200, i.e. in the third batch, after two batches were written.
    await getDb().execute(`
      create or replace function test_fail_on_boom() returns trigger language plpgsql as $$
      begin
        if new.title = 'BOOM' then raise exception 'simulated disk failure'; end if;
        return new;
      end $$;
      drop trigger if exists test_fail_on_boom on deals;
      create trigger test_fail_on_boom before insert on deals for each row execute function test_fail_on_boom();`);
    const rows = Array.from({ length: 4500 }, (_, i) => `Client ${i};${i === 4199 ? "BOOM" : `Deal ${i}`};Prospect;${100 + i};`);
    const before = await snapshotDeals(team.org.id);
    const importId = await uploadAs(team.admin.id, team.org.slug, [HEADER, ...rows].join("\n"));
    const failed = await startAndRun(team.admin.id, team.org.slug, importId, { mapping: ["contact", "title", "stage", "value", "owner"] });
    expect(failed).toMatchObject({ status: "failed", createdCount: 0, processedRows: 0 });
    expect(failed.error).toMatch(/^Nothing was imported: .*simulated disk failure/);
    expect(await snapshotDeals(team.org.id)).toEqual(before);
    const [changes] = await getDb().select({ n: count() }).from(importChanges).where(eq(importChanges.importId, importId));
    const [batches] = await getDb().select({ n: count() }).from(importCreatedBatches).where(eq(importCreatedBatches.importId, importId));
    expect([changes!.n, batches!.n]).toEqual([0, 0]);
    expect((await getDb().select({ n: count() }).from(deals).where(eq(deals.orgId, team.org.id)))[0]!.n).toBe(0);

    // The file is kept: once the cause is gone, the same import runs again.
    await getDb().execute(`drop trigger test_fail_on_boom on deals`);
    const retried = await startAndRun(team.admin.id, team.org.slug, importId, { mapping: ["contact", "title", "stage", "value", "owner"] });
    expect(retried).toMatchObject({ status: "completed", createdCount: 4500, processedRows: 4500 });
    await expectInvariantHolds(team.org.id);
  });
});
