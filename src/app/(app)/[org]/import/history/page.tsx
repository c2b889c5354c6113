import { Upload } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";

import { HistoryTable } from "@/components/import/history-table";
import { PageLinks } from "@/components/import/page-links";
import { PageHeader } from "@/components/shell/page-header";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { countImports, listImports } from "@/server/data/imports/drafts";
import { getPageTenant } from "@/server/page-context";

export const metadata: Metadata = { title: "Import history" };

const PAGE_SIZE = 25;

type HistoryPageProps = { params: Promise<{ org: string }>; searchParams: Promise<{ page?: string }> };

export default async function ImportHistoryPage({ params, searchParams }: HistoryPageProps) {
  const { org: slug } = await params;
  const ctx = await getPageTenant(slug, "import.run");
  const total = await countImports(ctx);
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(pageCount, Math.max(1, Number.parseInt((await searchParams).page ?? "1", 10) || 1));
  const rows = await listImports(ctx, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const base = `/${ctx.org.slug}/import`;

  return (
    <>
      <PageHeader
        title="Import history"
        description="Every CSV import of this organization: who ran it, when, and what it did. A completed import can be reverted while the deals it wrote are unchanged."
        actions={
          <Link href={base} className={buttonClasses("primary")}>
            <Upload aria-hidden className="size-4" />
            New import
          </Link>
        }
      />
      <Card className="overflow-hidden">
        {rows.length === 0 ? (
          <div className="px-5 py-12 text-center">
            <p className="font-medium text-zinc-900 dark:text-zinc-100">No imports yet</p>
            <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">Imported files will be listed here, with a way to revert them.</p>
            <Link href={base} className={buttonClasses("secondary", "md", "mt-4")}>
              Import a CSV file
            </Link>
          </div>
        ) : (
          <>
            <HistoryTable org={{ slug: ctx.org.slug, locale: ctx.org.locale, timeZone: ctx.org.timeZone }} rows={rows} />
            <PageLinks href={(p) => `${base}/history?page=${p}`} page={page} pageCount={pageCount} label="Import history pages" />
          </>
        )}
      </Card>
    </>
  );
}
