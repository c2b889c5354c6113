import "server-only";

import { and, eq, sql } from "drizzle-orm";

import { imports } from "@/db/schema";

import type { DbContext } from "../context";
import type { ImportRecord } from "./run-state";

/** A run still "running" after this long lost its worker (a crash or a restart): it may be claimed again. */
export const IMPORT_STALE_SECONDS = 1800;

/**
 * The import job's bookkeeping, before a tenant exists: the job knows only the import and org ids
 * it was queued with (both are its own record's, never client input), hence `unsafe…`.
 */
export type ImportJobRef = { importId: string; orgId: string };

/**
 * Claims a queued import for this worker. A second delivery finds it no longer queued and gets
 * nothing, unless the first worker died mid-run (its transaction was rolled back, so the run
 * starts over once the claim is stale).
 */
export async function unsafeClaimImport({ db }: DbContext, { importId, orgId }: ImportJobRef): Promise<ImportRecord | undefined> {
  const [claimed] = await db
    .update(imports)
    .set({ status: "running", startedAt: new Date(), processedRows: 0, error: null })
    .where(
      and(
        eq(imports.orgId, orgId),
        eq(imports.id, importId),
        sql`(${imports.status} = 'queued' or (${imports.status} = 'running' and ${imports.startedAt} < now() - make_interval(secs => ${IMPORT_STALE_SECONDS})))`,
      ),
    )
    .returning();
  return claimed;
}

export type FailImportParams = ImportJobRef & { reason: string };

/** Nothing was written (the run's transaction rolled back): the import is failed, with why. */
export async function unsafeFailImport({ db }: DbContext, { importId, orgId, reason }: FailImportParams): Promise<void> {
  await db
    .update(imports)
    .set({ status: "failed", finishedAt: new Date(), processedRows: 0, error: `Nothing was imported: ${reason}`.slice(0, 1000) })
    .where(and(eq(imports.orgId, orgId), eq(imports.id, importId)));
}
