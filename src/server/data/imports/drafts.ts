import "server-only";

import { and, desc, eq, getTableColumns, sql } from "drizzle-orm";

import { imports, users } from "@/db/schema";
import { CsvFormatError, parseCsv } from "@/lib/import/csv";
import { decodeCsvBytes, detectDelimiter, NotTextError } from "@/lib/import/decode";
import { suggestMapping } from "@/lib/import/headers";
import { countColumnValues } from "@/lib/import/value-map";
import { MAX_IMPORT_ROWS } from "@/lib/schemas/imports";
import { ConflictError, NotFoundError, ValidationError } from "@/server/errors";
import { requirePermission, type TenantContext } from "@/server/tenant";

import type { DbContext } from "../context";
import { failDeadImports } from "./job-state";

const SAMPLE_ROWS = 10;

/** The uploaded file: its name and raw bytes. */
export type CreateImportDraftParams = { name: string; bytes: Uint8Array };

/**
 * Step 1: the uploaded bytes are decoded, parsed once (so a broken file is refused at once, with
 * the line) and kept as a draft with its header, first rows, each column's distinct values and a
 * suggested mapping.
 */
export async function createImportDraft(ctx: TenantContext, file: CreateImportDraftParams) {
  requirePermission(ctx, "import.run");
  const { text, encoding } = decodeUpload(file.bytes);
  const delimiter = detectDelimiter(text);
  let parsed;
  try {
    parsed = parseCsv(text, delimiter);
  } catch (err) {
    if (err instanceof CsvFormatError) throw new ValidationError(err.message, { file: [err.message] });
    throw err;
  }
  if (parsed.records.length === 0) throw new ValidationError("The file has a header but no rows.", { file: ["No rows under the header"] });
  if (parsed.records.length > MAX_IMPORT_ROWS) {
    throw new ValidationError(`The file has ${parsed.records.length} rows; split it into files of at most ${MAX_IMPORT_ROWS}.`, {
      file: ["Too many rows"],
    });
  }
  // Read once here for the value-mapping step (and to tell a status column from a stage column).
  const valueCounts = countColumnValues(parsed.headers.length, parsed.records);
  const [row] = await ctx.db
    .insert(imports)
    .values({
      orgId: ctx.orgId,
      createdBy: ctx.userId,
      fileName: file.name.slice(0, 255) || "import.csv",
      fileSize: file.bytes.byteLength,
      encoding,
      delimiter,
      headers: parsed.headers,
      sample: parsed.records.slice(0, SAMPLE_ROWS),
      source: text,
      valueCounts,
      mapping: suggestMapping(parsed.headers, valueCounts),
      totalRows: parsed.records.length,
    })
    .returning({ id: imports.id });
  return { importId: row!.id };
}

/** An image, a workbook or other binary is refused before any row is read, as a field error on the file. */
function decodeUpload(bytes: Uint8Array) {
  try {
    return decodeCsvBytes(bytes);
  } catch (err) {
    if (err instanceof NotTextError) throw new ValidationError(err.message, { file: [err.message] });
    throw err;
  }
}

const { source: _source, ...withoutSource } = getTableColumns(imports);
void _source;

export type ImportIdParams = { importId: string };

/**
 * One import of the org, without the file itself (it can be 10 MB). A run whose worker died is
 * marked failed first, so the page offers to start it again instead of showing it importing.
 */
export async function getImport(ctx: TenantContext, { importId }: ImportIdParams) {
  requirePermission(ctx, "import.run");
  const row = await readImport(ctx, { importId });
  if (row.status === "running" && (await failDeadImports(ctx)) > 0) return readImport(ctx, { importId });
  return row;
}

async function readImport(ctx: TenantContext, { importId }: ImportIdParams) {
  const [row] = await ctx.db
    .select({ ...withoutSource, createdByName: users.name, hasSource: sql<boolean>`${imports.source} is not null` })
    .from(imports)
    .leftJoin(users, eq(users.id, imports.createdBy))
    .where(and(eq(imports.orgId, ctx.orgId), eq(imports.id, importId)));
  if (!row) throw new NotFoundError("Import");
  return row;
}
export type ImportView = Awaited<ReturnType<typeof getImport>>;

export type ListImportsParams = { limit: number; offset: number };

/**
 * Uploads that were never started are not history: the history lists imports that ran (or were
 * queued to), and the import page lists the uploads left as drafts (listImportDrafts).
 */
const STARTED = sql`${imports.status} <> 'draft'`;

/** The history page: newest first, served by imports_org_created_idx. Dead runs show as failed (getImport). */
export async function listImports(ctx: TenantContext, page: ListImportsParams) {
  requirePermission(ctx, "import.run");
  const rows = await readImportPage(ctx, page);
  if (rows.some((r) => r.status === "running") && (await failDeadImports(ctx)) > 0) return readImportPage(ctx, page);
  return rows;
}

async function readImportPage(ctx: TenantContext, page: ListImportsParams) {
  return ctx.db
    .select({
      id: imports.id,
      fileName: imports.fileName,
      mode: imports.mode,
      status: imports.status,
      totalRows: imports.totalRows,
      createdCount: imports.createdCount,
      updatedCount: imports.updatedCount,
      skippedCount: imports.skippedCount,
      failedCount: imports.failedCount,
      createdAt: imports.createdAt,
      finishedAt: imports.finishedAt,
      revertedAt: imports.revertedAt,
      createdByName: users.name,
    })
    .from(imports)
    .leftJoin(users, eq(users.id, imports.createdBy))
    .where(and(eq(imports.orgId, ctx.orgId), STARTED))
    .orderBy(desc(imports.createdAt))
    .limit(page.limit)
    .offset(page.offset);
}
export type ImportHistoryRow = Awaited<ReturnType<typeof listImports>>[number];

const SHOWN_DRAFTS = 20;

/** The uploads waiting to be mapped and imported (newest first), each to continue or discard. */
export async function listImportDrafts(ctx: TenantContext) {
  requirePermission(ctx, "import.run");
  return ctx.db
    .select({
      id: imports.id,
      fileName: imports.fileName,
      totalRows: imports.totalRows,
      createdAt: imports.createdAt,
      createdByName: users.name,
    })
    .from(imports)
    .leftJoin(users, eq(users.id, imports.createdBy))
    .where(and(eq(imports.orgId, ctx.orgId), eq(imports.status, "draft")))
    .orderBy(desc(imports.createdAt))
    .limit(SHOWN_DRAFTS);
}
export type ImportDraftRow = Awaited<ReturnType<typeof listImportDrafts>>[number];

/** A draft that will not be imported (wrong file): removed with its report. Started imports stay in the history. */
export async function discardImportDraft(ctx: TenantContext, { importId }: ImportIdParams) {
  requirePermission(ctx, "import.run");
  const [gone] = await ctx.db
    .delete(imports)
    .where(and(eq(imports.orgId, ctx.orgId), eq(imports.id, importId), sql`${imports.status} in ('draft', 'failed')`))
    .returning({ id: imports.id });
  if (!gone) {
    // A dead run (marked failed by this look) can be discarded: try again once.
    const imp = await getImport(ctx, { importId }); // not found → NOT_FOUND; otherwise it is running or done
    if (imp.status === "failed") return discardImportDraft(ctx, { importId });
    throw new ConflictError("Only an import that has not run can be discarded.");
  }
  return { importId };
}

export async function countImports(ctx: TenantContext): Promise<number> {
  requirePermission(ctx, "import.run");
  const [row] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(imports)
    .where(and(eq(imports.orgId, ctx.orgId), STARTED));
  return row?.n ?? 0;
}

const DRAFT_DAYS = 7;

/**
 * Daily job: uploads never started (or failed and left) for a week are removed, with their file
 * and report. Across all orgs on purpose (a maintenance job, hence "unsafe"); completed and
 * reverted imports stay in the history (their file was already dropped when they completed).
 */
export async function unsafePurgeStaleImportDrafts({ db }: DbContext): Promise<number> {
  const gone = await db
    .delete(imports)
    .where(and(sql`${imports.status} in ('draft', 'failed')`, sql`${imports.createdAt} < now() - make_interval(days => ${DRAFT_DAYS})`))
    .returning({ id: imports.id });
  return gone.length;
}
