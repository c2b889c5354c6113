import { ArrowLeft } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { ImportMapper } from "@/components/import/import-mapper";
import { ImportProgress } from "@/components/import/import-progress";
import { ImportResult } from "@/components/import/import-result";
import { IssueList } from "@/components/import/issue-list";
import { PageLinks } from "@/components/import/page-links";
import { ImportStatusBadge } from "@/components/import/status-badge";
import { PageHeader } from "@/components/shell/page-header";
import { Alert } from "@/components/ui/alert";
import { Card, CardHeader } from "@/components/ui/card";
import { type CsvDelimiter, type CsvEncoding, DELIMITER_LABELS, ENCODING_LABELS } from "@/lib/import/decode";
import type { ImportMapping } from "@/lib/import/fields";
import { suggestMapping } from "@/lib/import/headers";
import { DEFAULT_IMPORT_OPTIONS, importOptionsSchema } from "@/lib/schemas/imports";
import { getImport } from "@/server/data/imports/drafts";
import { listImportIssues } from "@/server/data/imports/issues";
import { INTERRUPTED_MESSAGE } from "@/server/data/imports/job-state";
import { loadImportRefs } from "@/server/data/imports/refs";
import { loadRememberedStageValues } from "@/server/data/imports/value-memory";
import { AppError } from "@/server/errors";
import { getPageTenant } from "@/server/page-context";

export const metadata: Metadata = { title: "Import" };

const ISSUES_PER_PAGE = 50;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type ImportDetailProps = { params: Promise<{ org: string; importId: string }>; searchParams: Promise<{ page?: string }> };

/** One import through its life: mapping and preview (draft), progress (queued/running), outcome and report. */
export default async function ImportDetailPage({ params, searchParams }: ImportDetailProps) {
  const { org: slug, importId } = await params;
  const ctx = await getPageTenant(slug, "import.run");
  if (!UUID.test(importId)) notFound();
  const imp = await getImport(ctx, { importId }).catch((err) => {
    if (err instanceof AppError && err.code === "NOT_FOUND") notFound();
    throw err;
  });
  const org = { slug: ctx.org.slug, currency: ctx.org.currency, locale: ctx.org.locale, timeZone: ctx.org.timeZone };
  const n = new Intl.NumberFormat(org.locale);
  const editable = (imp.status === "draft" || imp.status === "failed") && imp.hasSource;
  const done = imp.status === "completed" || imp.status === "reverted";

  const header = (
    <PageHeader
      title={imp.fileName}
      description={
        <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
          <ImportStatusBadge status={imp.status} />
          <span>
            {n.format(imp.totalRows)} rows · {ENCODING_LABELS[imp.encoding as CsvEncoding] ?? imp.encoding} ·{" "}
            {DELIMITER_LABELS[imp.delimiter as CsvDelimiter] ?? imp.delimiter}-separated
          </span>
        </span>
      }
      actions={
        <Link
          href={`/${org.slug}/import/history`}
          className="inline-flex items-center gap-1 text-sm font-medium text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100"
        >
          <ArrowLeft aria-hidden className="size-4" />
          Import history
        </Link>
      }
    />
  );

  if (editable) {
    const [refs, remembered] = await Promise.all([loadImportRefs(ctx), loadRememberedStageValues(ctx)]);
    const suggested = suggestMapping(imp.headers, imp.valueCounts ?? undefined);
    const saved = importOptionsSchema.omit({ mapping: true }).safeParse(imp.options ?? {});
    return (
      <>
        {header}
        {imp.status === "failed" && imp.error === INTERRUPTED_MESSAGE ? (
          <Alert tone="error" title="The last run was interrupted." className="mb-6">
            {imp.error} Start it again below.
          </Alert>
        ) : imp.status === "failed" && imp.error ? (
          <Alert tone="error" title="The last run failed." className="mb-6">
            {imp.error} Adjust the mapping or options and start it again, or upload a corrected file.
          </Alert>
        ) : null}
        <ImportMapper
          org={org}
          file={{
            importId: imp.id,
            fileName: imp.fileName,
            encoding: imp.encoding,
            delimiter: imp.delimiter,
            totalRows: imp.totalRows,
            headers: imp.headers,
            sample: imp.sample,
            valueCounts: imp.valueCounts,
          }}
          refs={refs}
          suggested={suggested}
          initial={{
            mapping: (imp.mapping as ImportMapping | null) ?? suggested,
            options: saved.success ? saved.data : DEFAULT_IMPORT_OPTIONS,
          }}
          remembered={remembered}
          meName={ctx.userName}
        />
      </>
    );
  }

  if (imp.status === "queued" || imp.status === "running") {
    return (
      <>
        {header}
        <ImportProgress status={imp.status} processed={imp.processedRows} total={imp.totalRows} locale={org.locale} />
      </>
    );
  }

  if (!done) {
    return (
      <>
        {header}
        <Alert tone="error" title="This import cannot continue.">
          {imp.error ?? "Its file is no longer available."} Upload the file again to import it.
        </Alert>
      </>
    );
  }

  const total = imp.skippedCount + imp.failedCount;
  const pageCount = Math.max(1, Math.ceil(total / ISSUES_PER_PAGE));
  const page = Math.min(pageCount, Math.max(1, Number.parseInt((await searchParams).page ?? "1", 10) || 1));
  const issues =
    total > 0 ? await listImportIssues(ctx, { importId: imp.id, limit: ISSUES_PER_PAGE, offset: (page - 1) * ISSUES_PER_PAGE }) : null;
  return (
    <>
      {header}
      <div className="space-y-6">
        <ImportResult org={org} imp={imp} />
        {issues && issues.total > 0 ? (
          <Card className="overflow-hidden">
            <CardHeader
              title="Rows not imported"
              description={`${n.format(issues.total)} issue(s), in file order: invalid rows and skipped rows, with why.`}
            />
            <IssueList issues={issues.rows} caption="Rows that were not imported" />
            <PageLinks
              href={(p) => `/${org.slug}/import/${imp.id}?page=${p}`}
              page={page}
              pageCount={Math.max(1, Math.ceil(issues.total / ISSUES_PER_PAGE))}
              label="Report pages"
            />
          </Card>
        ) : null}
      </div>
    </>
  );
}
