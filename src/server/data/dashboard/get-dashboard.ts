import type { DashboardWindow } from "@/lib/kpi/period";
import { summarizeKpis, type KpiSummary } from "@/lib/kpi/summary";
import { can } from "@/lib/permissions";
import type { DashboardFilters } from "@/lib/schemas/dashboard-filters";
import type { TenantContext } from "@/server/tenant";
import { listSectors } from "../deal-list";
import { listMembers } from "../members";
import { listStages, type Stage } from "../stages";
import { getLossReasonBreakdown, getSourceBreakdown, type BreakdownRow } from "./breakdowns";
import { getDeadlines, type Deadlines } from "./deadlines";
import { getFunnel, type FunnelStage } from "./funnel";
import { getDealKpis, getPipelineHealth, type PipelineHealth } from "./kpis";
import { getLeaderboard, type LeaderboardRow } from "./leaderboard";
import { dashboardQuery } from "./scope";
import { getSectorAnalysis, type SectorAnalysis } from "./sectors";
import { getRevenueTrend, type TrendWeek } from "./trend";

export type DashboardOptions = {
  stages: Pick<Stage, "id" | "name" | "kind">[];
  /** Null for reps: they only ever see their own deals. */
  owners: { id: string; name: string }[] | null;
  sectors: string[];
};

export type Dashboard = {
  generatedAt: Date;
  filters: DashboardFilters;
  window: DashboardWindow;
  kpis: KpiSummary;
  health: PipelineHealth;
  funnel: FunnelStage[];
  sectors: SectorAnalysis;
  trend: TrendWeek[];
  leaderboard: LeaderboardRow[];
  deadlines: Deadlines;
  sources: BreakdownRow[];
  lossReasons: BreakdownRow[];
  options: DashboardOptions;
};

/**
 * The whole founder dashboard: each group is one aggregate query (two for the funnel), all run side
 * by side on the pool. Reps get their own deals only (visibleDeals); managers and admins the org.
 */
export async function getDashboard(ctx: TenantContext, filters: DashboardFilters, now: Date = new Date()): Promise<Dashboard> {
  const q = dashboardQuery(ctx, filters, now);
  const viewAll = can(ctx.role, "deals.viewAll");
  const [aggregates, health, funnel, sectors, trend, leaderboard, deadlines, sources, lossReasons, stages, members, sectorOptions] = await Promise.all([
    getDealKpis(ctx, q),
    getPipelineHealth(ctx, q),
    getFunnel(ctx, q),
    getSectorAnalysis(ctx, q),
    getRevenueTrend(ctx, q),
    getLeaderboard(ctx, q),
    getDeadlines(ctx, q),
    getSourceBreakdown(ctx, q),
    getLossReasonBreakdown(ctx, q),
    listStages(ctx),
    viewAll ? listMembers(ctx) : Promise.resolve(null),
    listSectors(ctx),
  ]);
  return {
    generatedAt: now,
    filters,
    window: q.window,
    kpis: summarizeKpis(aggregates, ctx.org.currency),
    health,
    funnel,
    sectors,
    trend,
    leaderboard,
    deadlines,
    sources,
    lossReasons,
    options: {
      stages: stages.map((s) => ({ id: s.id, name: s.name, kind: s.kind })),
      owners: members?.map((m) => ({ id: m.userId, name: m.name })) ?? null,
      sectors: sectorOptions,
    },
  };
}
