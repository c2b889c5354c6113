import { and, eq, isNull, sql } from "drizzle-orm";
import postgres from "postgres";
import { describe, expect, it } from "vitest";

import * as importActions from "../../src/actions/imports";
import { getDatabaseUrl, getDb } from "../../src/db/client";
import { deals, imports } from "../../src/db/schema";
import { createOrgWithTeam } from "../../src/db/seed/factories";
import { getImport } from "../../src/server/data/imports/drafts";
import { INTERRUPTED_MESSAGE, unsafeClaimImport } from "../../src/server/data/imports/job-state";
import { processImportJob } from "../../src/server/jobs/import-deals";
import { asUser, ctxFor } from "./support/fixtures";
import { expectInvariantHolds, importRow, okData, optionsWith, uploadAs, withJobQueue } from "./support/import-fixtures";

// Actions enqueue; the tests run the job body themselves.
withJobQueue({ work: false });

const ROWS = 4500;
const choices = optionsWith({ mapping: ["contact", "title", "value"] });
const file = ["Client;Titre;Montant", ...Array.from({ length: ROWS }, (_, i) => `Client ${i};Crash ${i};${100 + i}`)].join("\n");

/**
 * A run as the job leaves it: claimed ("running"), its transaction open on its own connection and
 * holding the run lock, as holdRunLock takes it. kill() ends that connection the way a killed
 * worker's ends: PostgreSQL rolls the transaction back and drops the lock.
 */
async function liveRunOn(importId: string) {
  const conn = postgres(getDatabaseUrl()!, { max: 1, onnotice: () => {} });
  let pid = 0;
  let locked!: () => void;
  let killed!: () => void;
  const lockTaken = new Promise<void>((resolve) => (locked = resolve));
  const dead = new Promise<void>((resolve) => (killed = resolve));
  void conn
    .begin(async (tx) => {
      [{ pid }] = await tx`select pg_backend_pid() as pid`;
      await tx`select pg_advisory_xact_lock(${0x1e9a0001}::int4, hashtext(${importId}::text))`;
      locked();
      await dead; // between two batches (Node parsing the next slice), until it is killed
    })
    .catch(() => undefined);
  await lockTaken;
  return {
    async kill() {
      await conn.end({ timeout: 0 }); // the socket is destroyed, no ROLLBACK is sent
      killed();
      // PostgreSQL notices the closed socket at once; wait until the backend is gone, as after a crash.
      for (let i = 0; i < 100; i++) {
        const [alive] = await getDb().execute<{ n: number }>(sql`select count(*)::int as n from pg_stat_activity where pid = ${pid}`);
        if (alive?.n === 0) return;
        await new Promise((r) => setTimeout(r, 20));
      }
      throw new Error("the run's connection outlived its client");
    },
  };
}

async function startAs(userId: string, slug: string, importId: string) {
  okData(await asUser(userId, () => importActions.startImportAction(slug, { importId, ...choices, skipInvalid: false })));
}

const crashDeals = (orgId: string) =>
  getDb()
    .select({ title: deals.title })
    .from(deals)
    .where(and(eq(deals.orgId, orgId), isNull(deals.deletedAt), sql`${deals.title} like 'Crash %'`));

describe("an import whose worker is killed mid-run", () => {
  it("shows importing while its run lives, failed with a retry the moment it dies, and imports every row once when started again", async () => {
    const team = await createOrgWithTeam(getDb());
    const importId = await uploadAs(team.manager.id, team.org.slug, file);
    await startAs(team.manager.id, team.org.slug, importId);
    const claimed = await unsafeClaimImport({ db: getDb() }, { importId, orgId: team.org.id });
    expect(claimed?.status).toBe("running");
    // Long past the claim's grace, and with progress shown, as at "Importing 2 %".
    await getDb()
      .update(imports)
      .set({ startedAt: sql`now() - interval '1 minute'`, processedRows: 2000 })
      .where(eq(imports.id, importId));
    const run = await liveRunOn(importId);

    const look = () => asUser(team.manager.id, () => importActions.discardImportAction(team.org.slug, { importId }));
    // While the run lives, nothing takes it over: neither a look, nor discard, nor a later delivery of the job.
    expect(await look()).toMatchObject({ ok: false, code: "CONFLICT" });
    await processImportJob({ importId, orgId: team.org.id });
    expect(await importRow(importId)).toMatchObject({ status: "running", processedRows: 2000 });

    await run.kill();
    // The next look knows at once: failed, nothing imported, and it can be started again (the page's retry).
    const started = await asUser(team.manager.id, () =>
      importActions.startImportAction(team.org.slug, { importId, ...choices, skipInvalid: false }),
    );
    expect(started).toMatchObject({ ok: true });
    expect(await importRow(importId)).toMatchObject({ status: "queued", error: null });
    await processImportJob({ importId, orgId: team.org.id });
    expect(await importRow(importId)).toMatchObject({ status: "completed", createdCount: ROWS, processedRows: ROWS });
    // A late redelivery of the dead run's job changes nothing.
    await processImportJob({ importId, orgId: team.org.id });
    const titles = (await crashDeals(team.org.id)).map((d) => d.title);
    expect(titles).toHaveLength(ROWS);
    expect(new Set(titles).size).toBe(ROWS);
    await expectInvariantHolds(team.org.id);
  });

  it("is marked failed with why when someone looks, so the page shows the retry; it can then be discarded", async () => {
    const team = await createOrgWithTeam(getDb());
    const importId = await uploadAs(team.manager.id, team.org.slug, file);
    await startAs(team.manager.id, team.org.slug, importId);
    await unsafeClaimImport({ db: getDb() }, { importId, orgId: team.org.id });
    const run = await liveRunOn(importId);
    await run.kill();
    // Within the claim's grace a run is not judged (it has not taken its lock yet).
    const ctx = await ctxFor(team.manager.id, team.org.slug);
    expect((await getImport(ctx, { importId })).status).toBe("running");
    await getDb()
      .update(imports)
      .set({ startedAt: sql`now() - interval '11 seconds'` })
      .where(eq(imports.id, importId));
    expect(await getImport(ctx, { importId })).toMatchObject({ status: "failed", error: INTERRUPTED_MESSAGE, processedRows: 0 });
    expect(await asUser(team.manager.id, () => importActions.discardImportAction(team.org.slug, { importId }))).toMatchObject({
      ok: true,
    });
    expect(await crashDeals(team.org.id)).toHaveLength(0);
  });

  it("is not judged dead while its run is alive, however long it runs", async () => {
    const team = await createOrgWithTeam(getDb());
    const rows = 12_000;
    const big = ["Client;Titre;Montant", ...Array.from({ length: rows }, (_, i) => `Client ${i};Crash ${i};${100 + i}`)].join("\n");
    const importId = await uploadAs(team.manager.id, team.org.slug, big);
    await startAs(team.manager.id, team.org.slug, importId);
    const running = processImportJob({ importId, orgId: team.org.id });
    // Once a batch is written the run holds its lock; it then looks old enough to be judged.
    while ((await importRow(importId)).processedRows === 0) await new Promise((r) => setTimeout(r, 10));
    await getDb()
      .update(imports)
      .set({ startedAt: sql`now() - interval '1 hour'` })
      .where(eq(imports.id, importId));
    const ctx = await ctxFor(team.manager.id, team.org.slug);
    expect((await getImport(ctx, { importId })).status).toBe("running");
    await running;
    expect(await importRow(importId)).toMatchObject({ status: "completed", createdCount: rows });
  });

  it("is claimed again by a later delivery of its job, which imports every row once", async () => {
    const team = await createOrgWithTeam(getDb());
    const importId = await uploadAs(team.manager.id, team.org.slug, file);
    await startAs(team.manager.id, team.org.slug, importId);
    await unsafeClaimImport({ db: getDb() }, { importId, orgId: team.org.id });
    await getDb()
      .update(imports)
      .set({ startedAt: sql`now() - interval '1 minute'` })
      .where(eq(imports.id, importId));
    await processImportJob({ importId, orgId: team.org.id });
    expect(await importRow(importId)).toMatchObject({ status: "completed", createdCount: ROWS });
    expect(new Set((await crashDeals(team.org.id)).map((d) => d.title)).size).toBe(ROWS);
  });
});
