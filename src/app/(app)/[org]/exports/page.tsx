import { ArrowRight, Download } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";

import { ActionExportForm } from "@/components/exports/action-export-form";
import { MonthlyReportForm } from "@/components/exports/monthly-report-form";
import { PageHeader } from "@/components/shell/page-header";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { todayIn } from "@/lib/kpi/period";
import { can } from "@/lib/permissions";
import { DASHBOARD_TABLE_LABELS, DASHBOARD_TABLES, EXPORT_FORMAT_LABELS, EXPORT_FORMATS } from "@/lib/schemas/export-params";
import { listMembers } from "@/server/data/members";
import { csvDialectFor } from "@/server/exports/csv";
import { getPageTenant } from "@/server/page-context";

export const metadata: Metadata = { title: "Exports" };

function DownloadLinks({ label, href }: { label: string; href: string }) {
  return (
    <li className="flex flex-wrap items-center justify-between gap-2 py-2.5">
      <span className="text-sm text-zinc-800 dark:text-zinc-200">{label}</span>
      <span className="flex gap-2">
        {EXPORT_FORMATS.map((format) => (
          <a
            key={format}
            href={`${href}${href.includes("?") ? "&" : "?"}format=${format}`}
            download
            className={buttonClasses("secondary", "sm")}
            aria-label={`${label}: ${EXPORT_FORMAT_LABELS[format]}`}
          >
            <Download aria-hidden className="size-3.5" />
            {format === "xlsx" ? "Excel" : "CSV"}
          </a>
        ))}
      </span>
    </li>
  );
}

/** Every download in one place: deals, next actions, the dashboard's tables and the monthly PDF. */
export default async function ExportsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org: slug } = await params;
  const ctx = await getPageTenant(slug, "export.run");
  const viewAll = can(ctx.role, "deals.viewAll");
  const showDashboard = can(ctx.role, "dashboard.view");
  const members = viewAll ? await listMembers(ctx) : null;
  const today = todayIn(new Date(), ctx.org.timeZone);
  const base = `/${slug}/exports`;
  const dialect = csvDialectFor(ctx.org.locale);

  return (
    <>
      <PageHeader
        title="Exports"
        description={`Download ${viewAll ? `${ctx.org.name}'s` : "your"} data as Excel or CSV, and the monthly PDF report. Files are written as they download, so even large exports start at once.`}
      />
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-2">
        <Card>
          <CardHeader
            title="Deals"
            description={viewAll ? "Every deal, all pages, in the list's order." : "Your deals, all pages, in the list's order."}
            actions={
              <Link href={`/${slug}/deals`} className={buttonClasses("ghost", "sm")}>
                Filter on the deals list
                <ArrowRight aria-hidden className="size-3.5" />
              </Link>
            }
          />
          <CardBody>
            <ul className="divide-y divide-zinc-100 dark:divide-zinc-800">
              <DownloadLinks label="Open deals" href={`${base}/deals`} />
              <DownloadLinks label="All deals (open, won and lost)" href={`${base}/deals?status=all`} />
            </ul>
            <p className="mt-3 text-xs text-zinc-500 dark:text-zinc-400">
              For a filtered list, filter the deals list and use its Export menu: the file holds exactly the rows it shows.
            </p>
          </CardBody>
        </Card>

        <Card>
          <CardHeader title="Next actions" description="Pending and completed next steps with their deal, owner and outcome." />
          <CardBody>
            <ActionExportForm orgSlug={slug} today={today} owners={members?.map((m) => ({ id: m.userId, name: m.name })) ?? null} />
          </CardBody>
        </Card>

        {showDashboard ? (
          <Card>
            <CardHeader
              title="Dashboard tables"
              description="The last 30 days. For another period or filters, use Export on the dashboard."
              actions={
                <Link href={`/${slug}/dashboard`} className={buttonClasses("ghost", "sm")}>
                  Open the dashboard
                  <ArrowRight aria-hidden className="size-3.5" />
                </Link>
              }
            />
            <CardBody>
              <ul className="divide-y divide-zinc-100 dark:divide-zinc-800">
                {DASHBOARD_TABLES.map((t) => (
                  <DownloadLinks key={t} label={DASHBOARD_TABLE_LABELS[t]} href={`${base}/dashboard/${t}`} />
                ))}
              </ul>
            </CardBody>
          </Card>
        ) : null}

        {showDashboard ? (
          <Card>
            <CardHeader
              title="Monthly report (PDF)"
              description="KPIs, the weighted funnel, top sectors and the rep leaderboard for one month, with the organization's name."
            />
            <CardBody>
              <MonthlyReportForm orgSlug={slug} today={today} locale={ctx.org.locale} />
            </CardBody>
          </Card>
        ) : null}
      </div>
      <p className="mt-6 max-w-3xl text-xs text-zinc-500 dark:text-zinc-400">
        CSV files are UTF-8 and separated by “{dialect.delimiter}” with “{dialect.decimal}” as the decimal mark, as spreadsheets expect for{" "}
        {ctx.org.locale}; amounts are in major units beside their currency, dates are ISO (YYYY-MM-DD) and times are in {ctx.org.timeZone}.
        Excel files have typed numbers, amounts and dates.
      </p>
    </>
  );
}
