import "server-only";

import { and, asc, count, eq, sql } from "drizzle-orm";

import { importRowErrors } from "@/db/schema";
import type { ReportedIssue } from "@/lib/import/plan";
import type { TenantContext } from "@/server/tenant";

import { numberArray, textArray } from "./sql-arrays";

const CHUNK = 5000;

export type ReplaceIssuesParams = { importId: string; issues: ReportedIssue[] };

/** The import's report is replaced as a whole: by each check of the file, then by the run's own. */
export async function replaceIssues(ctx: TenantContext, { importId, issues }: ReplaceIssuesParams) {
  const tx = ctx.db;
  await tx.delete(importRowErrors).where(and(eq(importRowErrors.orgId, ctx.orgId), eq(importRowErrors.importId, importId)));
  const sorted = [...issues].sort((a, b) => a.line - b.line);
  for (let i = 0; i < sorted.length; i += CHUNK) {
    const part = sorted.slice(i, i + CHUNK);
    await tx.execute(sql`
      insert into import_row_errors (org_id, import_id, kind, line, "column", value, message)
      select ${ctx.orgId}, ${importId}, t.kind::import_issue_kind, t.line, t.col, t.value, t.message
        from unnest(${textArray(part.map((x) => x.kind))}::text[], ${numberArray(part.map((x) => x.line))}::int[],
                    ${textArray(part.map((x) => x.column))}::text[], ${textArray(part.map((x) => x.value?.slice(0, 500) ?? null))}::text[],
                    ${textArray(part.map((x) => x.message))}::text[]) as t(kind, line, col, value, message)`);
  }
}

export type ImportIssueView = {
  id: number;
  kind: "invalid" | "skipped";
  line: number;
  column: string | null;
  value: string | null;
  message: string;
};

export type ListImportIssuesParams = { importId: string; limit: number; offset: number };

/** One page of the report, in file order (served by import_row_errors_org_import_line_idx). */
export async function listImportIssues(ctx: TenantContext, { importId, ...page }: ListImportIssuesParams) {
  const where = and(eq(importRowErrors.orgId, ctx.orgId), eq(importRowErrors.importId, importId));
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select({
        id: importRowErrors.id,
        kind: importRowErrors.kind,
        line: importRowErrors.line,
        column: importRowErrors.column,
        value: importRowErrors.value,
        message: importRowErrors.message,
      })
      .from(importRowErrors)
      .where(where)
      .orderBy(asc(importRowErrors.line), asc(importRowErrors.id))
      .limit(page.limit)
      .offset(page.offset),
    ctx.db.select({ n: count() }).from(importRowErrors).where(where),
  ]);
  return { rows: rows as ImportIssueView[], total: total?.n ?? 0 };
}
