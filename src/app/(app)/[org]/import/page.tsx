import { History } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";

import { FileGuide } from "@/components/import/file-guide";
import { HistoryTable } from "@/components/import/history-table";
import { PendingUploads } from "@/components/import/pending-uploads";
import { UploadForm } from "@/components/import/upload-form";
import { PageHeader } from "@/components/shell/page-header";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { listImportDrafts, listImports } from "@/server/data/imports/drafts";
import { listStages } from "@/server/data/stages";
import { getPageTenant } from "@/server/page-context";

export const metadata: Metadata = { title: "Import deals" };

type ImportPageProps = { params: Promise<{ org: string }> };

/** Step 1 of an import: the file. Admins and managers only (import.run); others get a 404. */
export default async function ImportPage({ params }: ImportPageProps) {
  const { org: slug } = await params;
  const ctx = await getPageTenant(slug, "import.run");
  const [stages, recent, drafts] = await Promise.all([listStages(ctx), listImports(ctx, { limit: 5, offset: 0 }), listImportDrafts(ctx)]);
  const org = { slug: ctx.org.slug, locale: ctx.org.locale, timeZone: ctx.org.timeZone };

  return (
    <>
      <PageHeader
        title="Import deals"
        description="Bring deals in from a spreadsheet. You will map its columns and see a preview before anything is imported, and you can revert an import in one click."
        actions={
          <Link href={`/${ctx.org.slug}/import/history`} className={buttonClasses("secondary")}>
            <History aria-hidden className="size-4" />
            Import history
          </Link>
        }
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="space-y-6">
          <Card>
            <CardHeader title="Upload a CSV file" description="Export it from Excel, Google Sheets or your old CRM." />
            <CardBody>
              <UploadForm orgSlug={ctx.org.slug} />
            </CardBody>
          </Card>
          {drafts.length > 0 ? (
            <Card className="overflow-hidden">
              <CardHeader
                title="Not imported yet"
                description="Uploads you have not imported: continue with one, or discard it. They are not part of the import history."
              />
              <PendingUploads org={org} drafts={drafts} />
            </Card>
          ) : null}
          {recent.length > 0 ? (
            <Card className="overflow-hidden">
              <CardHeader
                title="Recent imports"
                actions={
                  <Link
                    href={`/${ctx.org.slug}/import/history`}
                    className="text-sm font-medium text-brand-700 hover:underline dark:text-brand-300"
                  >
                    See all
                  </Link>
                }
              />
              <HistoryTable org={org} rows={recent} compact />
            </Card>
          ) : null}
        </div>
        <FileGuide locale={ctx.org.locale} currency={ctx.org.currency} stageNames={stages.map((s) => s.name)} />
      </div>
    </>
  );
}
