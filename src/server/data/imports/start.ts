import "server-only";

import { and, eq, inArray } from "drizzle-orm";

import { imports } from "@/db/schema";
import type { ImportOptions } from "@/lib/schemas/imports";
import { ConflictError } from "@/server/errors";
import { enqueue } from "@/server/jobs/boss";
import { IMPORT_QUEUE, type ImportJobData } from "@/server/jobs/import-deals";
import { requirePermission, type TenantContext } from "@/server/tenant";

import { listStages } from "../stages";
import { failDeadImports } from "./job-state";
import { assertMappingFits, assertOwnStages, loadEditableImport, savedOptions } from "./validate";

/**
 * Queues the run. The request only saves the choices and enqueues: the job reads the file, so a
 * 100 000-row import never holds a request open. `skipInvalid` records the user's choice to
 * "import the valid rows"; without it the job refuses a file with invalid rows.
 */
export type StartImportParams = ImportOptions & { importId: string; skipInvalid: boolean };

export async function startImport(ctx: TenantContext, { importId, ...options }: StartImportParams) {
  requirePermission(ctx, "import.run");
  await failDeadImports(ctx); // a run whose worker died can be started again at once
  const imp = await loadEditableImport(ctx, { importId });
  assertMappingFits(imp.headers, options);
  if (options.stageValues.length > 0) assertOwnStages(await listStages(ctx), options);
  const [queued] = await ctx.db
    .update(imports)
    .set({
      ...savedOptions(options),
      status: "queued",
      queuedAt: new Date(),
      startedAt: null,
      finishedAt: null,
      processedRows: 0,
      createdCount: 0,
      updatedCount: 0,
      skippedCount: 0,
      failedCount: 0,
      error: null,
    })
    .where(and(eq(imports.orgId, ctx.orgId), eq(imports.id, importId), inArray(imports.status, ["draft", "failed"])))
    .returning({ id: imports.id });
  if (!queued) throw new ConflictError("This import was started meanwhile.");
  try {
    await enqueue<ImportJobData>(IMPORT_QUEUE, { importId, orgId: ctx.orgId });
  } catch (err) {
    console.error("[import] could not enqueue", err);
    await ctx.db
      .update(imports)
      .set({ status: "failed", error: "Nothing was imported: the job queue is not available. Try again in a moment." })
      .where(and(eq(imports.orgId, ctx.orgId), eq(imports.id, importId)));
    throw new ConflictError("The import could not be queued. Try again in a moment.");
  }
  return { importId };
}
