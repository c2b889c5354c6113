import { eq } from "drizzle-orm";

import { getDb } from "../../../src/db/client";
import { deals, dealStageHistory, pipelineStages } from "../../../src/db/schema";
import { wallTimeIn } from "../../../src/lib/dates/zoned";
import { weightedValue } from "../../../src/lib/deals/rules";
import { type DashboardWindow, mondayOf, toIsoDate } from "../../../src/lib/kpi/period";

/**
 * The dashboard recomputed the naive way: every row of the org read into memory and counted with
 * plain JavaScript. Deliberately written apart from the SQL so the two can disagree.
 */
export type DealRow = typeof deals.$inferSelect;
export type HistoryRow = typeof dealStageHistory.$inferSelect;
export type StageRow = typeof pipelineStages.$inferSelect;

export async function loadOrgRows(orgId: string) {
  const db = getDb();
  const [d, h, s] = await Promise.all([
    db.select().from(deals).where(eq(deals.orgId, orgId)),
    db.select().from(dealStageHistory).where(eq(dealStageHistory.orgId, orgId)),
    db.select().from(pipelineStages).where(eq(pipelineStages.orgId, orgId)),
  ]);
  return { deals: d, history: h, stages: s };
}

const t = (d: Date | null) => (d ? d.getTime() : Number.NaN);
export const inRange = (d: Date | null, r: { start: Date; end: Date }) => d !== null && t(d) >= r.start.getTime() && t(d) < r.end.getTime();
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

export function naiveKpis(rows: DealRow[], history: HistoryRow[], stages: StageRow[], w: DashboardWindow, orgCurrency: string) {
  const stageOf = new Map(stages.map((s) => [s.id, s]));
  const t0 = w.period.start.getTime();
  const openAtStart = (d: DealRow) => t(d.createdAt) < t0 && (d.closedAt === null || t(d.closedAt) >= t0);
  const probAtStart = (d: DealRow): number => {
    if (d.status === "open") return d.probability;
    const stays = history.filter((h) => h.dealId === d.id && t(h.enteredAt) <= t0).sort((a, b) => t(b.enteredAt) - t(a.enteredAt));
    return stays[0] ? stageOf.get(stays[0].stageId)!.probability : 0;
  };
  const byCurrency = new Map<string, DealRow[]>();
  for (const d of rows) byCurrency.set(d.currency, [...(byCurrency.get(d.currency) ?? []), d]);
  const won = (d: DealRow, r: { start: Date; end: Date }) => d.status === "won" && inRange(d.closedAt, r);
  const lost = (d: DealRow, r: { start: Date; end: Date }) => d.status === "lost" && inRange(d.closedAt, r);
  const monthNow = { start: w.month.start, end: w.month.end };
  const monthPrev = { start: w.month.previousStart, end: w.month.previousEnd };
  const cycle = (d: DealRow) => (t(d.closedAt) - t(d.createdAt)) / 86_400_000;
  const currencies = [...byCurrency.entries()].map(([currency, ds]) => ({
    currency,
    openValue: sum(ds.filter((d) => d.status === "open").map((d) => d.valueMinor)),
    openWeighted: sum(ds.filter((d) => d.status === "open").map((d) => weightedValue(d.valueMinor, d.probability))),
    openAtStartValue: sum(ds.filter(openAtStart).map((d) => d.valueMinor)),
    openAtStartWeighted: sum(ds.filter(openAtStart).map((d) => weightedValue(d.valueMinor, probAtStart(d)))),
    createdValue: sum(ds.filter((d) => inRange(d.createdAt, w.period)).map((d) => d.valueMinor)),
    createdCount: ds.filter((d) => inRange(d.createdAt, w.period)).length,
    prevCreatedValue: sum(ds.filter((d) => inRange(d.createdAt, w.previous)).map((d) => d.valueMinor)),
    prevCreatedCount: ds.filter((d) => inRange(d.createdAt, w.previous)).length,
    wonValue: sum(ds.filter((d) => won(d, w.period)).map((d) => d.valueMinor)),
    wonCount: ds.filter((d) => won(d, w.period)).length,
    prevWonValue: sum(ds.filter((d) => won(d, w.previous)).map((d) => d.valueMinor)),
    prevWonCount: ds.filter((d) => won(d, w.previous)).length,
    monthWonValue: sum(ds.filter((d) => won(d, monthNow)).map((d) => d.valueMinor)),
    prevMonthWonValue: sum(ds.filter((d) => won(d, monthPrev)).map((d) => d.valueMinor)),
  }));
  currencies.sort(
    (a, b) => Number(b.currency === orgCurrency) - Number(a.currency === orgCurrency) || a.currency.localeCompare(b.currency),
  );
  const counts = {
    open: rows.filter((d) => d.status === "open").length,
    openAtStart: rows.filter(openAtStart).length,
    created: rows.filter((d) => inRange(d.createdAt, w.period)).length,
    createdWon: rows.filter((d) => inRange(d.createdAt, w.period) && d.status === "won").length,
    prevCreated: rows.filter((d) => inRange(d.createdAt, w.previous)).length,
    prevCreatedWon: rows.filter((d) => inRange(d.createdAt, w.previous) && d.status === "won").length,
    won: rows.filter((d) => won(d, w.period)).length,
    lost: rows.filter((d) => lost(d, w.period)).length,
    prevWon: rows.filter((d) => won(d, w.previous)).length,
    prevLost: rows.filter((d) => lost(d, w.previous)).length,
    wonDays: sum(rows.filter((d) => won(d, w.period)).map(cycle)),
    prevWonDays: sum(rows.filter((d) => won(d, w.previous)).map(cycle)),
  };
  return { currencies, counts };
}

export function naiveFunnel(rows: DealRow[], history: HistoryRow[], stages: StageRow[], w: DashboardWindow, orgCurrency: string) {
  const visible = new Set(rows.map((d) => d.id));
  const stageOf = new Map(stages.map((s) => [s.id, s]));
  return stages
    .filter((s) => s.kind === "open")
    .sort((a, b) => a.position - b.position)
    .map((s) => {
      const open = rows.filter((d) => d.status === "open" && d.stageId === s.id);
      const own = open.filter((d) => d.currency === orgCurrency);
      const stays = history.filter((h) => visible.has(h.dealId) && h.stageId === s.id && inRange(h.enteredAt, w.period));
      const entered = new Set(stays.map((h) => h.dealId));
      const advanced = new Set(
        stays
          .filter((h) =>
            history.some((later) => {
              const ls = stageOf.get(later.stageId)!;
              return (
                later.dealId === h.dealId &&
                t(later.enteredAt) > t(h.enteredAt) &&
                (ls.kind === "won" || (ls.kind === "open" && ls.position > s.position))
              );
            }),
          )
          .map((h) => h.dealId),
      );
      return {
        stageId: s.id,
        count: open.length,
        valueMinor: sum(own.map((d) => d.valueMinor)),
        weightedMinor: sum(own.map((d) => weightedValue(d.valueMinor, d.probability))),
        entered: entered.size,
        advanced: advanced.size,
      };
    });
}

export function naiveTrend(rows: DealRow[], w: DashboardWindow, orgCurrency: string) {
  return w.trend.weeks.map((week) => {
    const inWeek = rows.filter(
      (d) => d.status === "won" && inRange(d.closedAt, w.trend) && mondayOf(toIsoDate(wallTimeIn(d.closedAt!, w.timeZone))) === week,
    );
    return { week, wonCount: inWeek.length, wonMinor: sum(inWeek.filter((d) => d.currency === orgCurrency).map((d) => d.valueMinor)) };
  });
}

export function naiveLeaderboard(rows: DealRow[], w: DashboardWindow, orgCurrency: string) {
  const owners = new Set(rows.filter((d) => inRange(d.createdAt, w.period) || inRange(d.closedAt, w.period)).map((d) => d.ownerId));
  return [...owners].map((ownerId) => {
    const mine = rows.filter((d) => d.ownerId === ownerId);
    const wonRows = mine.filter((d) => d.status === "won" && inRange(d.closedAt, w.period));
    const ownWon = wonRows.filter((d) => d.currency === orgCurrency);
    return {
      ownerId,
      wonMinor: sum(ownWon.map((d) => d.valueMinor)),
      wonCount: wonRows.length,
      lostCount: mine.filter((d) => d.status === "lost" && inRange(d.closedAt, w.period)).length,
      createdCount: mine.filter((d) => inRange(d.createdAt, w.period)).length,
      createdWonCount: mine.filter((d) => inRange(d.createdAt, w.period) && d.status === "won").length,
      averageWonMinor: ownWon.length ? Math.round(sum(ownWon.map((d) => d.valueMinor)) / ownWon.length) : null,
      cycleDays: wonRows.length ? sum(wonRows.map((d) => (t(d.closedAt) - t(d.createdAt)) / 86_400_000)) / wonRows.length : null,
    };
  });
}

/** Group rows by a key, with count, org-currency value and won count. */
export function naiveGroup(rows: DealRow[], key: (d: DealRow) => string | null, orgCurrency: string) {
  const groups = new Map<string | null, DealRow[]>();
  for (const d of rows) groups.set(key(d), [...(groups.get(key(d)) ?? []), d]);
  return [...groups.entries()].map(([label, ds]) => ({
    label,
    count: ds.length,
    valueMinor: sum(ds.filter((d) => d.currency === orgCurrency).map((d) => d.valueMinor)),
    ownCount: ds.filter((d) => d.currency === orgCurrency).length,
    wonCount: ds.filter((d) => d.status === "won").length,
  }));
}
