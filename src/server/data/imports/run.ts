import "server-only";

import { and, eq, sql } from "drizzle-orm";

import { imports } from "@/db/schema";
import { type ImportOptions, importOptionsSchema } from "@/lib/schemas/imports";
import { recordOrgDataChanged } from "@/server/data-changes";
import type { TenantContext } from "@/server/tenant";

import { recordAudit } from "../audit";
import { inTransaction } from "../context";
import { setActor } from "../deal-scope";
import { runCreatePipeline } from "./create-pipeline";
import { replaceIssues } from "./issues";
import { holdRunLock } from "./job-state";
import { loadImportRefs } from "./refs";
import {
  failureReason,
  type ImportCounts,
  type ImportRecord,
  ImportRefused,
  type ImportRun,
  ImportSuperseded,
  openImportRun,
} from "./run-state";
import { traced, tracePhase, traceStart } from "./trace";
import { runUpdatePipeline } from "./update-pipeline";

export type RunImportParams = { record: ImportRecord };

/**
 * Reads and writes the file batch by batch in one transaction — all or nothing — through the
 * pipeline of its mode (create-pipeline.ts, update-pipeline.ts). The file is parsed a slice at a
 * time while the database writes the batch before (Node and PostgreSQL each get a core). Progress
 * is written beside the transaction, on another connection, so the page can show it. The
 * transaction holds the run's lock (job-state.ts): if the worker dies, the page knows at once.
 */
export async function runImport(ctx: TenantContext, { record }: RunImportParams): Promise<ImportCounts> {
  const source = record.source;
  if (source === null) throw new ImportRefused("The uploaded file is no longer available; upload it again.");
  const options: ImportOptions = importOptionsSchema.parse({ ...record.options, mapping: record.mapping });
  const refs = await loadImportRefs(ctx);
  const onProgress = (processedRows: number) => saveProgress(ctx, { importId: record.id, processedRows });

  let tCommit = 0;
  const counts = await traced("transaction", async () => {
    const result = await inTransaction(ctx, async (txCtx) => {
      if (!(await holdRunLock(txCtx, { record }))) throw new ImportSuperseded(`import ${record.id} is no longer this run's`);
      await setActor(txCtx);
      const run = await openImportRun(txCtx, { record: { ...record, source }, options, refs, onProgress });
      if (options.mode === "create") await runCreatePipeline(txCtx, { run });
      else await runUpdatePipeline(txCtx, { run, mode: options.mode });
      await traced("report", () => replaceIssues(txCtx, { importId: record.id, issues: run.issues }));
      await completeImport(txCtx, { run, fileName: record.fileName, mode: options.mode });
      tCommit = traceStart();
      return run.counts;
    });
    // The deferred invariant checks: one set-based query per batch (drizzle/0010).
    tracePhase("commit", tCommit);
    return result;
  });
  await recordOrgDataChanged(ctx.db, ctx.orgId);
  return counts;
}

/**
 * On its own pooled connection (`ctx` outside the run's transaction) and not awaited: the next
 * batch need not wait for it. greatest() keeps the figure from going back if two updates overtake
 * each other.
 */
function saveProgress(ctx: TenantContext, { importId, processedRows }: { importId: string; processedRows: number }) {
  void ctx.db
    .update(imports)
    .set({ processedRows: sql`greatest(${imports.processedRows}, ${processedRows})` })
    .where(and(eq(imports.orgId, ctx.orgId), eq(imports.id, importId), eq(imports.status, "running")))
    .catch((err) => console.warn(`[import] ${importId} progress not saved: ${failureReason(err)}`));
}

async function completeImport(
  ctx: TenantContext,
  { run, fileName, mode }: { run: ImportRun; fileName: string; mode: ImportOptions["mode"] },
) {
  await ctx.db
    .update(imports)
    .set({
      status: "completed",
      processedRows: run.recordsRead,
      totalRows: run.recordsRead,
      createdCount: run.counts.created,
      updatedCount: run.counts.updated,
      skippedCount: run.counts.skipped,
      failedCount: run.counts.failed,
      finishedAt: new Date(),
      source: null,
    })
    .where(and(eq(imports.orgId, ctx.orgId), eq(imports.id, run.importId)));
  await recordAudit(ctx, { entity: "import", entityId: run.importId, action: "run", after: { fileName, mode, ...run.counts } });
}
