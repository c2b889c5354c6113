import "server-only";

import { and, eq, type SQL, sql } from "drizzle-orm";

import { imports } from "@/db/schema";
import type { TenantContext } from "@/server/tenant";

import type { DbContext } from "../context";
import type { ImportRecord } from "./run-state";

/**
 * pg-boss's expiry of an import job: an upper bound on one run. A worker that died is not waited
 * for (see isDeadRun); this only lets pg-boss deliver a lost job again.
 */
export const IMPORT_JOB_EXPIRE_SECONDS = 1800;

/**
 * A run holds a transaction-level advisory lock on its import for as long as its transaction is
 * open (holdRunLock). PostgreSQL drops it the moment the run's connection goes — worker killed,
 * server killed — so "running without the lock" is a dead run, known at once, with no heartbeat to
 * tune. The first key names the lock's purpose (no other advisory lock of the app uses it).
 */
const RUN_LOCK_CLASS = 0x1e9a0001;

/**
 * Between the claim (committed, so the page shows "Importing") and the run's transaction taking
 * its lock, the run has only resolved its tenant: a few milliseconds. A claim younger than this
 * is never judged dead.
 */
export const CLAIM_GRACE_SECONDS = 10;

const runLockKey = (importId: SQL | string) => sql`${RUN_LOCK_CLASS}::int4, hashtext((${importId})::text)`;

/** The condition "this import's run lost its worker", on the `imports` row being read or updated. */
const isDeadRun = sql`(${imports.status} = 'running'
  and ${imports.startedAt} < now() - make_interval(secs => ${CLAIM_GRACE_SECONDS})
  and not exists (
    select 1 from pg_locks l
     where l.locktype = 'advisory' and l.database = (select oid from pg_database where datname = current_database())
       and l.classid = ${RUN_LOCK_CLASS}::int4::oid and l.objid = hashtext(${imports.id}::text)::oid and l.objsubid = 2
       and l.granted))`;

/**
 * The import job's bookkeeping, before a tenant exists: the job knows only the import and org ids
 * it was queued with (both are its own record's, never client input), hence `unsafe…`.
 */
export type ImportJobRef = { importId: string; orgId: string };

/**
 * Claims a queued import for this worker. A second delivery finds it no longer queued and gets
 * nothing, unless the first run died (its transaction rolled back, nothing of it was written):
 * the run then starts over.
 */
export async function unsafeClaimImport({ db }: DbContext, { importId, orgId }: ImportJobRef): Promise<ImportRecord | undefined> {
  const [claimed] = await db
    .update(imports)
    .set({ status: "running", startedAt: new Date(), processedRows: 0, error: null })
    .where(and(eq(imports.orgId, orgId), eq(imports.id, importId), sql`(${imports.status} = 'queued' or ${isDeadRun})`))
    .returning();
  return claimed;
}

/**
 * First statement of a run's transaction: takes the run's lock, then checks the import is still
 * this claim's (a dead run marked failed, or claimed again by a later delivery, is not). False: the
 * run must not write anything.
 */
export async function holdRunLock(ctx: TenantContext, { record }: { record: ImportRecord }): Promise<boolean> {
  const [lock] = await ctx.db.execute<{ locked: boolean }>(sql`select pg_try_advisory_xact_lock(${runLockKey(record.id)}) as locked`);
  if (!lock?.locked) return false;
  // A statement of its own: its snapshot is taken after the lock, so it sees any claim committed before.
  const [mine] = await ctx.db
    .select({ id: imports.id })
    .from(imports)
    .where(
      and(
        eq(imports.orgId, ctx.orgId),
        eq(imports.id, record.id),
        eq(imports.status, "running"),
        eq(imports.startedAt, record.startedAt ?? new Date(0)),
      ),
    );
  return mine !== undefined;
}

export const INTERRUPTED_MESSAGE = "Nothing was imported: the import stopped before it finished (the server was restarted).";

/**
 * Marks the org's dead runs failed, so the page offers to start them again at once instead of
 * showing "Importing" until the job expires. Nothing of a dead run was written (one transaction).
 * Returns how many it marked.
 */
export async function failDeadImports(ctx: TenantContext): Promise<number> {
  const failed = await ctx.db
    .update(imports)
    .set({ status: "failed", finishedAt: new Date(), processedRows: 0, error: INTERRUPTED_MESSAGE })
    .where(and(eq(imports.orgId, ctx.orgId), isDeadRun))
    .returning({ id: imports.id });
  return failed.length;
}

export type FailImportParams = ImportJobRef & { reason: string };

/** Nothing was written (the run's transaction rolled back): the import is failed, with why. */
export async function unsafeFailImport({ db }: DbContext, { importId, orgId, reason }: FailImportParams): Promise<void> {
  await db
    .update(imports)
    .set({ status: "failed", finishedAt: new Date(), processedRows: 0, error: `Nothing was imported: ${reason}`.slice(0, 1000) })
    .where(and(eq(imports.orgId, orgId), eq(imports.id, importId), eq(imports.status, "running")));
}
