import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { getDb } from "@/db/client";
import { actions, deals, dealStageHistory } from "@/db/schema";
import { summarizeKpis } from "@/lib/kpi/summary";
import { type DashboardFilters, parseDashboardFilters } from "@/lib/schemas/dashboard-filters";
import { getLossReasonBreakdown, getSourceBreakdown } from "@/server/data/dashboard/breakdowns";
import { clearDashboardCache, getDashboardCached } from "@/server/data/dashboard/cache";
import { getDeadlines } from "@/server/data/dashboard/deadlines";
import { getFunnel } from "@/server/data/dashboard/funnel";
import { getDashboard } from "@/server/data/dashboard/get-dashboard";
import { getDealKpis, getPipelineHealth } from "@/server/data/dashboard/kpis";
import { getLeaderboard } from "@/server/data/dashboard/leaderboard";
import { dashboardQuery } from "@/server/data/dashboard/scope";
import { getSectorAnalysis } from "@/server/data/dashboard/sectors";
import { getRevenueTrend } from "@/server/data/dashboard/trend";
import { deleteDeal } from "@/server/data/deals";
import { listLossReasons, listStages } from "@/server/data/stages";
import { resolveTenant, type TenantContext } from "@/server/tenant";
import {
  type DealRow,
  inRange,
  loadOrgRows,
  naiveFunnel,
  naiveGroup,
  naiveKpis,
  naiveLeaderboard,
  naiveTrend,
} from "@tests/integration/support/dashboard-naive";
import { expectedWindow, FIXED_NOW, FIXED_TIME_ZONE } from "@tests/integration/support/dashboard-windows";
import { ctxFor, twoOrgs } from "@tests/integration/support/fixtures";

const DAY = 86_400_000;
const HOUR = 3_600_000;
// A fixed now (see dashboard-windows.ts): the expected windows are written out for it, DST change included.
const NOW = FIXED_NOW;
const ago = (days: number) => new Date(NOW.getTime() - days * DAY - 3 * HOUR); // off the midnight boundaries
const isoIn = (days: number) => new Date(NOW.getTime() + days * DAY).toISOString().slice(0, 10);

type Stay = { stage: string; at: Date };
type Spec = {
  owner: string;
  stage: string; // stage name
  value: number;
  currency?: string;
  created: Date;
  closed?: Date;
  sector?: string | null;
  source?: string | null;
  closeDate?: string | null;
  probability?: number;
  /** Earlier stays before the current one (the current one starts at `entered` or `closed` or `created`). */
  earlier?: Stay[];
  entered?: Date;
  dueAt?: Date;
};

/** Inserts hand-picked deals with backdated clocks, their stage history and (open deals) one pending action, in one transaction each. */
async function seed(ctx: TenantContext, specs: Spec[]) {
  const stages = await listStages(ctx);
  const byName = new Map(stages.map((s) => [s.name, s]));
  const [reason] = await listLossReasons(ctx);
  const ids: string[] = [];
  for (const spec of specs) {
    const stage = byName.get(spec.stage)!;
    const current = spec.closed ?? spec.entered ?? spec.created;
    await getDb().transaction(async (tx) => {
      const [deal] = await tx
        .insert(deals)
        .values({
          orgId: ctx.orgId,
          title: `${spec.stage} ${spec.value}`,
          contactName: "Acme",
          ownerId: spec.owner,
          valueMinor: spec.value,
          currency: spec.currency ?? ctx.org.currency,
          stageId: stage.id,
          probability: spec.probability ?? stage.probability,
          sector: spec.sector === undefined ? "Retail" : spec.sector,
          source: spec.source === undefined ? "Website" : spec.source,
          expectedCloseDate: spec.closeDate ?? null,
          lossReasonId: stage.kind === "lost" ? reason!.id : null,
          closedAt: spec.closed ?? null,
          stageEnteredAt: current,
          createdAt: spec.created,
        })
        .returning({ id: deals.id });
      ids.push(deal!.id);
      const stays = spec.earlier ?? [];
      if (stays.length > 0) {
        await tx.insert(dealStageHistory).values(
          stays.map((s, i) => ({
            orgId: ctx.orgId,
            dealId: deal!.id,
            stageId: byName.get(s.stage)!.id,
            enteredAt: s.at,
            exitedAt: stays[i + 1]?.at ?? current,
          })),
        );
      }
      if (stage.kind === "open") {
        await tx.insert(actions).values({
          orgId: ctx.orgId,
          dealId: deal!.id,
          ownerId: spec.owner,
          type: "call",
          dueAt: spec.dueAt ?? new Date(NOW.getTime() + 2 * DAY),
          details: "Next step",
        });
      }
    });
  }
  return ids;
}

async function setup() {
  const { a, b } = await twoOrgs();
  const [admin, manager, rep, rep2, otherAdmin] = await Promise.all([
    ctxFor(a.admin.id, a.org.slug),
    ctxFor(a.manager.id, a.org.slug),
    ctxFor(a.rep.id, a.org.slug),
    ctxFor(a.rep2.id, a.org.slug),
    ctxFor(b.admin.id, b.org.slug),
  ]);
  const r = a.rep.id;
  const r2 = a.rep2.id;
  const m = a.manager.id;
  const ids = await seed(admin, [
    // Open, created in the period, overdue next action, closes in 10 days.
    { owner: r, stage: "Lead", value: 1_000_000, created: ago(5), closeDate: isoIn(10), dueAt: new Date(NOW.getTime() - 2 * HOUR) },
    // Open since before the period; moved Lead → Qualified inside it.
    {
      owner: r2,
      stage: "Qualified",
      value: 2_000_000,
      created: ago(40),
      entered: ago(20),
      earlier: [{ stage: "Lead", at: ago(40) }],
      sector: "Tech",
      source: "Referral",
      closeDate: isoIn(-3),
    },
    // Another currency: never summed into the DKK figures.
    { owner: m, stage: "Proposal", value: 500_000, currency: "EUR", created: ago(10), closeDate: isoIn(25) },
    // Won in the period, created in the previous one, skipped Qualified.
    {
      owner: r,
      stage: "Won",
      value: 5_000_000,
      created: ago(60),
      closed: ago(3),
      earlier: [
        { stage: "Lead", at: ago(60) },
        { stage: "Proposal", at: ago(45) },
      ],
      sector: "Tech",
    },
    // Lost in the period, created in it.
    { owner: r2, stage: "Lost", value: 700_000, created: ago(15), closed: ago(2), earlier: [{ stage: "Lead", at: ago(15) }], source: null },
    // Won in the previous period (10-day cycle).
    { owner: r, stage: "Won", value: 3_000_000, created: ago(45), closed: ago(35), earlier: [{ stage: "Lead", at: ago(45) }] },
    // Won in the period, in EUR.
    {
      owner: r2,
      stage: "Won",
      value: 800_000,
      currency: "EUR",
      created: ago(12),
      closed: ago(1),
      earlier: [
        { stage: "Lead", at: ago(12) },
        { stage: "Negotiation", at: ago(6) },
      ],
      sector: null,
    },
    // Lost in the previous period.
    { owner: r, stage: "Lost", value: 400_000, created: ago(50), closed: ago(40), earlier: [{ stage: "Lead", at: ago(50) }] },
    // Created and won in the period: converts the cohort.
    {
      owner: r,
      stage: "Won",
      value: 1_500_000,
      created: ago(20),
      closed: ago(10),
      earlier: [
        { stage: "Lead", at: ago(20) },
        { stage: "Qualified", at: ago(15) },
      ],
      sector: "Tech",
      source: "Referral",
    },
    // Manual probability, open, Negotiation, closes in 40 days (outside the deadline horizon).
    {
      owner: m,
      stage: "Negotiation",
      value: 900_000,
      probability: 55,
      created: ago(70),
      entered: ago(8),
      earlier: [
        { stage: "Lead", at: ago(70) },
        { stage: "Proposal", at: ago(30) },
      ],
      closeDate: isoIn(40),
    },
    // Open, to be deleted: never counted.
    { owner: r, stage: "Lead", value: 99_999_999, created: ago(3) },
  ]);
  await deleteDeal(admin, { dealId: ids.at(-1)! });
  // The other org has a deal in every shape too: it must never leak in.
  await seed(otherAdmin, [
    { owner: b.rep.id, stage: "Lead", value: 123_400, created: ago(4), closeDate: isoIn(2) },
    { owner: b.rep.id, stage: "Won", value: 777_700, created: ago(9), closed: ago(2) },
  ]);
  return { a, b, admin, manager, rep, rep2, otherAdmin };
}

/** The rows a context may see under the filters, read naively from the whole org. */
async function visibleRows(ctx: TenantContext, f: DashboardFilters) {
  const all = await loadOrgRows(ctx.orgId);
  const viewAll = ctx.role !== "rep";
  const rows = all.deals.filter(
    (d: DealRow) =>
      d.deletedAt === null &&
      (viewAll || d.ownerId === ctx.userId) &&
      (f.stageIds.length === 0 || f.stageIds.includes(d.stageId)) &&
      (f.sectors.length === 0 || (d.sector !== null && f.sectors.includes(d.sector))) &&
      (!viewAll || f.ownerIds.length === 0 || f.ownerIds.includes(d.ownerId)),
  );
  return { ...all, rows };
}

async function expectEverythingMatches(ctx: TenantContext, f: DashboardFilters) {
  const q = dashboardQuery(ctx, f, NOW);
  // The reference uses the hand-written window, never the one the code under test computed.
  const w = expectedWindow(f.range);
  expect(ctx.org.timeZone).toBe(FIXED_TIME_ZONE);
  expect(q.window).toEqual(w);
  const cur = ctx.org.currency;
  const { rows, history, stages } = await visibleRows(ctx, f);
  const naive = naiveKpis(rows, history, stages, w, cur);

  const agg = await getDealKpis(ctx, q);
  expect(agg.counts.wonDays).toBeCloseTo(naive.counts.wonDays, 6);
  expect(agg.counts.prevWonDays).toBeCloseTo(naive.counts.prevWonDays, 6);
  expect({ ...agg.counts, wonDays: 0, prevWonDays: 0 }).toEqual({ ...naive.counts, wonDays: 0, prevWonDays: 0 });
  expect(agg.currencies).toEqual(naive.currencies);
  // The cards are the pure summary of exactly these aggregates.
  expect(summarizeKpis(agg, cur)).toEqual(summarizeKpis(naive, cur));

  const health = await getPipelineHealth(ctx, q);
  const open = rows.filter((d) => d.status === "open");
  const pending = await getDb().select().from(actions).where(eq(actions.orgId, ctx.orgId));
  const pendingOf = (id: string) => pending.find((p) => p.dealId === id && p.completedAt === null);
  expect(health).toEqual({
    openDeals: open.length,
    dealsWithoutAction: open.filter((d) => !pendingOf(d.id)).length,
    overdueActions: open.filter((d) => pendingOf(d.id)!.dueAt < w.now).length,
    closeOverdue: open.filter((d) => d.expectedCloseDate !== null && d.expectedCloseDate < w.today).length,
    closeUpcoming: open.filter(
      (d) => d.expectedCloseDate !== null && d.expectedCloseDate >= w.today && d.expectedCloseDate < w.deadlineUntil,
    ).length,
  });

  const funnel = await getFunnel(ctx, q);
  expect(
    funnel.map(({ stageId, count, valueMinor, weightedMinor, entered, advanced }) => ({
      stageId,
      count,
      valueMinor,
      weightedMinor,
      entered,
      advanced,
    })),
  ).toEqual(naiveFunnel(rows, history, stages, w, cur));

  const trend = await getRevenueTrend(ctx, q);
  expect(trend.map(({ week, wonCount, wonMinor }) => ({ week, wonCount, wonMinor }))).toEqual(naiveTrend(rows, w, cur));

  const board = await getLeaderboard(ctx, q);
  const naiveBoard = naiveLeaderboard(rows, w, cur);
  expect(board.map((r) => r.ownerId).sort()).toEqual(naiveBoard.map((r) => r.ownerId).sort());
  for (const r of board) {
    const n = naiveBoard.find((x) => x.ownerId === r.ownerId)!;
    expect({ ...r, cycleDays: null }).toMatchObject({ ...n, cycleDays: null });
    if (n.cycleDays === null) expect(r.cycleDays).toBeNull();
    else expect(r.cycleDays).toBeCloseTo(n.cycleDays, 6);
  }

  const created = rows.filter((d) => inRange(d.createdAt, w.period));
  const sectors = await getSectorAnalysis(ctx, q);
  const naiveSectors = naiveGroup(created, (d) => d.sector, cur);
  expect(
    sectors.bySector
      .map((s) => ({ label: s.sector, count: s.count, valueMinor: s.valueMinor }))
      .sort((x, y) => String(x.label).localeCompare(String(y.label))),
  ).toEqual(
    naiveSectors
      .map(({ label, count, valueMinor }) => ({ label, count, valueMinor }))
      .sort((x, y) => String(x.label).localeCompare(String(y.label))),
  );

  const sources = await getSourceBreakdown(ctx, q);
  const naiveSources = naiveGroup(created, (d) => d.source, cur);
  expect([...sources].sort((x, y) => String(x.label).localeCompare(String(y.label)))).toEqual(
    naiveSources
      .map(({ label, count, valueMinor, wonCount }) => ({ label, count, valueMinor, wonCount }))
      .sort((x, y) => String(x.label).localeCompare(String(y.label))),
  );

  const losses = await getLossReasonBreakdown(ctx, q);
  const lostRows = rows.filter((d) => d.status === "lost" && inRange(d.closedAt, w.period));
  expect(losses.reduce((n, r) => n + r.count, 0)).toBe(lostRows.length);

  const deadlines = await getDeadlines(ctx, q);
  const naiveDeadlines = open
    .filter((d) => d.expectedCloseDate !== null && d.expectedCloseDate < w.deadlineUntil)
    .sort((x, y) => x.expectedCloseDate!.localeCompare(y.expectedCloseDate!) || x.id.localeCompare(y.id));
  expect(deadlines.rows.map((r) => [r.id, r.expectedCloseDate, r.overdue])).toEqual(
    naiveDeadlines.map((d) => [d.id, d.expectedCloseDate, d.expectedCloseDate! < w.today]),
  );
  return { agg, funnel, rows };
}

describe("dashboard data functions", () => {
  it("match a naive recomputation for the whole org (admin), with known values", async () => {
    const { admin } = await setup();
    const { agg, funnel } = await expectEverythingMatches(admin, parseDashboardFilters({}));
    const s = summarizeKpis(agg, "DKK");
    // Hand-checked: won in the period = 50 000 + 15 000 DKK (plus 8 000 EUR apart), 3 won / 1 lost.
    expect(s.revenueWon.change.current).toBe(6_500_000);
    expect(s.revenueWon.others).toEqual([{ currency: "EUR", minor: 800_000 }]);
    expect(agg.counts).toMatchObject({ won: 3, lost: 1, created: 5, createdWon: 2 });
    expect(s.winRate.current).toBe(0.75);
    expect(s.conversionRate.current).toBe(0.4);
    expect(s.weightedPipeline.others).toEqual([{ currency: "EUR", minor: 250_000 }]);
    // Open DKK deals: 10 000 × 10 % + 20 000 × 30 % + 9 000 × 55 %.
    expect(s.weightedPipeline.change.current).toBe(100_000 + 600_000 + 495_000);
    const lead = funnel.find((f) => f.name === "Lead")!;
    // Entered Lead in the period: the open Lead deal, the lost one, the EUR win and the cohort win; the last two moved on.
    expect([lead.entered, lead.advanced]).toEqual([4, 2]);
  });

  it("respect the sector, stage and owner filters", async () => {
    const { a, admin, manager } = await setup();
    const stages = await listStages(admin);
    const won = stages.find((s) => s.kind === "won")!;
    await expectEverythingMatches(admin, parseDashboardFilters({ sector: "Tech" }));
    await expectEverythingMatches(manager, parseDashboardFilters({ stage: won.id }));
    await expectEverythingMatches(manager, parseDashboardFilters({ owner: [a.rep.id, a.manager.id] }));
    await expectEverythingMatches(admin, parseDashboardFilters({ range: "90d", sector: ["Retail", "Tech"] }));
    const { agg } = await expectEverythingMatches(admin, parseDashboardFilters({ sector: "Nothing here" }));
    expect(agg.currencies).toEqual([]);
    expect(summarizeKpis(agg, "DKK").winRate.current).toBeNull();
  });

  it("show a rep only their own deals, whatever owner filter the URL carries", async () => {
    const { a, rep, rep2 } = await setup();
    const { rows } = await expectEverythingMatches(rep, parseDashboardFilters({ owner: a.rep2.id }));
    expect(rows.every((d) => d.ownerId === a.rep.id)).toBe(true);
    await expectEverythingMatches(rep2, parseDashboardFilters({ range: "365d" }));
    const board = await getLeaderboard(rep, dashboardQuery(rep, parseDashboardFilters({}), NOW));
    expect(board.map((r) => r.ownerId)).toEqual([a.rep.id]);
  });

  it("never count another org's deals, and refuse another org's members", async () => {
    const { a, b, otherAdmin } = await setup();
    const { rows } = await expectEverythingMatches(otherAdmin, parseDashboardFilters({}));
    expect(rows).toHaveLength(2);
    const d = await getDashboard(otherAdmin, { filters: parseDashboardFilters({}), now: NOW });
    expect(d.kpis.revenueWon.change.current).toBe(777_700);
    expect(d.kpis.counts.open).toBe(1);
    // The other org's stage ids in a filter match nothing here.
    const foreignStage = (await listStages(otherAdmin))[0]!;
    const admin = await ctxFor(a.admin.id, a.org.slug);
    const { agg } = await expectEverythingMatches(admin, parseDashboardFilters({ stage: foreignStage.id }));
    expect(agg.counts.open).toBe(0);
    await expect(resolveTenant({ userId: b.admin.id }, a.org.slug, getDb())).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("assemble the whole dashboard, and the page cache never shares a view between scopes", async () => {
    const { admin, manager, rep } = await setup();
    const f = parseDashboardFilters({});
    const whole = await getDashboard(admin, { filters: f, now: NOW });
    expect(whole.funnel.map((s) => s.name)).toEqual(["Lead", "Qualified", "Proposal", "Negotiation"]);
    expect(whole.trend).toHaveLength(12);
    expect(whole.options.owners).not.toBeNull();
    expect((await getDashboard(rep, { filters: f, now: NOW })).options.owners).toBeNull();
    clearDashboardCache();
    const first = await getDashboardCached(admin, f);
    expect(await getDashboardCached(manager, f)).toBe(first); // same scope (the whole org), same view
    const repView = await getDashboardCached(rep, f);
    expect(repView).not.toBe(first);
    expect(repView.kpis.counts.open).toBeLessThan(first.kpis.counts.open);
  });

  it("reflect a change once the deal table changes (no cache in the data functions)", async () => {
    const { a, admin } = await setup();
    const f = parseDashboardFilters({});
    const before = await getDealKpis(admin, dashboardQuery(admin, f, NOW));
    const [open] = await getDb()
      .select()
      .from(deals)
      .where(and(eq(deals.orgId, a.org.id), eq(deals.stageId, (await listStages(admin))[0]!.id)));
    await getDb()
      .update(deals)
      .set({ valueMinor: open!.valueMinor + 100 })
      .where(and(eq(deals.orgId, a.org.id), eq(deals.id, open!.id)));
    const after = await getDealKpis(admin, dashboardQuery(admin, f, NOW));
    expect(after.currencies[0]!.openValue).toBe(before.currencies[0]!.openValue + (open!.deletedAt ? 0 : 100));
  });
});
