import fs from "node:fs";
import path from "node:path";

import { and, asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, expect } from "vitest";

import * as importActions from "../../../src/actions/imports";
import { getDatabaseUrl, getDb } from "../../../src/db/client";
import { actions, deals, dealStageHistory, imports } from "../../../src/db/schema";
import type { ActionResult } from "../../../src/lib/result";
import { DEFAULT_IMPORT_OPTIONS, type ImportOptions } from "../../../src/lib/schemas/imports";
import { startJobs, stopJobs } from "../../../src/server/jobs/boss";
import { processImportJob } from "../../../src/server/jobs/import-deals";
import { asUser } from "./fixtures";

export const FIXTURES = path.resolve(import.meta.dirname, "../../fixtures/import");

/**
 * pg-boss on this file's database, as the app runs it. `work: false` only lets actions enqueue
 * (tests then run the job body themselves, deterministically); `work: true` also runs the worker.
 */
export function withJobQueue(options: { work: boolean }) {
  beforeAll(async () => {
    await startJobs(getDatabaseUrl()!, options);
  });
  afterAll(async () => {
    await stopJobs();
  });
}

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(fs.readFileSync(path.join(FIXTURES, name)));
}

/** What the browser posts: a FormData holding the file. */
export function csvForm(content: string | Uint8Array, name = "deals.csv"): FormData {
  const form = new FormData();
  const bytes = typeof content === "string" ? new TextEncoder().encode(content) : content;
  form.set("file", new File([bytes as BlobPart], name, { type: "text/csv" }));
  return form;
}

export function okData<T>(result: ActionResult<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.code}: ${result.message} ${JSON.stringify(result.fieldErrors ?? {})}`);
  return result.data;
}

export async function uploadAs(userId: string, slug: string, content: string | Uint8Array, name?: string): Promise<string> {
  const result = await asUser(userId, () => importActions.uploadImportAction(slug, csvForm(content, name)));
  return okData(result).importId;
}

export type Choices = Partial<Omit<ImportOptions, "mapping">> & { mapping: ImportOptions["mapping"] };

export function optionsWith(choices: Choices): ImportOptions {
  return { ...DEFAULT_IMPORT_OPTIONS, ...choices };
}

/**
 * Starts the import as the user and runs the job body right here (these test files start no
 * worker; import-job.test.ts exercises the real pg-boss queue). Returns the import row after the run.
 */
export async function startAndRun(userId: string, slug: string, importId: string, choices: Choices, skipInvalid = false) {
  okData(await asUser(userId, () => importActions.startImportAction(slug, { importId, ...optionsWith(choices), skipInvalid })));
  const [imp] = await getDb().select().from(imports).where(eq(imports.id, importId));
  await processImportJob({ importId, orgId: imp!.orgId });
  return importRow(importId);
}

export async function importRow(importId: string) {
  const [imp] = await getDb().select().from(imports).where(eq(imports.id, importId));
  return imp!;
}

/** Every row of the org's deals, actions and stage history, in a stable order: "exactly as before" is deep equality. */
export async function snapshotDeals(orgId: string) {
  const db = getDb();
  return {
    deals: await db.select().from(deals).where(eq(deals.orgId, orgId)).orderBy(asc(deals.id)),
    actions: await db.select().from(actions).where(eq(actions.orgId, orgId)).orderBy(asc(actions.id)),
    history: await db.select().from(dealStageHistory).where(eq(dealStageHistory.orgId, orgId)).orderBy(asc(dealStageHistory.id)),
  };
}

export async function dealsByContact(orgId: string) {
  const rows = await getDb()
    .select()
    .from(deals)
    .where(and(eq(deals.orgId, orgId), sql`${deals.deletedAt} is null`))
    .orderBy(asc(deals.contactName));
  return new Map(rows.map((d) => [d.contactName, d]));
}

/** Every open deal has exactly one pending action and closed ones none (the database checks this too). */
export async function expectInvariantHolds(orgId: string) {
  const [bad] = await getDb().execute<{ n: number }>(sql`
    select count(*)::int as n from deals d
     where d.org_id = ${orgId} and d.deleted_at is null
       and (select count(*) from actions a where a.org_id = d.org_id and a.deal_id = d.id and a.completed_at is null)
           <> case when d.status = 'open' then 1 else 0 end`);
  expect(bad!.n).toBe(0);
}
