import { Plus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";

import { DealListEmpty, type EmptyReason } from "@/components/deals/deal-list-empty";
import { DealListFilters } from "@/components/deals/deal-list-filters";
import { DealListPagination } from "@/components/deals/deal-list-pagination";
import { DealListTable } from "@/components/deals/deal-list-table";
import { DealListTotals } from "@/components/deals/deal-list-totals";
import { ExportMenu } from "@/components/exports/export-menu";
import { PageHeader } from "@/components/shell/page-header";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { can } from "@/lib/permissions";
import { hasActiveDealFilters, parseDealFilters } from "@/lib/schemas/deal-filters";
import { hasAnyDeal, listDeals, listSectors } from "@/server/data/deal-list";
import { listMembers } from "@/server/data/members";
import { listStages } from "@/server/data/stages";
import { getPageTenant } from "@/server/page-context";

export const metadata: Metadata = { title: "Deals" };

type DealsPageProps = {
  params: Promise<{ org: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** The deals list: every filter, the sort and the page live in the URL (parsed leniently: a bad link shows defaults). */
export default async function DealsPage({ params, searchParams }: DealsPageProps) {
  const { org: slug } = await params;
  const ctx = await getPageTenant(slug);
  const filters = parseDealFilters(await searchParams);
  const viewAll = can(ctx.role, "deals.viewAll");
  const now = new Date();
  const [result, stages, sectors, members] = await Promise.all([
    listDeals(ctx, { filters, now }),
    listStages(ctx),
    listSectors(ctx),
    viewAll ? listMembers(ctx) : Promise.resolve(null),
  ]);
  const base = `/${ctx.org.slug}/deals`;
  const filtered = hasActiveDealFilters(filters);
  let empty: EmptyReason | null = null;
  if (result.total === 0) empty = filtered ? "filtered" : (await hasAnyDeal(ctx)) ? "none-open" : "none";
  const org = { slug: ctx.org.slug, locale: ctx.org.locale, timeZone: ctx.org.timeZone };

  return (
    <>
      <PageHeader
        title="Deals"
        description={viewAll ? `Every deal in ${ctx.org.name}.` : "Your deals. Managers and admins see the whole team's."}
        actions={
          <>
            <ExportMenu
              targets={[{ label: "Deals", href: `/${ctx.org.slug}/exports/deals` }]}
              note={`${result.total.toLocaleString(ctx.org.locale)} matching deal${result.total === 1 ? "" : "s"}, every page`}
            />
            <Link href={`${base}/new`} className={buttonClasses("primary")}>
              <Plus aria-hidden className="size-4" />
              New deal
            </Link>
          </>
        }
      />
      <DealListFilters
        filters={filters}
        stages={stages.map((s) => ({ id: s.id, name: s.name, kind: s.kind }))}
        owners={members?.map((m) => ({ id: m.userId, name: m.name })) ?? null}
        sectors={sectors}
      />
      <Card className="overflow-hidden">
        <DealListTotals totals={result.totals} total={result.total} locale={ctx.org.locale} currency={ctx.org.currency} />
        {empty ? (
          <DealListEmpty base={base} reason={empty} />
        ) : (
          <>
            <DealListTable
              org={org}
              rows={result.rows}
              totals={result.totals}
              total={result.total}
              filters={filters}
              showOwner={viewAll}
              now={now}
            />
            <DealListPagination
              base={base}
              filters={filters}
              page={result.page}
              pageCount={result.pageCount}
              total={result.total}
              locale={ctx.org.locale}
            />
          </>
        )}
      </Card>
    </>
  );
}
