import "server-only";

import { can } from "@/lib/permissions";
import { databaseContext } from "@/server/data/context";
import { type ImportJobRef, unsafeClaimImport, unsafeFailImport } from "@/server/data/imports/job-state";
import { runImport } from "@/server/data/imports/run";
import { failureReason, ImportRefused, ImportSuperseded } from "@/server/data/imports/run-state";
import { NotFoundError, pgErrorOf } from "@/server/errors";
import { resolveTenantById } from "@/server/tenant";

export const IMPORT_QUEUE = "import-deals";
export type ImportJobData = ImportJobRef;

/**
 * The CSV import job (queued by startImport). Claims the queued import, then runs it as the person
 * who started it, in its org, with their permission checked again. Any failure rolls the whole
 * import back — nothing is ever half-imported — and marks it failed with a reason. A worker that
 * dies mid-run leaves the import "running" without its run lock: the page marks it failed at once
 * (failDeadImports), and a later delivery of this job claims it again and starts over.
 */
export async function processImportJob(data: ImportJobData): Promise<void> {
  const dbCtx = databaseContext();
  const claimed = await unsafeClaimImport(dbCtx, data);
  if (!claimed) return;
  try {
    if (!claimed.createdBy) throw new ImportRefused("The person who started this import no longer has an account.");
    const ctx = await resolveTenantById({ userId: claimed.createdBy }, claimed.orgId).catch((err: unknown) => {
      if (err instanceof NotFoundError)
        throw new ImportRefused("The person who started this import is no longer a member of this organization.");
      throw err;
    });
    if (!can(ctx.role, "import.run")) throw new ImportRefused("The person who started this import may no longer import.");
    await runImport(ctx, { record: claimed });
  } catch (err) {
    if (err instanceof ImportSuperseded) return void console.warn(`[import] ${claimed.id}: taken over by another run; this one stopped.`);
    const reason = failureReason(err);
    if (err instanceof ImportRefused) console.warn(`[import] ${claimed.id} refused: ${reason}`);
    // Not the error object itself: drizzle's carries the whole statement and its 2 000-row parameters.
    else console.error(`[import] ${claimed.id} failed: ${reason}`, pgErrorOf(err) ? "" : (err as Error)?.stack);
    await unsafeFailImport(dbCtx, { importId: claimed.id, orgId: claimed.orgId, reason });
  }
}
