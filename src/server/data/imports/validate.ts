import "server-only";

import { and, eq } from "drizzle-orm";

import { imports } from "@/db/schema";
import { parseCsv } from "@/lib/import/csv";
import type { CsvDelimiter } from "@/lib/import/decode";
import { decideRow, readRecords, type ReportedIssue } from "@/lib/import/plan";
import { importDateOrders, rowReader } from "@/lib/import/rows";
import type { ImportOptions } from "@/lib/schemas/imports";
import { ConflictError, NotFoundError, ValidationError } from "@/server/errors";
import { requirePermission, type TenantContext } from "@/server/tenant";

import { inTransaction } from "../context";
import type { ImportIdParams } from "./drafts";
import { type ImportIssueView, replaceIssues } from "./issues";
import { findExistingDeals } from "./matching";
import { loadImportRefs } from "./refs";
import { BATCH_SIZE } from "./run-state";

export type ValidationSummary = {
  totalRows: number;
  validRows: number;
  invalidRows: number;
  /** Rows that repeat an earlier row of the file, and rows matching an existing deal. */
  repeatedRows: number;
  duplicates: number;
  /** What the chosen mode would do (updates of deals changed meanwhile may still be skipped). */
  willCreate: number;
  willUpdate: number;
  willSkip: number;
  issues: Omit<ImportIssueView, "id">[];
  issueCount: number;
};

const SHOWN_ISSUES = 100;

/** Loads a draft (or failed) import with its file, for checking or starting it. */
export async function loadEditableImport(ctx: TenantContext, { importId }: ImportIdParams) {
  const [imp] = await ctx.db
    .select()
    .from(imports)
    .where(and(eq(imports.orgId, ctx.orgId), eq(imports.id, importId)));
  if (!imp) throw new NotFoundError("Import");
  if (imp.status !== "draft" && imp.status !== "failed") throw new ConflictError(`This import is already ${imp.status}.`);
  if (imp.source === null) throw new ConflictError("The uploaded file is no longer available; upload it again.");
  return imp;
}

/** The value mapping names stages of this org only: another org's stage id is not found (and nothing is saved). */
export function assertOwnStages(stages: { id: string }[], options: Pick<ImportOptions, "stageValues">) {
  const own = new Set(stages.map((s) => s.id));
  if (options.stageValues.some((c) => c.stageId !== null && !own.has(c.stageId))) throw new NotFoundError("Stage");
}

export function assertMappingFits(headers: string[], options: ImportOptions) {
  if (options.mapping.length !== headers.length) {
    throw new ValidationError("The mapping must list every column of the file.", { mapping: ["One choice per column"] });
  }
  if (!options.mapping.includes("contact")) {
    throw new ValidationError("Choose which column holds the client.", { mapping: ["Map a column to Contact (client)"] });
  }
}

/** The mapping and options as stored on the import (the mode has its own column). */
export function savedOptions({ mapping, ...rest }: ImportOptions & { skipInvalid?: boolean }) {
  return { mapping, options: rest, mode: rest.mode };
}

/**
 * "Check all rows": reads the whole file with the chosen mapping, looks every valid row up among
 * the existing deals, saves the mapping and replaces the report (each issue with its line and
 * column), and says what the import would do.
 */
export type ValidateImportParams = ImportOptions & { importId: string };

export async function validateImport(ctx: TenantContext, { importId, ...options }: ValidateImportParams): Promise<ValidationSummary> {
  requirePermission(ctx, "import.run");
  const imp = await loadEditableImport(ctx, { importId });
  assertMappingFits(imp.headers, options);
  const refs = await loadImportRefs(ctx);
  assertOwnStages(refs.stages, options);
  const { headers, records } = parseCsv(imp.source!, imp.delimiter as CsvDelimiter);
  const read = rowReader({
    headers,
    mapping: options.mapping,
    ...refs,
    stageValues: options.stageValues,
    currency: ctx.org.currency,
    locale: ctx.org.locale,
    ...importDateOrders(options.mapping, records, ctx.org.locale, options.dateOrder),
    unknownOwner: options.unknownOwner,
  });
  const { rows, issues, invalidRows, repeatedRows } = readRecords(records, read);

  let duplicates = 0;
  let willCreate = 0;
  let willUpdate = 0;
  const modeSkips: ReportedIssue[] = [];
  for (let start = 0; start < rows.length; start += BATCH_SIZE) {
    const slice = rows.slice(start, start + BATCH_SIZE);
    const existing = await findExistingDeals(ctx, { rows: slice });
    duplicates += existing.size;
    slice.forEach((row, i) => {
      const decision = decideRow(options.mode, existing.get(i) ?? null);
      if (decision.action === "skip")
        modeSkips.push({ line: row.line, column: null, value: null, message: decision.message, kind: "skipped" });
      else if (decision.action === "create") willCreate++;
      else willUpdate++;
    });
  }
  const all = [...issues, ...modeSkips].sort((a, b) => a.line - b.line);
  await inTransaction(ctx, async (txCtx) => {
    await txCtx.db
      .update(imports)
      .set(savedOptions(options))
      .where(and(eq(imports.orgId, ctx.orgId), eq(imports.id, importId)));
    await replaceIssues(txCtx, { importId, issues: all });
  });
  return {
    totalRows: records.length,
    validRows: rows.length,
    invalidRows,
    repeatedRows,
    duplicates,
    willCreate,
    willUpdate,
    willSkip: repeatedRows + modeSkips.length,
    issues: all.slice(0, SHOWN_ISSUES).map(({ kind, line, column, value, message }) => ({ kind, line, column, value, message })),
    issueCount: all.length,
  };
}
