import "server-only";

import { Readable } from "node:stream";

import { formatDateTime } from "@/lib/dates/format";
import { type ChangeUnit, formatChange, formatCount, formatDay, formatDays, formatPercent } from "@/lib/format/figures";
import { type Change, changeTone } from "@/lib/kpi/change";
import { KPI_DEFINITIONS } from "@/lib/kpi/definitions";
import { todayIn } from "@/lib/kpi/period";
import { type KpiSummary, type OtherCurrency, summarizeKpis } from "@/lib/kpi/summary";
import { formatMoney } from "@/lib/money";
import { can } from "@/lib/permissions";
import { DEFAULT_DASHBOARD_FILTERS } from "@/lib/schemas/dashboard-filters";
import { monthRange, type ReportMonth } from "@/lib/schemas/export-params";
import { type FunnelStage, getFunnel } from "@/server/data/dashboard/funnel";
import { getDealKpis, getPipelineHealth, type PipelineHealth } from "@/server/data/dashboard/kpis";
import { getLeaderboard, type LeaderboardRow } from "@/server/data/dashboard/leaderboard";
import { dashboardQuery } from "@/server/data/dashboard/scope";
import { getSectorAnalysis, type SectorAnalysis } from "@/server/data/dashboard/sectors";
import type { TenantContext } from "@/server/tenant";

import { BRAND, CONTENT_WIDTH, createPdf, heading, INK, kpiCards, MARGIN, MUTED, paragraph, type Pdf, safe, table } from "./pdf-layout";

export type MonthlyReport = {
  month: ReportMonth;
  from: string;
  to: string;
  days: number;
  /** The month is not over yet: figures are month to date. */
  toDate: boolean;
  generatedAt: Date;
  kpis: KpiSummary;
  health: PipelineHealth;
  funnel: FunnelStage[];
  sectors: SectorAnalysis;
  leaderboard: LeaderboardRow[];
};

export const REPORT_LEADERS = 20;
export const REPORT_SECTORS = 5;

/**
 * The month's figures from the dashboard's own data functions, with the dashboard's filters set to
 * that month (no stage, sector or owner filter): the report shows what the dashboard shows for it.
 */
export async function getMonthlyReport(ctx: TenantContext, month: ReportMonth, now: Date = new Date()): Promise<MonthlyReport> {
  const { from, to, days } = monthRange(month);
  const q = dashboardQuery(ctx, { ...DEFAULT_DASHBOARD_FILTERS, range: "custom", from, to }, now);
  const [aggregates, health, funnel, sectors, leaderboard] = await Promise.all([
    getDealKpis(ctx, q),
    getPipelineHealth(ctx, q),
    getFunnel(ctx, q),
    getSectorAnalysis(ctx, q),
    getLeaderboard(ctx, q),
  ]);
  return {
    month,
    from,
    to,
    days,
    toDate: to >= todayIn(now, ctx.org.timeZone),
    generatedAt: now,
    kpis: summarizeKpis(aggregates, ctx.org.currency),
    health,
    funnel,
    sectors,
    leaderboard,
  };
}

type Formats = { money: (minor: number | null) => string; others: (others: OtherCurrency[]) => string | null };

function formatsFor(doc: Pdf, locale: string, currency: string): Formats {
  // Without the Unicode font "₹" cannot be drawn: amounts then carry the ISO code ("INR 12,500").
  const code = new Intl.NumberFormat(locale, { style: "currency", currency, currencyDisplay: "code", maximumFractionDigits: 0 });
  const money = (minor: number | null, cur = currency) =>
    minor === null
      ? "—"
      : doc.unicodeFonts
        ? formatMoney(minor, cur, locale)
        : cur === currency
          ? code.format(minor / 100)
          : `${cur} ${Math.round(minor / 100)}`;
  return {
    money: (minor) => money(minor),
    others: (others) => (others.length === 0 ? null : `+ ${others.map((o) => money(o.minor, o.currency)).join(", ")} in other currencies`),
  };
}

function card(
  label: string,
  value: string,
  change: Change,
  unit: ChangeUnit,
  better: "higher" | "lower",
  locale: string,
  previousLabel: string,
  extra?: string | null,
) {
  const delta = formatChange(change, unit, locale);
  return {
    label,
    value,
    note: delta ? `${delta} vs ${previousLabel}` : `nothing to compare with ${previousLabel}`,
    tone: changeTone(change, better),
    extra,
  };
}

function drawTitle(doc: Pdf, ctx: TenantContext, r: MonthlyReport, monthLabel: string) {
  const { locale, timeZone, currency } = ctx.org;
  doc.rect(MARGIN, MARGIN, 28, 3).fillColor(BRAND).fill();
  doc
    .moveDown(0.6)
    .fontSize(8)
    .fillColor(MUTED)
    .text("MOMENTUM · MONTHLY REPORT", MARGIN, MARGIN + 10);
  doc.moveDown(0.6).fontSize(24).fillColor(INK).text(safe(doc, ctx.org.name), { width: CONTENT_WIDTH });
  doc
    .fontSize(15)
    .fillColor(INK)
    .text(safe(doc, `${monthLabel}${r.toDate ? " (month to date)" : ""}`), { width: CONTENT_WIDTH });
  doc.moveDown(0.4);
  const scope = can(ctx.role, "deals.viewAll") ? "the whole team" : `the deals of ${ctx.userName}`;
  paragraph(doc, `${formatDay(r.from, locale, true)} – ${formatDay(r.to, locale, true)} · ${scope} · amounts in ${currency}`);
  paragraph(doc, `Generated ${formatDateTime(r.generatedAt, locale, timeZone)} (${timeZone}) by ${ctx.userName}`);
}

/** The report as a PDF byte stream: title, KPI block, funnel, top sectors, leaderboard. */
export function monthlyReportPdf(ctx: TenantContext, r: MonthlyReport): ReadableStream<Uint8Array> {
  const { locale, currency } = ctx.org;
  const monthLabel = new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${r.from}T12:00:00Z`),
  );
  const doc = createPdf({
    title: `${ctx.org.name} — monthly report ${r.month}`,
    subject: `KPIs, funnel, sectors and leaderboard for ${monthLabel}`,
    footer: `Momentum · ${ctx.org.name} · ${monthLabel}`,
  });
  const f = formatsFor(doc, locale, currency);
  const k = r.kpis;
  const prev = `the ${r.days} days before`;
  const money: ChangeUnit = { kind: "money", currency };

  drawTitle(doc, ctx, r, monthLabel);

  heading(
    doc,
    "Key figures",
    "Won, lost and cycle: deals closed in the month. Basket and conversion: deals created in the month. Pipeline: open deals today, against the start of the month.",
  );
  kpiCards(doc, [
    card(
      KPI_DEFINITIONS.revenueWon.label,
      f.money(k.revenueWon.change.current),
      k.revenueWon.change,
      money,
      "higher",
      locale,
      prev,
      f.others(k.revenueWon.others),
    ),
    card("Deals won", formatCount(k.wonCount.current, locale), k.wonCount, { kind: "count" }, "higher", locale, prev),
    card(
      KPI_DEFINITIONS.winRate.label,
      formatPercent(k.winRate.current, locale),
      k.winRate,
      { kind: "ratio" },
      "higher",
      locale,
      prev,
      `${formatCount(k.counts.won, locale)} won, ${formatCount(k.counts.lost, locale)} lost`,
    ),
    card(
      KPI_DEFINITIONS.conversionRate.label,
      formatPercent(k.conversionRate.current, locale),
      k.conversionRate,
      { kind: "ratio" },
      "higher",
      locale,
      prev,
      `${formatCount(k.counts.created, locale)} deals created`,
    ),
    card(
      KPI_DEFINITIONS.averageBasket.label,
      f.money(k.averageBasket.change.current),
      k.averageBasket.change,
      money,
      "higher",
      locale,
      prev,
    ),
    card(
      KPI_DEFINITIONS.salesCycle.label,
      formatDays(k.salesCycleDays.current, locale),
      k.salesCycleDays,
      { kind: "days" },
      "lower",
      locale,
      prev,
    ),
    card(
      KPI_DEFINITIONS.weightedPipeline.label,
      f.money(k.weightedPipeline.change.current),
      k.weightedPipeline.change,
      money,
      "higher",
      locale,
      "month start",
      f.others(k.weightedPipeline.others),
    ),
    card(
      KPI_DEFINITIONS.openPipeline.label,
      f.money(k.openPipelineValue.change.current),
      k.openPipelineValue.change,
      money,
      "higher",
      locale,
      "month start",
      `${formatCount(k.openPipelineCount.current, locale)} open deals`,
    ),
    card(
      KPI_DEFINITIONS.salesVelocity.label,
      k.salesVelocity.current === null ? "—" : `${f.money(k.salesVelocity.current)}/day`,
      k.salesVelocity,
      money,
      "higher",
      locale,
      prev,
    ),
  ]);
  paragraph(
    doc,
    `Next-step discipline today — open deals without a next action: ${formatCount(r.health.dealsWithoutAction, locale)} · overdue next actions: ${formatCount(r.health.overdueActions, locale)} · open deals past their expected close date: ${formatCount(r.health.closeOverdue, locale)}.`,
  );

  heading(
    doc,
    "Weighted funnel",
    "Open deals per stage today; conversion: of the deals that entered the stage in the month, the share that moved further or was won.",
  );
  const maxWeighted = Math.max(1, ...r.funnel.map((s) => s.weightedMinor));
  table(
    doc,
    [
      { header: "Stage", width: 90 },
      { header: "Deals", width: 40, align: "right" },
      { header: "Value", width: 70, align: "right" },
      { header: "Weighted", width: 70, align: "right" },
      { header: "", width: 90 },
      { header: "Entered", width: 45, align: "right" },
      { header: "Conversion", width: 55, align: "right" },
    ],
    r.funnel.map((s) => ({
      cells: [
        `${s.name} (${s.probability} %)`,
        formatCount(s.count, locale),
        f.money(s.valueMinor),
        f.money(s.weightedMinor),
        "",
        formatCount(s.entered, locale),
        formatPercent(s.conversion, locale),
      ],
      bar: s.weightedMinor / maxWeighted,
    })),
  );

  const topSectors = r.sectors.bySector.slice(0, REPORT_SECTORS);
  heading(doc, "Top sectors", `The ${REPORT_SECTORS} sectors with the most value among the deals created in the month.`);
  if (topSectors.length === 0) paragraph(doc, "No deals were created in the month.");
  else {
    const maxValue = Math.max(1, ...topSectors.map((s) => s.valueMinor));
    table(
      doc,
      [
        { header: "Sector", width: 100 },
        { header: "Deals", width: 40, align: "right" },
        { header: "Value", width: 70, align: "right" },
        { header: "", width: 80 },
        { header: "Average basket", width: 70, align: "right" },
        { header: "Won", width: 70, align: "right" },
      ],
      topSectors.map((s) => ({
        cells: [
          s.sector ?? "No sector",
          formatCount(s.count, locale),
          f.money(s.valueMinor),
          "",
          f.money(s.averageMinor),
          f.money(s.wonMinor),
        ],
        bar: s.valueMinor / maxValue,
      })),
    );
  }

  heading(doc, "Rep leaderboard", "Ranked by value won in the month. Win rate: won ÷ (won + lost) of the deals closed in the month.");
  if (r.leaderboard.length === 0) paragraph(doc, "No deals were created or closed in the month.");
  else {
    table(
      doc,
      [
        { header: "#", width: 18, align: "right" },
        { header: "Rep", width: 110 },
        { header: "Won value", width: 75, align: "right" },
        { header: "Won", width: 35, align: "right" },
        { header: "Lost", width: 35, align: "right" },
        { header: "Win rate", width: 50, align: "right" },
        { header: "Avg. won deal", width: 70, align: "right" },
        { header: "Cycle", width: 55, align: "right" },
      ],
      r.leaderboard.slice(0, REPORT_LEADERS).map((l, i) => ({
        cells: [
          String(i + 1),
          l.name,
          f.money(l.wonMinor),
          formatCount(l.wonCount, locale),
          formatCount(l.lostCount, locale),
          formatPercent(l.winRate, locale),
          f.money(l.averageWonMinor),
          formatDays(l.cycleDays, locale),
        ],
      })),
    );
    if (r.leaderboard.length > REPORT_LEADERS)
      paragraph(doc, `And ${r.leaderboard.length - REPORT_LEADERS} more: the dashboard's leaderboard export has every rep.`);
  }
  doc.end();
  return Readable.toWeb(doc) as ReadableStream<Uint8Array>;
}
