import "server-only";

import { sql } from "drizzle-orm";

import { deals, dealStageHistory, pipelineStages } from "@/db/schema";
import { stageConversion } from "@/lib/kpi/ratios";
import type { TenantContext } from "@/server/tenant";

import { at, type CurrencyAmount, dashboardDeals, type DashboardQuery, isOpen, num, sortCurrencies } from "./scope";

export type FunnelStage = {
  stageId: string;
  name: string;
  probability: number;
  /** Open deals in the stage now (all currencies). */
  count: number;
  /** Org-currency value and weighted value (Σ value × probability); other currencies apart. */
  valueMinor: number;
  weightedMinor: number;
  others: (CurrencyAmount & { weightedMinor: number; count: number })[];
  /** Deals that entered the stage in the period, and how many of them later moved on (or were won). */
  entered: number;
  advanced: number;
  conversion: number | null;
};

/**
 * The weighted funnel: every open stage in pipeline order with its open deals now, plus the
 * stage-to-stage conversion measured on deal_stage_history. Two grouped queries, in parallel.
 */
export async function getFunnel(ctx: TenantContext, q: DashboardQuery): Promise<FunnelStage[]> {
  const [snapshot, conversion] = await Promise.all([stageSnapshot(ctx, q), stageConversions(ctx, q)]);
  const stages = new Map<string, FunnelStage>();
  for (const r of snapshot) {
    let stage = stages.get(r.stageId);
    if (!stage) {
      const conv = conversion.get(r.stageId) ?? { entered: 0, advanced: 0 };
      stage = {
        stageId: r.stageId,
        name: r.name,
        probability: r.probability,
        count: r.stageCount,
        valueMinor: 0,
        weightedMinor: 0,
        others: [],
        entered: conv.entered,
        advanced: conv.advanced,
        conversion: stageConversion(conv),
      };
      stages.set(r.stageId, stage);
    }
    if (r.currency === null) continue;
    if (r.currency === ctx.org.currency) {
      stage.valueMinor = r.value;
      stage.weightedMinor = r.weighted;
    } else {
      stage.others.push({ currency: r.currency, minor: r.value, weightedMinor: r.weighted, count: r.count });
    }
  }
  const out = [...stages.values()];
  for (const s of out) s.others = sortCurrencies(s.others, ctx.org.currency);
  return out;
}

/** Open stages (all of them, empty ones too) with their open deals per currency. */
async function stageSnapshot(ctx: TenantContext, q: DashboardQuery) {
  const rows = (await ctx.db.execute(sql`
    select s.id as stage_id, s.name, s.probability, a.currency, a.n, a.value, a.weighted, a.n_stage
    from ${pipelineStages} s
    left join (
      select ${deals.stageId} as stage_id, ${deals.currency} as currency, count(*) as n,
        sum(${deals.valueMinor}) as value, sum(${deals.weightedMinor}) as weighted,
        sum(count(*)) over (partition by ${deals.stageId}) as n_stage
      from ${deals}
      where ${dashboardDeals(ctx, q.filters)} and ${isOpen}
      group by ${deals.stageId}, ${deals.currency}
    ) a on a.stage_id = s.id
    where s.org_id = ${ctx.orgId} and s.kind = 'open'
    order by s.position, a.currency`)) as unknown as Record<string, unknown>[];
  return rows.map((r) => ({
    stageId: String(r.stage_id),
    name: String(r.name),
    probability: num(r.probability),
    currency: r.currency === null ? null : String(r.currency),
    count: num(r.n),
    value: num(r.value),
    weighted: num(r.weighted),
    stageCount: num(r.n_stage),
  }));
}

/**
 * Of the (filtered) deals that entered each open stage in the period, how many later entered a
 * further open stage (skipping counts) or the won stage. Every stay after a stay entered in the
 * period was itself entered after the period's start, so one range of deal_stage_history
 * (entered_at >= start) holds everything: a window per deal gives, for each stay, the furthest
 * stage entered after it — one sort of the recent stays instead of a probe per stay.
 */
async function stageConversions(ctx: TenantContext, q: DashboardQuery) {
  const { start, end } = q.window.period;
  const rows = (await ctx.db.execute(sql`
    with stays as (
      select h.deal_id, h.stage_id, h.entered_at, s.kind, s.position,
        max(case when s.kind = 'won' then 2147483647 when s.kind = 'open' then s.position end)
          over (partition by h.deal_id order by h.entered_at, h.id rows between 1 following and unbounded following) as furthest_after
      from ${dealStageHistory} h
      join ${pipelineStages} s on s.org_id = h.org_id and s.id = h.stage_id
      join ${deals} on ${deals.orgId} = h.org_id and ${deals.id} = h.deal_id
      where h.org_id = ${ctx.orgId} and h.entered_at >= ${at(start)} and ${dashboardDeals(ctx, q.filters)}
    )
    select stage_id, count(distinct deal_id) as entered,
      count(distinct deal_id) filter (where furthest_after > position) as advanced
    from stays
    where kind = 'open' and entered_at < ${at(end)}
    group by stage_id`)) as unknown as Record<string, unknown>[];
  return new Map(rows.map((r) => [String(r.stage_id), { entered: num(r.entered), advanced: num(r.advanced) }]));
}
