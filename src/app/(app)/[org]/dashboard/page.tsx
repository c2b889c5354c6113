import { FlaskConical } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";

import { AutoRefresh } from "@/components/dashboard/auto-refresh";
import { BreakdownSection } from "@/components/dashboard/breakdown-section";
import { DashboardToolbar } from "@/components/dashboard/dashboard-toolbar";
import { DeadlineTable } from "@/components/dashboard/deadline-table";
import { FunnelSection } from "@/components/dashboard/funnel-section";
import { KpiGrid } from "@/components/dashboard/kpi-grid";
import { KpiLegend } from "@/components/dashboard/kpi-legend";
import { LeaderboardTable } from "@/components/dashboard/leaderboard-table";
import { SectorSection } from "@/components/dashboard/sector-section";
import { TrendSection } from "@/components/dashboard/trend-section";
import { DashboardExports } from "@/components/exports/dashboard-exports";
import { PageHeader } from "@/components/shell/page-header";
import { buttonClasses } from "@/components/ui/button";
import { formatTime } from "@/lib/dates/format";
import { formatDay } from "@/lib/format/figures";
import { shiftDate } from "@/lib/kpi/period";
import { can } from "@/lib/permissions";
import { parseDashboardFilters, RANGE_LABELS } from "@/lib/schemas/dashboard-filters";
import { dealFiltersToQuery, DEFAULT_DEAL_FILTERS } from "@/lib/schemas/deal-filters";
import { getDashboardCached } from "@/server/data/dashboard/cache";
import { getPageTenant } from "@/server/page-context";

export const metadata: Metadata = { title: "Dashboard" };

type DashboardPageProps = {
  params: Promise<{ org: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** The founder dashboard: every figure is computed in SQL for the URL's filters (reps: over their own deals). */
export default async function DashboardPage({ params, searchParams }: DashboardPageProps) {
  const [{ org: slug }, query] = await Promise.all([params, searchParams]);
  const ctx = await getPageTenant(slug, "dashboard.view");
  const filters = parseDashboardFilters(query);
  const d = await getDashboardCached(ctx, filters);
  const { locale, currency, timeZone } = ctx.org;
  const w = d.window;
  const viewAll = can(ctx.role, "deals.viewAll");
  const base = `/${slug}/deals`;
  // The deals list takes one owner and one sector: pass them on only when exactly one is chosen.
  const deadlineList = `${base}?${dealFiltersToQuery(DEFAULT_DEAL_FILTERS, {
    sort: "close",
    dir: "asc",
    dateField: "close",
    to: shiftDate(w.deadlineUntil, -1),
    stageIds: filters.stageIds,
    ownerId: viewAll && filters.ownerIds.length === 1 ? filters.ownerIds[0]! : null,
    sector: filters.sectors.length === 1 ? filters.sectors[0]! : null,
  })}`;
  const periodText = `${formatDay(w.period.from, locale, true)} – ${formatDay(w.period.to, locale, true)}`;
  const monthName = new Intl.DateTimeFormat(locale, { month: "long", timeZone: "UTC" }).format(
    new Date(`${w.month.previousLabel}T12:00:00Z`),
  );

  return (
    <>
      <AutoRefresh />
      <PageHeader
        title="Dashboard"
        actions={
          <Link href={`/${slug}/dashboard/what-if`} className={buttonClasses("secondary")}>
            <FlaskConical aria-hidden className="size-4" /> What-if simulator
          </Link>
        }
        description={
          <>
            {filters.range === "custom" ? periodText : `${RANGE_LABELS[filters.range]} (${periodText})`} ·{" "}
            {viewAll ? "the whole team" : "your deals"} · amounts in {currency} · updated {formatTime(d.generatedAt, locale, timeZone)}
          </>
        }
      />
      <DashboardToolbar
        filters={filters}
        options={d.options}
        period={{ from: w.period.from, to: w.period.to }}
        exportSlot={<DashboardExports orgSlug={slug} today={w.today} locale={locale} />}
      />
      <KpiGrid kpis={d.kpis} health={d.health} locale={locale} periodDays={w.period.days} monthName={monthName} dealsHref={base} />
      <div className="mb-6 grid grid-cols-1 gap-6 xl:grid-cols-2">
        <FunnelSection
          stages={d.funnel}
          won={{ count: d.kpis.counts.won, valueMinor: d.kpis.revenueWon.change.current }}
          currency={currency}
          locale={locale}
        />
        <TrendSection weeks={d.trend} currency={currency} locale={locale} timeZone={timeZone} />
      </div>
      <div className="mb-6">
        <DeadlineTable
          deadlines={d.deadlines}
          counts={{ overdue: d.health.closeOverdue, upcoming: d.health.closeUpcoming }}
          orgSlug={slug}
          locale={locale}
          listHref={deadlineList}
        />
      </div>
      <div className="mb-6">
        <LeaderboardTable rows={d.leaderboard} currency={currency} locale={locale} />
      </div>
      <div className="mb-6 grid grid-cols-1 gap-6 lg:grid-cols-2 2xl:grid-cols-3">
        <SectorSection sectors={d.sectors} currency={currency} locale={locale} />
        <BreakdownSection kind="sources" rows={d.sources} currency={currency} locale={locale} />
        <BreakdownSection kind="lossReasons" rows={d.lossReasons} currency={currency} locale={locale} />
      </div>
      <KpiLegend />
    </>
  );
}
