import "server-only";

import type { DashboardWindow } from "@/lib/kpi/period";
import { type KpiSummary, summarizeKpis } from "@/lib/kpi/summary";
import { can } from "@/lib/permissions";
import type { DashboardFilters } from "@/lib/schemas/dashboard-filters";
import type { TenantContext } from "@/server/tenant";

import { listSectors } from "../deal-list";
import { listMembers } from "../members";
import { listStages, type Stage } from "../stages";
import { getActivity } from "./activity";
import { type BreakdownRow, getSourceBreakdown, lossReasonsFromActivity } from "./breakdowns";
import { type Deadlines, getDeadlines } from "./deadlines";
import { type FunnelStage, getFunnel } from "./funnel";
import { getDealKpis, getPipelineHealth, type PipelineHealth } from "./kpis";
import { leaderboardFromActivity, type LeaderboardRow } from "./leaderboard";
import { dashboardQuery } from "./scope";
import { getSectorAnalysis, type SectorAnalysis } from "./sectors";
import { trendFromActivity, type TrendWeek } from "./trend";

export type DashboardOptions = {
  stages: Pick<Stage, "id" | "name" | "kind">[];
  /** Null for reps: they only ever see their own deals. */
  owners: { id: string; name: string }[] | null;
  sectors: string[];
};

export type GetDashboardParams = { filters: DashboardFilters; now?: Date };

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
 * The whole founder dashboard in seven aggregate queries run side by side on the pool: KPIs (plus a
 * small history probe), health, funnel (snapshot + conversion), sectors, activity (trend, loss
 * reasons and leaderboard from one scan), deadlines and sources. Reps get their own deals only (visibleDeals); managers and admins the org.
 */
export async function getDashboard(ctx: TenantContext, { filters, now = new Date() }: GetDashboardParams): Promise<Dashboard> {
  const q = dashboardQuery(ctx, filters, now);
  const [aggregates, health, funnel, sectors, activity, deadlines, sources, filterOptions] = await Promise.all([
    getDealKpis(ctx, q),
    getPipelineHealth(ctx, q),
    getFunnel(ctx, q),
    getSectorAnalysis(ctx, q),
    getActivity(ctx, q),
    getDeadlines(ctx, q),
    getSourceBreakdown(ctx, q),
    getDashboardOptions(ctx),
  ]);
  return {
    generatedAt: now,
    filters,
    window: q.window,
    kpis: summarizeKpis(aggregates, ctx.org.currency),
    health,
    funnel,
    sectors,
    trend: trendFromActivity(activity, q, ctx.org.currency),
    leaderboard: leaderboardFromActivity(activity, ctx.org.currency),
    deadlines,
    sources,
    lossReasons: lossReasonsFromActivity(activity),
    options: filterOptions,
  };
}

/** What the filter menus offer: the org's stages, its members (managers and admins only) and the sectors in use. */
export async function getDashboardOptions(ctx: TenantContext): Promise<DashboardOptions> {
  const [stages, members, sectors] = await Promise.all([
    listStages(ctx),
    can(ctx.role, "deals.viewAll") ? listMembers(ctx) : Promise.resolve(null),
    listSectors(ctx),
  ]);
  return {
    stages: stages.map((s) => ({ id: s.id, name: s.name, kind: s.kind })),
    owners: members?.map((m) => ({ id: m.userId, name: m.name })) ?? null,
    sectors,
  };
}
