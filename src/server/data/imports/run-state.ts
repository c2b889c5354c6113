import "server-only";

import { sql } from "drizzle-orm";

import type { imports } from "@/db/schema";
import { duePresetAt } from "@/lib/dates/due-presets";
import { csvRecordReader } from "@/lib/import/csv";
import type { CsvDelimiter } from "@/lib/import/decode";
import { firstStepFor } from "@/lib/import/first-steps";
import { recordReader, type ReportedIssue } from "@/lib/import/plan";
import { importDateOrders, type ImportRow, rowReader } from "@/lib/import/rows";
import type { ImportOptions } from "@/lib/schemas/imports";
import { pgErrorOf } from "@/server/errors";
import type { TenantContext } from "@/server/tenant";

import { uuidV7Generator } from "./ids";
import type { ImportRefs } from "./refs";
import { tracePhase, traceStart } from "./trace";
import { closedAtReader, createdAtReader, type CreateSettings } from "./write-creates";

/** Rows per batch: one duplicate lookup and a handful of set-based statements each, and a progress tick. */
export const BATCH_SIZE = 2000;

export type ImportRecord = typeof imports.$inferSelect;
export type ImportCounts = { created: number; updated: number; skipped: number; failed: number };
export type ImportSlice = { rows: ImportRow[]; records: number };

/** A run that stops for a reason the user can act on (not a bug): logged without a stack. */
export class ImportRefused extends Error {}

/** The run found its import no longer its own (a later delivery or a retry took it over): it writes nothing and reports nothing. */
export class ImportSuperseded extends Error {}

/**
 * What the create and update pipelines share: the file read a slice at a time, the settings of
 * each batch's insert, and the run's tally (counts, the report's issues, records read).
 */
export type ImportRun = {
  importId: string;
  totalRows: number;
  lossReasonId: string | null;
  now: Date;
  counts: ImportCounts;
  issues: ReportedIssue[];
  recordsRead: number;
  /** The next slice of the file read into rows (null once the file is read). */
  readNext(): ImportSlice | null;
  settingsFor(batch: number): CreateSettings;
  skip(row: ImportRow, message: string): void;
  /** Counts a written slice and shows the progress to the user. */
  advance(records: number): void;
};

export type OpenImportRunParams = {
  record: ImportRecord & { source: string };
  options: ImportOptions;
  refs: ImportRefs;
  /** Called with the records written so far, after each batch. */
  onProgress: (recordsRead: number) => void;
};

/** The database's own message when it refused (not drizzle's "Failed query: …" wrapper). */
export function failureReason(err: unknown): string {
  const pg = pgErrorOf(err);
  if (pg?.message) return `the database refused a row (${pg.message})`;
  return err instanceof Error ? err.message : String(err);
}

/**
 * Every date column's order for the whole run, as the check read it: the user's choice, else what
 * the whole column proves — a pass of its own over the file (one for all date columns), since the
 * run reads it in slices.
 */
function runDateOrders(ctx: TenantContext, imp: OpenImportRunParams["record"], options: OpenImportRunParams["options"]) {
  const all = function* () {
    const scan = csvRecordReader(imp.source, imp.delimiter as CsvDelimiter);
    for (let batch = scan.next(5000); batch.length > 0; batch = scan.next(5000)) yield* batch;
  };
  return importDateOrders(options.mapping, all(), ctx.org.locale, options.dateOrder);
}

/** Prepares a run inside its transaction (`ctx.db`): reads where each stage's column starts. */
export async function openImportRun(
  ctx: TenantContext,
  { record: imp, options, refs, onProgress }: OpenImportRunParams,
): Promise<ImportRun> {
  const skipInvalid = imp.options?.skipInvalid === true;
  const csv = csvRecordReader(imp.source, imp.delimiter as CsvDelimiter);
  const readSlice = recordReader(
    rowReader({
      headers: csv.headers,
      mapping: options.mapping,
      ...refs,
      stageValues: options.stageValues,
      currency: ctx.org.currency,
      locale: ctx.org.locale,
      ...runDateOrders(ctx, imp, options),
      unknownOwner: options.unknownOwner,
    }),
  );
  // New deals go to the top of their column in file order: positions count down from the column's
  // top by the line number's distance to the file's last line (any bound on it keeps the order).
  const lineBound = countLines(imp.source);
  const bases = await stagePositionBases(ctx);
  const positionOf = (row: ImportRow) => (bases.get(row.stage.id) ?? 1024) - 1024 * (lineBound + 1 - row.line);
  const now = new Date();
  const firstAction = { ...options.firstAction, dueAt: duePresetAt(options.firstAction.due, now, ctx.org.timeZone) };
  // Each open stage's first step, worked out once per stage rather than per row.
  const steps = new Map(refs.stages.map((s) => [s.id, firstStepFor(s, ctx.org.locale, options.firstAction.details)]));
  const firstStepOf = (row: ImportRow) => steps.get(row.stage.id) ?? options.firstAction.details;
  const newId = uuidV7Generator();
  const closedAt = closedAtReader(ctx, now);
  const createdAt = createdAtReader(ctx, now);

  const run: ImportRun = {
    importId: imp.id,
    totalRows: imp.totalRows,
    lossReasonId: refs.lossReasonId,
    now,
    counts: { created: 0, updated: 0, skipped: 0, failed: 0 },
    issues: [],
    recordsRead: 0,
    readNext() {
      const t0 = traceStart();
      const records = csv.next(BATCH_SIZE);
      if (records.length === 0) return null;
      const out = readSlice(records);
      tracePhase("read", t0);
      run.counts.failed += out.invalidRows;
      run.counts.skipped += out.repeatedRows;
      run.issues.push(...out.issues);
      if (out.invalidRows > 0 && !skipInvalid) {
        let invalid = run.counts.failed;
        for (let rest = csv.next(BATCH_SIZE); rest.length > 0; rest = csv.next(BATCH_SIZE)) invalid += readSlice(rest).invalidRows;
        throw new ImportRefused(`${invalid} row(s) are invalid. Check the file, then fix it or choose to import only the valid rows.`);
      }
      return { rows: out.rows, records: records.length };
    },
    settingsFor: (batch) => ({
      importId: imp.id,
      batch,
      fileName: imp.fileName,
      now,
      firstAction,
      firstStepOf,
      lossReasonId: refs.lossReasonId,
      positionOf,
      newId,
      closedAt,
      createdAt,
    }),
    skip(row, message) {
      run.counts.skipped++;
      run.issues.push({ line: row.line, column: null, value: null, message, kind: "skipped" });
    },
    advance(records) {
      run.recordsRead += records;
      onProgress(run.recordsRead);
    },
  };
  return run;
}

function countLines(text: string): number {
  let n = 1;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) n++;
  return n;
}

/** The top of each stage's Kanban column: one index probe per stage (deals_org_stage_position_idx), not a scan of the org. */
async function stagePositionBases(ctx: TenantContext): Promise<Map<string, number>> {
  const rows = await ctx.db.execute<{ stage_id: string; min: number | null }>(sql`
    select s.id as stage_id,
           (select min(d.position) from deals d where d.org_id = s.org_id and d.stage_id = s.id and d.deleted_at is null) as min
      from pipeline_stages s
     where s.org_id = ${ctx.orgId}`);
  return new Map(rows.filter((r) => r.min !== null).map((r) => [r.stage_id, Number(r.min)]));
}
