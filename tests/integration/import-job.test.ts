import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import * as importActions from "../../src/actions/imports";
import { getDb } from "../../src/db/client";
import { imports } from "../../src/db/schema";
import { createOrgWithTeam } from "../../src/db/seed/factories";
import { unsafePurgeStaleImportDrafts } from "../../src/server/data/imports/drafts";
import { processImportJob } from "../../src/server/jobs/import-deals";
import { asUser } from "./support/fixtures";
import { expectInvariantHolds, importRow, okData, optionsWith, uploadAs, withJobQueue } from "./support/import-fixtures";

// The real queue: the action enqueues, this process's pg-boss worker picks the job up.
withJobQueue({ work: true });

describe("the import job on pg-boss", () => {
  it("runs in the background after the action returns, reporting progress batch by batch", async () => {
    const team = await createOrgWithTeam(getDb());
    const rows = Array.from({ length: 6500 }, (_, i) => `Kunde ${i};Aftale ${i};${1000 + i},50;Lead`);
    const importId = await uploadAs(team.manager.id, team.org.slug, ["Kunde;Titel;Beløb;Status", ...rows].join("\n"));
    const started = okData(
      await asUser(team.manager.id, () =>
        importActions.startImportAction(team.org.slug, {
          importId,
          ...optionsWith({ mapping: ["contact", "title", "value", "stage"] }),
          skipInvalid: false,
        }),
      ),
    );
    expect(started).toEqual({ importId });
    expect((await importRow(importId)).status).toMatch(/queued|running/);

    const seen = new Set<number>();
    const deadline = Date.now() + 60_000;
    let imp = await importRow(importId);
    while (imp.status === "queued" || imp.status === "running") {
      if (Date.now() > deadline) throw new Error(`import still ${imp.status} after 60 s`);
      if (imp.status === "running") seen.add(imp.processedRows);
      await new Promise((r) => setTimeout(r, 40));
      imp = await importRow(importId);
    }
    expect(imp).toMatchObject({ status: "completed", createdCount: 6500, processedRows: 6500, totalRows: 6500 });
    // Progress moved in steps of a batch (2 000 rows) while the job ran.
    expect([...seen].some((n) => n > 0 && n < 6500)).toBe(true);
    expect([...seen].every((n) => n % 2000 === 0 || n === 6500)).toBe(true);
    await expectInvariantHolds(team.org.id);
  });
});

describe("the daily draft purge", () => {
  it("removes uploads left unstarted for a week, and keeps the history of imports that ran", async () => {
    const team = await createOrgWithTeam(getDb());
    const stale = await uploadAs(team.admin.id, team.org.slug, "Client\nA\n");
    const fresh = await uploadAs(team.admin.id, team.org.slug, "Client\nB\n");
    const ran = await uploadAs(team.admin.id, team.org.slug, "Client\nC\n");
    await getDb().update(imports).set({ status: "completed", source: null }).where(eq(imports.id, ran));
    await getDb()
      .update(imports)
      .set({ createdAt: sql`now() - interval '8 days'` })
      .where(sql`${imports.id} in (${stale}, ${ran})`);
    expect(await unsafePurgeStaleImportDrafts({ db: getDb() })).toBe(1);
    const left = await getDb().select({ id: imports.id }).from(imports).where(eq(imports.orgId, team.org.id));
    expect(left.map((r) => r.id).sort()).toEqual([fresh, ran].sort());
  });
});

describe("a run whose worker died", () => {
  it("is taken over by a later delivery at once, and a run that lives is not", async () => {
    const team = await createOrgWithTeam(getDb());
    const importId = await uploadAs(team.admin.id, team.org.slug, "Client;Montant\nA;100\n");
    const choices = { ...optionsWith({ mapping: ["contact", "value"] }), mode: "create" as const };
    // As if a worker had claimed it a while ago.
    await getDb()
      .update(imports)
      .set({
        status: "running",
        mapping: choices.mapping,
        options: { ...choices, mapping: undefined },
        startedAt: sql`now() - interval '1 minute'`,
      })
      .where(eq(imports.id, importId));
    // Its run still holds the run lock (its transaction is open on another connection): left alone.
    await getDb().transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${0x1e9a0001}::int4, hashtext(${importId}::text))`);
      await processImportJob({ importId, orgId: team.org.id });
    });
    expect(await importRow(importId)).toMatchObject({ status: "running", createdCount: 0 });
    // The run's transaction is gone (its process died): the next delivery runs it.
    await processImportJob({ importId, orgId: team.org.id });
    expect(await importRow(importId)).toMatchObject({ status: "completed", createdCount: 1 });
  });
});
