import { and, eq, sql } from "drizzle-orm";

import type { Database, DbOrTx } from "@/db/client";
import { imports, organizations } from "@/db/schema";
import { duePresetAt } from "@/lib/dates/due-presets";
import { csvRecordReader } from "@/lib/import/csv";
import type { CsvDelimiter } from "@/lib/import/decode";
import { decideRow, recordReader, type ReportedIssue } from "@/lib/import/plan";
import { type ImportRow, rowReader } from "@/lib/import/rows";
import { can } from "@/lib/permissions";
import { type ImportOptions, importOptionsSchema } from "@/lib/schemas/imports";
import { recordOrgDataChanged } from "@/server/data-changes";
import { pgErrorOf } from "@/server/errors";
import { resolveTenant, type TenantContext } from "@/server/tenant";

import { recordAudit } from "../audit";
import { setActor } from "../deal-scope";
import { uuidV7Generator } from "./ids";
import { replaceIssues } from "./issues";
import { findExistingDeals } from "./matching";
import { refreshStatsIfStale } from "./planner-stats";
import { loadImportRefs } from "./refs";
import { closedAtReader, type CreateOutcome, type CreateSettings, insertNewDeals } from "./write-creates";
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

/**
 * `phase` receives how long each step took (the benchmark's breakdown); production passes nothing.
 * "read" (parse + read a slice) and "build" (a batch's statement) are Node's work while the database
 * writes; "wait" is Node waiting for the database to finish a batch.
 */
export type RunHooks = { phase?: (name: string, ms: number) => void };

/**
 * Reads and writes the file batch by batch in one transaction — all or nothing. The file is parsed
 * a slice at a time, while the database writes the batch before (Node and PostgreSQL each get a
 * core). Progress is written beside the transaction, on another connection, so the page can show it.
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
  const source = imp.source;
  const csv = csvRecordReader(source, imp.delimiter as CsvDelimiter);
  const readSlice = recordReader(
    rowReader({
      headers: csv.headers,
      mapping: options.mapping,
      ...refs,
      currency: ctx.org.currency,
      locale: ctx.org.locale,
      unknownOwner: options.unknownOwner,
    }),
  );
  // New deals go to the top of their column in file order: positions count down from the column's
  // top by the line number's distance to the file's last line (any bound on it keeps the order).
  const lineBound = countLines(source);
  const now = new Date();
  const dueAt = duePresetAt(options.firstAction.due, now, ctx.org.timeZone);
  const counts = { created: 0, updated: 0, skipped: 0, failed: 0 };
  const issues: ReportedIssue[] = [];
  let recordsRead = 0;
  /** The next slice of the file read into rows (null once the file is read). */
  const readNext = (): { rows: ImportRow[]; records: number } | null => {
    const t0 = performance.now();
    const records = csv.next(BATCH_SIZE);
    if (records.length === 0) return null;
    const out = readSlice(records);
    hooks.phase?.("read", performance.now() - t0);
    counts.failed += out.invalidRows;
    counts.skipped += out.repeatedRows;
    issues.push(...out.issues);
    if (out.invalidRows > 0 && !skipInvalid) {
      let invalid = counts.failed;
      for (let rest = csv.next(BATCH_SIZE); rest.length > 0; rest = csv.next(BATCH_SIZE)) invalid += readSlice(rest).invalidRows;
      throw new ImportRefused(`${invalid} row(s) are invalid. Check the file, then fix it or choose to import only the valid rows.`);
    }
    return { rows: out.rows, records: records.length };
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
  const newId = uuidV7Generator();
  const closedAt = closedAtReader(ctx, now);

  const t0 = performance.now();
  let tCommit = 0;
  await ctx.db.transaction(async (tx) => {
    await setActor(tx, ctx);
    const bases = await stagePositionBases(tx, ctx);
    const positionOf = (row: ImportRow) => (bases.get(row.stage.id) ?? 1024) - 1024 * (lineBound + 1 - row.line);
    const settingsFor = (batch: number): CreateSettings => ({
      importId: imp.id,
      batch,
      fileName: imp.fileName,
      now,
      firstAction: { ...options.firstAction, dueAt },
      lossReasonId: refs.lossReasonId,
      positionOf,
      newId,
      closedAt,
      phase: hooks.phase,
    });
    // Statistics for the plans of the lookups after the first batch (planner-stats.ts).
    const analyze = () => timed("analyze", () => refreshStatsIfStale(tx, imp.totalRows));

    if (options.mode === "create") {
      // Each batch's statement leaves out the rows matching existing deals itself, so the next batch
      // is sent while this one runs (queued on the connection): the database goes from one batch to
      // the next without waiting for Node, which meanwhile parses and reads the slice after.
      const { message: duplicate } = decideRow("create", { status: "open" }) as { message: string };
      type Sent = { rows: ImportRow[]; records: number; write: Promise<CreateOutcome> };
      const settle = async (sent: Sent) => {
        const out = await timed("wait", () => sent.write);
        counts.created += out.ids.length;
        for (const i of out.duplicates) skip(sent.rows[i]!, duplicate);
        recordsRead += sent.records;
        progress(recordsRead);
      };
      let sent: Sent | null = null;
      let slice = readNext();
      for (let batch = 0; slice !== null; batch++) {
        const write = insertNewDeals(tx, ctx, slice.rows, settingsFor(batch), { skipDuplicates: true });
        write.catch(() => {}); // awaited in settle(); a refusal while reading must not leave it unhandled
        await new Promise((resolve) => setImmediate(resolve)); // let it reach the server
        const next = readNext();
        if (sent) await settle(sent);
        sent = { rows: slice.rows, records: slice.records, write };
        if (batch === 0) {
          await settle(sent);
          sent = null;
          await analyze();
        }
        slice = next;
      }
      if (sent) await settle(sent);
    } else {
      // Updates can change what a later row matches: look each batch up after the one before is written.
      const claimedDeals = new Map<string, number>(); // existing deal → the line that updates it
      let slice = readNext();
      for (let batch = 0; slice !== null; batch++) {
        const rows = slice.rows;
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
        const writing = insertNewDeals(tx, ctx, creates, settingsFor(batch));
        writing.catch(() => {}); // awaited below; a refusal while reading must not leave it unhandled
        // Let the INSERT reach the server, then parse and read the next slice while it runs.
        await new Promise((resolve) => setImmediate(resolve));
        const next = readNext();
        counts.created += (await timed("wait", () => writing)).ids.length;
        const outcome = await timed("update", () =>
          updateExistingDeals(tx, ctx, updates, { importId: imp.id, now, lossReasonId: refs.lossReasonId }),
        );
        counts.updated += outcome.updated.length;
        for (const s of outcome.skipped) skip(rows[s.index]!, s.message);
        if (batch === 0) await analyze();
        recordsRead += slice.records;
        progress(recordsRead);
        slice = next;
      }
    }
    await timed("report", () => replaceIssues(tx, ctx, imp.id, issues));
    await tx
      .update(imports)
      .set({
        status: "completed",
        processedRows: recordsRead,
        totalRows: recordsRead,
        createdCount: counts.created,
        updatedCount: counts.updated,
        skippedCount: counts.skipped,
        failedCount: counts.failed,
        finishedAt: new Date(),
        source: null,
      })
      .where(and(eq(imports.orgId, ctx.orgId), eq(imports.id, imp.id)));
    await recordAudit(tx, ctx, {
      entity: "import",
      entityId: imp.id,
      action: "run",
      after: { fileName: imp.fileName, mode: options.mode, ...counts },
    });
    tCommit = performance.now();
  });
  // The deferred invariant checks: one set-based query per batch (drizzle/0010).
  hooks.phase?.("commit", performance.now() - tCommit);
  hooks.phase?.("transaction", performance.now() - t0);
  await recordOrgDataChanged(ctx.db, ctx.orgId);
  return counts;
}

function countLines(text: string): number {
  let n = 1;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) n++;
  return n;
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
