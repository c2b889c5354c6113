import "server-only";

import type { DashboardFilters } from "@/lib/schemas/dashboard-filters";
import { DASHBOARD_TABLE_LABELS, DASHBOARD_TABLES, type DashboardTable } from "@/lib/schemas/export-params";
import { type DeadlineRow, getDeadlines } from "@/server/data/dashboard/deadlines";
import { type FunnelStage, getFunnel } from "@/server/data/dashboard/funnel";
import { getLeaderboard, type LeaderboardRow } from "@/server/data/dashboard/leaderboard";
import { type CurrencyAmount, dashboardQuery } from "@/server/data/dashboard/scope";
import { getSectorAnalysis, type SectorRow } from "@/server/data/dashboard/sectors";
import { NotFoundError } from "@/server/errors";
import type { TenantContext } from "@/server/tenant";

import { digitsOf, minorToDecimal } from "./csv";
import { tableFile } from "./respond";
import { type ExportColumn, staticRows } from "./table";

/**
 * The dashboard's tables, from the dashboard's own data functions for the same URL filters: the
 * file holds what the page shows. They are aggregates (one row per stage, rep or sector), so they
 * come as one batch; only the deadline list is longer on paper than on screen (the page shows 50).
 *
 * The whole deadline horizon is exported (open deals closing within 30 days or overdue), not the page's first 50.
 */
export const DEADLINE_EXPORT_LIMIT = 10_000;

export function parseDashboardTable(value: string): DashboardTable {
  const table = DASHBOARD_TABLES.find((t) => t === value);
  if (!table) throw new NotFoundError("Dashboard table");
  return table;
}

/** "EUR 1234.50; USD 99.00": amounts in other currencies are listed, never converted or added. */
function othersText(others: CurrencyAmount[]): string | null {
  return others.length === 0 ? null : others.map((o) => `${o.currency} ${minorToDecimal(o.minor, digitsOf(o.currency))}`).join("; ");
}

function deadlineColumns(): ExportColumn<DeadlineRow>[] {
  return [
    { header: "Expected close", kind: "date", width: 14, value: (r) => r.expectedCloseDate },
    { header: "Overdue", kind: "text", width: 9, value: (r) => (r.overdue ? "Yes" : "No") },
    { header: "Title", kind: "text", width: 36, value: (r) => r.title },
    { header: "Contact", kind: "text", width: 28, value: (r) => r.contactName },
    { header: "Owner", kind: "text", width: 20, value: (r) => r.ownerName },
    { header: "Stage", kind: "text", width: 14, value: (r) => r.stageName },
    { header: "Value", kind: "money", width: 16, value: (r) => r.valueMinor, currency: (r) => r.currency },
    { header: "Currency", kind: "text", width: 9, value: (r) => r.currency },
    { header: "Probability", kind: "percent", width: 12, value: (r) => r.probability / 100 },
    { header: "Deal ID", kind: "text", width: 38, value: (r) => r.id },
  ];
}

type RankedLeader = LeaderboardRow & { rank: number };

function leaderboardColumns(currency: string): ExportColumn<RankedLeader>[] {
  const own = () => currency;
  return [
    { header: "Rank", kind: "integer", width: 6, value: (r) => r.rank },
    { header: "Rep", kind: "text", width: 24, value: (r) => r.name },
    { header: `Won value (${currency})`, kind: "money", width: 18, value: (r) => r.wonMinor, currency: own },
    { header: "Won in other currencies", kind: "text", width: 24, value: (r) => othersText(r.others) },
    { header: "Deals won", kind: "integer", width: 10, value: (r) => r.wonCount },
    { header: "Deals lost", kind: "integer", width: 10, value: (r) => r.lostCount },
    { header: "Win rate", kind: "percent", width: 10, value: (r) => r.winRate },
    { header: "Deals created", kind: "integer", width: 13, value: (r) => r.createdCount },
    { header: "Created and won", kind: "integer", width: 15, value: (r) => r.createdWonCount },
    { header: "Conversion rate", kind: "percent", width: 15, value: (r) => r.conversionRate },
    { header: `Average won deal (${currency})`, kind: "money", width: 22, value: (r) => r.averageWonMinor, currency: own },
    {
      header: "Average cycle (days)",
      kind: "decimal",
      width: 18,
      value: (r) => (r.cycleDays === null ? null : Math.round(r.cycleDays * 10) / 10),
    },
  ];
}

type RankedSector = SectorRow & { topRank: number | null };

function sectorColumns(currency: string): ExportColumn<RankedSector>[] {
  const own = () => currency;
  return [
    { header: "Sector", kind: "text", width: 24, value: (r) => r.sector ?? "(none)" },
    { header: "Deals created", kind: "integer", width: 13, value: (r) => r.count },
    { header: `Value (${currency})`, kind: "money", width: 18, value: (r) => r.valueMinor, currency: own },
    { header: `Average basket (${currency})`, kind: "money", width: 20, value: (r) => r.averageMinor, currency: own },
    { header: `Won value (${currency})`, kind: "money", width: 18, value: (r) => r.wonMinor, currency: own },
    { header: "Deals in other currencies", kind: "integer", width: 22, value: (r) => r.otherCurrencyCount },
    { header: "Top 5 by average basket", kind: "integer", width: 22, value: (r) => r.topRank },
  ];
}

function funnelColumns(currency: string): ExportColumn<FunnelStage>[] {
  const own = () => currency;
  return [
    { header: "Stage", kind: "text", width: 18, value: (r) => r.name },
    { header: "Probability", kind: "percent", width: 12, value: (r) => r.probability / 100 },
    { header: "Open deals", kind: "integer", width: 11, value: (r) => r.count },
    { header: `Value (${currency})`, kind: "money", width: 18, value: (r) => r.valueMinor, currency: own },
    { header: `Weighted value (${currency})`, kind: "money", width: 20, value: (r) => r.weightedMinor, currency: own },
    { header: "Other currencies (value)", kind: "text", width: 24, value: (r) => othersText(r.others) },
    { header: "Entered in period", kind: "integer", width: 16, value: (r) => r.entered },
    { header: "Moved on", kind: "integer", width: 10, value: (r) => r.advanced },
    { header: "Stage conversion", kind: "percent", width: 16, value: (r) => r.conversion },
  ];
}

/**
 * One dashboard table for the dashboard's filters as CSV or XLSX, named after the period it covers
 * ("rendetalje-leaderboard-2026-10-23-to-2026-11-21.xlsx").
 */
export async function dashboardTableFile(
  ctx: TenantContext,
  url: URL,
  table: DashboardTable,
  filters: DashboardFilters,
  now: Date = new Date(),
) {
  const q = dashboardQuery(ctx, filters, now);
  const currency = ctx.org.currency;
  const title = DASHBOARD_TABLE_LABELS[table];
  const file = <R>(columns: ExportColumn<R>[], rows: R[]) =>
    tableFile(ctx, url, {
      what: table,
      stamp: `${q.window.period.from}-to-${q.window.period.to}`,
      title,
      table: { sheet: title, columns, open: staticRows(rows) },
    });
  switch (table) {
    case "deadlines":
      return file(deadlineColumns(), (await getDeadlines(ctx, { ...q, limit: DEADLINE_EXPORT_LIMIT })).rows);
    case "leaderboard":
      return file(
        leaderboardColumns(currency),
        (await getLeaderboard(ctx, q)).map((r, i) => ({ ...r, rank: i + 1 })),
      );
    case "sectors": {
      const { bySector, topByAverage } = await getSectorAnalysis(ctx, q);
      const rows = bySector.map((s) => {
        const top = topByAverage.findIndex((t) => t.sector === s.sector);
        return { ...s, topRank: top < 0 ? null : top + 1 };
      });
      return file(sectorColumns(currency), rows);
    }
    case "funnel":
      return file(funnelColumns(currency), await getFunnel(ctx, q));
  }
}
