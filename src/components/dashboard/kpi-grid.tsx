import { clsx } from "clsx";
import { CircleAlert, CircleCheck } from "lucide-react";
import Link from "next/link";

import { Card } from "@/components/ui/card";
import { InfoTip } from "@/components/ui/info-tip";
import { countOf, formatAmount, formatCount, formatDays, formatPercent } from "@/lib/format/figures";
import { KPI_DEFINITIONS } from "@/lib/kpi/definitions";
import type { KpiSummary } from "@/lib/kpi/summary";
import type { PipelineHealth } from "@/server/data/dashboard/kpis";

import { KpiCard } from "./kpi-card";

type KpiGridProps = { kpis: KpiSummary; health: PipelineHealth; locale: string; periodDays: number; monthName: string; dealsHref: string };

/** The KPI cards: pipeline now vs the start of the period, flows vs the previous period, and the two health checks. */
export function KpiGrid({ kpis, health, locale, periodDays, monthName, dealsHref }: KpiGridProps) {
  const cur = kpis.currency;
  const money = { kind: "money", currency: cur } as const;
  const prev = `vs previous ${periodDays} days`;
  const start = "vs start of period";
  return (
    <section aria-labelledby="kpi-heading" className="mb-6 space-y-3">
      <h2 id="kpi-heading" className="sr-only">
        Key figures
      </h2>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-4">
        <KpiCard
          kpi="weightedPipeline"
          value={formatAmount(kpis.weightedPipeline.change.current, cur, locale)}
          change={kpis.weightedPipeline.change}
          unit={money}
          comparedWith={start}
          locale={locale}
          others={kpis.weightedPipeline.others}
        />
        <KpiCard
          kpi="openPipeline"
          value={formatAmount(kpis.openPipelineValue.change.current, cur, locale)}
          change={kpis.openPipelineValue.change}
          unit={money}
          comparedWith={start}
          locale={locale}
          others={kpis.openPipelineValue.others}
        >
          <p className="text-xs text-zinc-500 dark:text-zinc-400">{countOf(kpis.counts.open, "open deal", "open deals", locale)}</p>
        </KpiCard>
        <KpiCard
          kpi="revenueWon"
          value={formatAmount(kpis.revenueWon.change.current, cur, locale)}
          change={kpis.revenueWon.change}
          unit={money}
          comparedWith={prev}
          locale={locale}
          others={kpis.revenueWon.others}
        >
          <p className="text-xs text-zinc-500 dark:text-zinc-400">{countOf(kpis.counts.won, "deal", "deals", locale)} won</p>
        </KpiCard>
        <KpiCard
          kpi="revenueThisMonth"
          value={formatAmount(kpis.revenueThisMonth.change.current, cur, locale)}
          change={kpis.revenueThisMonth.change}
          unit={money}
          comparedWith={`vs ${monthName} to the same day`}
          locale={locale}
          others={kpis.revenueThisMonth.others}
        />
      </div>
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-3 xl:grid-cols-5">
        <KpiCard
          kpi="conversionRate"
          value={formatPercent(kpis.conversionRate.current, locale)}
          change={kpis.conversionRate}
          unit={{ kind: "ratio" }}
          comparedWith={prev}
          locale={locale}
        >
          <p className="text-xs text-zinc-500 dark:text-zinc-400">
            {formatCount(kpis.counts.createdWon, locale)} won of {formatCount(kpis.counts.created, locale)} created
          </p>
        </KpiCard>
        <KpiCard
          kpi="winRate"
          value={formatPercent(kpis.winRate.current, locale)}
          change={kpis.winRate}
          unit={{ kind: "ratio" }}
          comparedWith={prev}
          locale={locale}
        >
          <p className="text-xs text-zinc-500 dark:text-zinc-400">
            {formatCount(kpis.counts.won, locale)} won, {formatCount(kpis.counts.lost, locale)} lost
          </p>
        </KpiCard>
        <KpiCard
          kpi="averageBasket"
          value={formatAmount(kpis.averageBasket.change.current, cur, locale)}
          change={kpis.averageBasket.change}
          unit={money}
          comparedWith={prev}
          locale={locale}
          others={kpis.averageBasket.others}
        />
        <KpiCard
          kpi="salesCycle"
          value={formatDays(kpis.salesCycleDays.current, locale)}
          change={kpis.salesCycleDays}
          unit={{ kind: "days" }}
          comparedWith={prev}
          locale={locale}
        />
        <KpiCard
          kpi="salesVelocity"
          value={formatAmount(kpis.salesVelocity.current, cur, locale)}
          suffix={kpis.salesVelocity.current === null ? undefined : "/ day"}
          change={kpis.salesVelocity}
          unit={money}
          comparedWith={prev}
          locale={locale}
        />
      </div>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <HealthCard
          id="dealsWithoutAction"
          count={health.dealsWithoutAction}
          locale={locale}
          okText="Every open deal has its next step."
          badText={
            health.dealsWithoutAction === 1 ? "open deal has no next step. Plan one." : "open deals have no next step. Plan one on each."
          }
          href={dealsHref}
        />
        <HealthCard
          id="overdueActions"
          count={health.overdueActions}
          locale={locale}
          okText="No next action is overdue."
          badText={`of ${countOf(health.openDeals, "open deal", "open deals", locale)} ${health.overdueActions === 1 ? "has" : "have"} an overdue next action.`}
          href={`${dealsHref}?overdue=1&sort=due&dir=asc`}
          warnOnly
        />
      </div>
    </section>
  );
}

type HealthCardProps = {
  id: "dealsWithoutAction" | "overdueActions";
  count: number;
  locale: string;
  okText: string;
  badText: string;
  href: string;
  warnOnly?: boolean;
};

/** Green when the count is 0, red (or amber for overdue work) otherwise; the colour is never the only signal. */
function HealthCard({ id, count, locale, okText, badText, href, warnOnly }: HealthCardProps) {
  const def = KPI_DEFINITIONS[id];
  const ok = count === 0;
  const Icon = ok ? CircleCheck : CircleAlert;
  return (
    <Card
      data-testid={`kpi-${id}`}
      data-state={ok ? "ok" : "alert"}
      className={clsx(
        "flex items-start gap-3 p-4",
        ok
          ? "border-emerald-200 bg-emerald-50/60 dark:border-emerald-900 dark:bg-emerald-950/30"
          : warnOnly
            ? "border-amber-200 bg-amber-50/60 dark:border-amber-900 dark:bg-amber-950/30"
            : "border-red-200 bg-red-50/70 dark:border-red-900 dark:bg-red-950/40",
      )}
    >
      <Icon
        aria-hidden
        className={clsx(
          "mt-0.5 size-5 shrink-0",
          ok
            ? "text-emerald-600 dark:text-emerald-400"
            : warnOnly
              ? "text-amber-600 dark:text-amber-400"
              : "text-red-600 dark:text-red-400",
        )}
      />
      <div className="min-w-0 flex-1">
        <div className="flex items-center gap-1">
          <h3 className="text-sm font-medium text-zinc-700 dark:text-zinc-300">{def.label}</h3>
          <InfoTip label={`What “${def.label}” means`}>{def.definition}</InfoTip>
        </div>
        <p className="text-sm text-zinc-700 dark:text-zinc-300">
          <span className="mr-1 text-2xl font-semibold text-zinc-900 tabular-nums dark:text-zinc-50" data-testid="kpi-value">
            {formatCount(count, locale)}
          </span>
          {ok ? <span className="sr-only">— healthy. </span> : <span className="sr-only">— needs attention. </span>}
          {ok ? okText : badText}
        </p>
        {!ok ? (
          <Link href={href} className="text-sm font-medium text-brand-700 hover:underline dark:text-brand-300">
            Show these deals
          </Link>
        ) : null}
      </div>
    </Card>
  );
}
