import "server-only";

import { todayIn } from "@/lib/kpi/period";
import { can } from "@/lib/permissions";
import { exportFileName, parseCsvDelimiter, parseExportFormat } from "@/lib/schemas/export-params";
import { currentActor } from "@/server/actor";
import { AppError } from "@/server/errors";
import { resolveTenant, type TenantContext } from "@/server/tenant";

import { csvDialectFor, csvStream } from "./csv";
import type { ExportTable } from "./table";
import { xlsxStream } from "./xlsx";

export type ExportFile = { filename: string; contentType: string; body: ReadableStream<Uint8Array> };
export type OrgRouteParams = { params: Promise<{ org: string }> };

const CONTENT_TYPES = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pdf: "application/pdf",
} as const;

function plain(status: number, message: string): Response {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

/** RFC 6266: an ASCII fallback plus the exact UTF-8 name. */
function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/**
 * Every download handler: the session (signed out → 401), the org from the URL checked against the
 * actor's memberships (not a member or no such org → 404, indistinguishable), the export.run
 * permission (→ 403), then the file, streamed. Errors raised while building the file's first part
 * become status codes; once streaming has begun a failure aborts the download.
 */
export async function exportRoute(
  request: Request,
  route: OrgRouteParams,
  build: (ctx: TenantContext, url: URL) => Promise<ExportFile>,
): Promise<Response> {
  const actor = await currentActor();
  if (!actor) return plain(401, "Sign in to download exports.");
  const { org } = await route.params;
  try {
    const ctx = await resolveTenant(actor, org);
    if (!can(ctx.role, "export.run")) return plain(403, "You don't have permission to export from this organization.");
    const file = await build(ctx, new URL(request.url));
    return new Response(file.body, {
      headers: {
        "Content-Type": file.contentType,
        "Content-Disposition": contentDisposition(file.filename),
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (err) {
    if (err instanceof AppError) {
      if (err.code === "UNAUTHENTICATED") return plain(401, "Sign in to download exports.");
      if (err.code === "NOT_FOUND") return plain(404, err.message);
      if (err.code === "FORBIDDEN") return plain(403, err.message);
      if (err.code === "VALIDATION") return plain(400, err.message);
    }
    throw err;
  }
}

/**
 * A table as CSV or XLSX, as the link's ?format= asks, named "<org>-<what>-<stamp>.<format>" — the
 * stamp is the org's today unless the file covers a period.
 */
export function tableFile<R>(
  ctx: TenantContext,
  url: URL,
  file: { what: string; title: string; table: ExportTable<R>; stamp?: string },
  now = new Date(),
): ExportFile {
  const format = parseExportFormat(url.searchParams);
  const filename = exportFileName(ctx.org.slug, file.what, file.stamp ?? todayIn(now, ctx.org.timeZone), format);
  if (format === "xlsx") {
    return { filename, contentType: CONTENT_TYPES.xlsx, body: xlsxStream(file.table, { title: file.title, orgName: ctx.org.name }) };
  }
  const dialect = csvDialectFor(ctx.org.locale, parseCsvDelimiter(url.searchParams));
  return { filename, contentType: CONTENT_TYPES.csv, body: csvStream(file.table, dialect) };
}

export function pdfFile(filename: string, body: ReadableStream<Uint8Array>): ExportFile {
  return { filename, contentType: CONTENT_TYPES.pdf, body };
}
