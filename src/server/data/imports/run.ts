import { and, eq, sql } from "drizzle-orm";
import type { Database, DbOrTx } from "@/db/client";
import { imports, organizations } from "@/db/schema";
import { duePresetAt } from "@/lib/dates/due-presets";
import { parseCsv } from "@/lib/import/csv";
import type { CsvDelimiter } from "@/lib/import/decode";
import { decideRow, readRecords, type ReportedIssue } from "@/lib/import/plan";
import { rowReader, type ImportRow } from "@/lib/import/rows";
import { importOptionsSchema, type ImportOptions } from "@/lib/schemas/imports";
import { can } from "@/lib/permissions";
import { pgErrorOf } from "@/server/errors";
import { resolveTenant, type TenantContext } from "@/server/tenant";
import { recordAudit } from "../audit";
import { setActor } from "../deal-scope";
import { replaceIssues } from "./issues";
import { findExistingDeals } from "./matching";
import { refreshStatsIfStale } from "./planner-stats";
import { loadImportRefs } from "./refs";
import { insertNewDeals } from "./write-creates";
import { updateExistingDeals } from "./write-updates";

export const IMPORT_QUEUE = "import-deals";
export type ImportJobData = { importId: string; orgId: string };

/** Rows per batch: one duplicate lookup and a handful of set-based statements each, and a progress tick. */
export const BATCH_SIZE = 2000;

type ImportRecord = typeof imports.$inferSelect;

/**
 * The job body. Claims the queued import (a second delivery finds it no longer queued and stops),
 * then runs it as the person who started it, with their permission checked again. Any failure
 * rolls the whole import back — nothing is ever half-imported — and marks it failed with a reason.
 */
export async function processImportJob(db: Database, data: ImportJobData): Promise<void> {
  const [claimed] = await db
    .update(imports)
    .set({ status: "running", startedAt: new Date(), processedRows: 0, error: null })
    .where(and(eq(imports.orgId, data.orgId), eq(imports.id, data.importId), eq(imports.status, "queued")))
    .returning();
  if (!claimed) return;
  try {
    const ctx = await tenantOf(db, claimed);
    await runImport(ctx, claimed);
  } catch (err) {
    const reason = failureReason(err);
    if (err instanceof ImportRefused) console.warn(`[import] ${claimed.id} refused: ${reason}`);
    // Not the error object itself: drizzle's carries the whole statement and its 2 000-row parameters.
    else console.error(`[import] ${claimed.id} failed: ${reason}`, pgErrorOf(err) ? "" : (err as Error)?.stack);
    await db
      .update(imports)
      .set({ status: "failed", finishedAt: new Date(), processedRows: 0, error: `Nothing was imported: ${reason}`.slice(0, 1000) })
      .where(and(eq(imports.orgId, claimed.orgId), eq(imports.id, claimed.id)));
  }
}

/** A run that stops for a reason the user can act on (not a bug): logged without a stack. */
class ImportRefused extends Error {}

async function tenantOf(db: Database, imp: ImportRecord): Promise<TenantContext> {
  const [org] = await db.select({ slug: organizations.slug }).from(organizations).where(eq(organizations.id, imp.orgId));
  if (!org || !imp.createdBy) throw new ImportRefused("The person who started this import no longer has an account.");
  const ctx = await resolveTenant({ userId: imp.createdBy }, org.slug, db);
  if (!can(ctx.role, "import.run")) throw new ImportRefused("The person who started this import may no longer import.");
  return ctx;
}

/** The database's own message when it refused (not drizzle's "Failed query: …" wrapper). */
function failureReason(err: unknown): string {
  const pg = pgErrorOf(err);
  if (pg?.message) return `the database refused a row (${pg.message})`;
  return err instanceof Error ? err.message : String(err);
}

export type RunHooks = { afterBatch?: (batch: number, tx: DbOrTx) => Promise<void> };

/** Parses, reads and writes the whole file in one transaction; progress is written beside it, outside. */
export async function runImport(ctx: TenantContext, imp: ImportRecord, hooks: RunHooks = {}) {
  if (imp.source === null) throw new ImportRefused("The uploaded file is no longer available; upload it again.");
  const options: ImportOptions = importOptionsSchema.parse({ ...imp.options, mapping: imp.mapping });
  const refs = await loadImportRefs(ctx);
  const { headers, records } = parseCsv(imp.source, imp.delimiter as CsvDelimiter);
  const read = rowReader({ headers, mapping: options.mapping, ...refs, currency: ctx.org.currency, locale: ctx.org.locale, unknownOwner: options.unknownOwner });
  const { rows, issues, invalidRows, repeatedRows } = readRecords(records, read);
  if (invalidRows > 0 && imp.options?.skipInvalid !== true) {
    throw new ImportRefused(`${invalidRows} row(s) are invalid. Check the file, then fix it or choose to import only the valid rows.`);
  }
  const now = new Date();
  const dueAt = duePresetAt(options.firstAction.due, now, ctx.org.timeZone);
  const counts = { created: 0, updated: 0, skipped: repeatedRows, failed: invalidRows };
  const progress = (done: number) =>
    ctx.db.update(imports).set({ processedRows: done }).where(and(eq(imports.orgId, ctx.orgId), eq(imports.id, imp.id)));

  await ctx.db.transaction(async (tx) => {
    await setActor(tx, ctx);
    const bases = await stagePositionBases(tx, ctx);
    const positionOf = (row: ImportRow, index: number) => (bases.get(row.stage.id) ?? 1024) - 1024 * (rows.length - index);
    const claimedDeals = new Map<string, number>(); // existing deal → the line that updates it
    for (let start = 0, batch = 0; start < rows.length; start += BATCH_SIZE, batch++) {
      const slice = rows.slice(start, start + BATCH_SIZE);
      const existing = await findExistingDeals(tx, ctx, slice);
      const creates: { row: ImportRow; index: number }[] = [];
      const updates: { row: ImportRow; index: number; dealId: string }[] = [];
      slice.forEach((row, i) => {
        const match = existing.get(i) ?? null;
        const decision = decideRow(options.mode, match);
        if (decision.action === "skip") return skip(row, decision.message);
        if (decision.action === "create") return creates.push({ row, index: start + i });
        const earlier = claimedDeals.get(match!.id);
        if (earlier !== undefined) return skip(row, `Matches the same existing deal as line ${earlier}`);
        claimedDeals.set(match!.id, row.line);
        updates.push({ row, index: start + i, dealId: match!.id });
      });
      await insertNewDeals(tx, ctx, creates, {
        importId: imp.id,
        batch,
        fileName: imp.fileName,
        now,
        firstAction: { ...options.firstAction, dueAt },
        lossReasonId: refs.lossReasonId,
        positionOf,
      });
      counts.created += creates.length;
      const outcome = await updateExistingDeals(tx, ctx, updates, { importId: imp.id, now, lossReasonId: refs.lossReasonId });
      counts.updated += outcome.updated.length;
      for (const s of outcome.skipped) skip(rows[s.index]!, s.message);
      if (batch === 0) await refreshStatsIfStale(tx, rows.length);
      await hooks.afterBatch?.(batch, tx);
      await progress(Math.min(records.length, invalidRows + repeatedRows + start + slice.length));
    }
    await replaceIssues(tx, ctx, imp.id, issues);
    await tx
      .update(imports)
      .set({
        status: "completed",
        processedRows: records.length,
        totalRows: records.length,
        createdCount: counts.created,
        updatedCount: counts.updated,
        skippedCount: counts.skipped,
        failedCount: counts.failed,
        finishedAt: new Date(),
        source: null,
      })
      .where(and(eq(imports.orgId, ctx.orgId), eq(imports.id, imp.id)));
    await recordAudit(tx, ctx, { entity: "import", entityId: imp.id, action: "run", after: { fileName: imp.fileName, mode: options.mode, ...counts } });
  });
  return counts;

  function skip(row: ImportRow, message: string) {
    counts.skipped++;
    issues.push({ line: row.line, column: null, value: null, message, kind: "skipped" } satisfies ReportedIssue);
  }
}

/** The top of each stage's Kanban column: imported deals go above it, in file order. */
async function stagePositionBases(tx: DbOrTx, ctx: TenantContext): Promise<Map<string, number>> {
  const rows = await tx.execute<{ stage_id: string; min: number }>(sql`
    select stage_id, min(position) as min from deals where org_id = ${ctx.orgId} and deleted_at is null group by stage_id`);
  return new Map(rows.map((r) => [r.stage_id, Number(r.min)]));
}
