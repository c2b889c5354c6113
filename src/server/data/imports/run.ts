import { and, eq, sql } from "drizzle-orm";
import type { Database, DbOrTx } from "@/db/client";
import { imports, organizations } from "@/db/schema";
import { duePresetAt } from "@/lib/dates/due-presets";
import { parseCsv, type CsvRecord } from "@/lib/import/csv";
import type { CsvDelimiter } from "@/lib/import/decode";
import { decideRow, recordReader, type ReportedIssue } from "@/lib/import/plan";
import { rowReader, type ImportRow } from "@/lib/import/rows";
import { importOptionsSchema, type ImportOptions } from "@/lib/schemas/imports";
import { can } from "@/lib/permissions";
import { pgErrorOf } from "@/server/errors";
import { resolveTenant, type TenantContext } from "@/server/tenant";
import { recordOrgDataChanged } from "@/server/data-changes";
import { recordAudit } from "../audit";
import { setActor } from "../deal-scope";
import { replaceIssues } from "./issues";
import { findExistingDeals } from "./matching";
import { refreshStatsIfStale } from "./planner-stats";
import { loadImportRefs } from "./refs";
import { insertNewDeals } from "./write-creates";
import { updateExistingDeals } from "./write-updates";

export const IMPORT_QUEUE = "import-deals";
/** A run still "running" after this long lost its worker (a crash or a restart): it may be claimed again. */
export const IMPORT_STALE_SECONDS = 1800;
export type ImportJobData = { importId: string; orgId: string };

/** Rows per batch: one duplicate lookup and a handful of set-based statements each, and a progress tick. */
export const BATCH_SIZE = 2000;

type ImportRecord = typeof imports.$inferSelect;

/**
 * The job body. Claims the queued import (a second delivery finds it no longer queued and stops,
 * unless the first worker died mid-run: its transaction was rolled back, so the run starts over),
 * then runs it as the person who started it, with their permission checked again. Any failure
 * rolls the whole import back — nothing is ever half-imported — and marks it failed with a reason.
 */
export async function processImportJob(db: Database, data: ImportJobData, hooks: RunHooks = {}): Promise<void> {
  const [claimed] = await db
    .update(imports)
    .set({ status: "running", startedAt: new Date(), processedRows: 0, error: null })
    .where(
      and(
        eq(imports.orgId, data.orgId),
        eq(imports.id, data.importId),
        sql`(${imports.status} = 'queued' or (${imports.status} = 'running' and ${imports.startedAt} < now() - make_interval(secs => ${IMPORT_STALE_SECONDS})))`,
      ),
    )
    .returning();
  if (!claimed) return;
  try {
    const ctx = await tenantOf(db, claimed);
    await runImport(ctx, claimed, hooks);
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

/** `phase` receives how long each step took (the benchmark's breakdown); production passes nothing. */
export type RunHooks = { phase?: (name: string, ms: number) => void };

/**
 * Parses the file, then reads and writes it batch by batch in one transaction — all or nothing.
 * While the database writes a batch, the next one is read (Node and PostgreSQL each get a core).
 * Progress is written beside the transaction, on another connection, so the page can show it.
 */
export async function runImport(ctx: TenantContext, imp: ImportRecord, hooks: RunHooks = {}) {
  if (imp.source === null) throw new ImportRefused("The uploaded file is no longer available; upload it again.");
  const timed = async <T>(name: string, fn: () => T | Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const out = await fn();
    hooks.phase?.(name, performance.now() - t0);
    return out;
  };
  const options: ImportOptions = importOptionsSchema.parse({ ...imp.options, mapping: imp.mapping });
  const skipInvalid = imp.options?.skipInvalid === true;
  const refs = await loadImportRefs(ctx);
  const { headers, records } = await timed("parse", () => parseCsv(imp.source!, imp.delimiter as CsvDelimiter));
  const readSlice = recordReader(
    rowReader({ headers, mapping: options.mapping, ...refs, currency: ctx.org.currency, locale: ctx.org.locale, unknownOwner: options.unknownOwner }),
  );
  const slices: CsvRecord[][] = [];
  for (let i = 0; i < records.length; i += BATCH_SIZE) slices.push(records.slice(i, i + BATCH_SIZE));
  const lastLine = records.at(-1)?.line ?? 0;
  const now = new Date();
  const dueAt = duePresetAt(options.firstAction.due, now, ctx.org.timeZone);
  const counts = { created: 0, updated: 0, skipped: 0, failed: 0 };
  const issues: ReportedIssue[] = [];
  const read = (slice: CsvRecord[]) => {
    const t0 = performance.now();
    const out = readSlice(slice);
    hooks.phase?.("read", performance.now() - t0);
    counts.failed += out.invalidRows;
    counts.skipped += out.repeatedRows;
    issues.push(...out.issues);
    if (out.invalidRows > 0 && !skipInvalid) {
      const rest = slices.slice(slices.indexOf(slice) + 1).reduce((n, s) => n + readSlice(s).invalidRows, 0);
      throw new ImportRefused(`${counts.failed + rest} row(s) are invalid. Check the file, then fix it or choose to import only the valid rows.`);
    }
    return out.rows;
  };
  // On its own pooled connection and not awaited: the next batch need not wait for it. greatest()
  // keeps the figure from going back if two updates overtake each other.
  const progress = (done: number) =>
    void ctx.db
      .update(imports)
      .set({ processedRows: sql`greatest(${imports.processedRows}, ${done})` })
      .where(and(eq(imports.orgId, ctx.orgId), eq(imports.id, imp.id), eq(imports.status, "running")))
      .catch((err) => console.warn(`[import] ${imp.id} progress not saved: ${failureReason(err)}`));
  const skip = (row: ImportRow, message: string) => {
    counts.skipped++;
    issues.push({ line: row.line, column: null, value: null, message, kind: "skipped" });
  };

  const t0 = performance.now();
  let tCommit = 0;
  await ctx.db.transaction(async (tx) => {
    await setActor(tx, ctx);
    const bases = await stagePositionBases(tx, ctx);
    // New deals go to the top of their column, in file order.
    const positionOf = (row: ImportRow) => (bases.get(row.stage.id) ?? 1024) - 1024 * (lastLine + 1 - row.line);
    const claimedDeals = new Map<string, number>(); // existing deal → the line that updates it
    let next = slices.length > 0 ? read(slices[0]!) : [];
    for (let batch = 0; batch < slices.length; batch++) {
      const rows = next;
      const existing = await timed("lookup", () => findExistingDeals(tx, ctx, rows));
      const creates: ImportRow[] = [];
      const updates: { index: number; row: ImportRow; dealId: string }[] = [];
      rows.forEach((row, i) => {
        const match = existing.get(i) ?? null;
        const decision = decideRow(options.mode, match);
        if (decision.action === "skip") return skip(row, decision.message);
        if (decision.action === "create") return creates.push(row);
        const earlier = claimedDeals.get(match!.id);
        if (earlier !== undefined) return skip(row, `Matches the same existing deal as line ${earlier}`);
        claimedDeals.set(match!.id, row.line);
        updates.push({ index: i, row, dealId: match!.id });
      });
      const writing = insertNewDeals(tx, ctx, creates, {
        importId: imp.id,
        batch,
        fileName: imp.fileName,
        now,
        firstAction: { ...options.firstAction, dueAt },
        lossReasonId: refs.lossReasonId,
        positionOf,
        phase: hooks.phase,
      });
      writing.catch(() => {}); // awaited below; a refusal while reading must not leave it unhandled
      // Let the INSERT reach the server, then read the next slice while it runs.
      await new Promise((resolve) => setImmediate(resolve));
      next = batch + 1 < slices.length ? read(slices[batch + 1]!) : [];
      await writing;
      counts.created += creates.length;
      const outcome = await timed("update", () => updateExistingDeals(tx, ctx, updates, { importId: imp.id, now, lossReasonId: refs.lossReasonId }));
      counts.updated += outcome.updated.length;
      for (const s of outcome.skipped) skip(rows[s.index]!, s.message);
      if (batch === 0) await timed("analyze", () => refreshStatsIfStale(tx, records.length));
      progress(Math.min(records.length, (batch + 1) * BATCH_SIZE));
    }
    await timed("report", () => replaceIssues(tx, ctx, imp.id, issues));
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
    tCommit = performance.now();
  });
  // Mostly the deferred invariant checks: one per deal and one per action written.
  hooks.phase?.("commit", performance.now() - tCommit);
  hooks.phase?.("transaction", performance.now() - t0);
  await recordOrgDataChanged(ctx.db, ctx.orgId);
  return counts;
}

/** The top of each stage's Kanban column: one index probe per stage (deals_org_stage_position_idx), not a scan of the org. */
async function stagePositionBases(tx: DbOrTx, ctx: TenantContext): Promise<Map<string, number>> {
  const rows = await tx.execute<{ stage_id: string; min: number | null }>(sql`
    select s.id as stage_id,
           (select min(d.position) from deals d where d.org_id = s.org_id and d.stage_id = s.id and d.deleted_at is null) as min
      from pipeline_stages s
     where s.org_id = ${ctx.orgId}`);
  return new Map(rows.filter((r) => r.min !== null).map((r) => [r.stage_id, Number(r.min)]));
}
