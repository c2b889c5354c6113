import "server-only";

import { and, eq, sql } from "drizzle-orm";

import { deals, dealStageHistory, pipelineStages } from "@/db/schema";
import { type BaselineAggregates, buildBaseline, lookbackStart, type StageAggregate, type WhatIfBaseline } from "@/lib/what-if/baseline";
import { DAYS_PER_MONTH, HORIZON_MONTHS, type OpenCohort } from "@/lib/what-if/model";
import { requirePermission, type TenantContext } from "@/server/tenant";
import { versionedCache, viewerScope } from "@/server/versioned-cache";

import { visibleDeals } from "./deal-scope";

/** `now` ends the baseline's 12-month window (tests pin it). */
export type WhatIfBaselineParams = { now?: Date };

/**
 * The what-if simulator's baseline, from the org's own last 12 months (src/lib/what-if/baseline.ts
 * says what each number means and how it falls back). Scoped like the dashboard: the actor's visible
 * deals — the whole org for managers and admins, their own deals for reps.
 *
 * Three aggregate queries and the stage list, in parallel: SQL returns sums and counts only, the
 * pure builder turns them into rates and averages.
 */
export async function getWhatIfBaseline(ctx: TenantContext, options: WhatIfBaselineParams = {}): Promise<WhatIfBaseline> {
  return buildBaseline(await getWhatIfAggregates(ctx, options));
}

/**
 * For the page: the same baseline, kept per org and viewer scope (src/server/versioned-cache.ts) for
 * up to a minute, or until any change in the org. At 100 000 deals the history pass costs a few
 * hundred milliseconds of database CPU, and a 12-month baseline need not be fresher than that.
 */
export const BASELINE_FRESH_MS = 60_000;
const baselines = versionedCache<WhatIfBaseline>("what-if-baseline", { ttlMs: BASELINE_FRESH_MS, maxEntries: 200 });

export function getWhatIfBaselineCached(ctx: TenantContext): Promise<WhatIfBaseline> {
  requirePermission(ctx, "dashboard.view");
  return baselines.get(ctx, [viewerScope(ctx), ctx.org.currency], () => getWhatIfBaseline(ctx));
}

/** The sums and counts behind the baseline (exported for the tests that check them against a naive recount). */
export async function getWhatIfAggregates(ctx: TenantContext, options: WhatIfBaselineParams = {}): Promise<BaselineAggregates> {
  requirePermission(ctx, "dashboard.view");
  const now = options.now ?? new Date();
  const since = lookbackStart(now);
  const [stages, totals, cohorts, stageSums] = await Promise.all([
    listOpenStages(ctx),
    dealTotals(ctx, since),
    openCohorts(ctx, now),
    stageAggregates(ctx, since),
  ]);
  const stageIds = new Set(stages.map((s) => s.id));
  return {
    now,
    ...totals,
    stages: stages.map((s): StageAggregate => ({
      stageId: s.id,
      name: s.name,
      probability: s.probability,
      ...(stageSums.get(s.id) ?? { resolved: 0, advanced: 0, entries: 0 }),
    })),
    openPipeline: cohorts.filter((c) => stageIds.has(c.stageId)),
  };
}

/** A timestamptz parameter (raw sql takes no Date parameter). */
const at = (instant: Date) => sql`${instant.toISOString()}::timestamptz`;

/** bigint/numeric come back as strings, aggregates over no rows as null. */
function num(value: unknown): number {
  const n = Number(value ?? 0);
  return Number.isFinite(n) ? n : 0;
}

async function listOpenStages(ctx: TenantContext) {
  return ctx.db
    .select({ id: pipelineStages.id, name: pipelineStages.name, probability: pipelineStages.probability })
    .from(pipelineStages)
    .where(and(eq(pipelineStages.orgId, ctx.orgId), eq(pipelineStages.kind, "open")))
    .orderBy(pipelineStages.position);
}

/**
 * The org-wide sums in one pass over the visible deals (filtered aggregates, no grouping): leads,
 * won deals, cycle, other currencies. Money is the org currency's only.
 */
async function dealTotals(ctx: TenantContext, since: Date) {
  const orgCurrency = sql`${deals.currency} = ${ctx.org.currency}`;
  const createdRecently = sql`${deals.createdAt} >= ${at(since)}`;
  const wonRecently = sql`(${deals.status} = 'won' and ${deals.closedAt} >= ${at(since)})`;
  // date_part gives float8: numeric arithmetic over 100 000 rows is several times slower.
  const cycleDays = sql`date_part('epoch', ${deals.closedAt} - ${deals.createdAt}) / 86400.0`;
  const [row = {}] = (await ctx.db.execute(sql`
    select
      count(*) filter (where ${orgCurrency} and ${createdRecently}) as leads,
      sum(${deals.valueMinor}) filter (where ${orgCurrency} and ${createdRecently}) as leads_value,
      count(*) filter (where ${orgCurrency} and ${wonRecently}) as won,
      sum(${deals.valueMinor}) filter (where ${orgCurrency} and ${wonRecently}) as won_value,
      count(*) filter (where ${wonRecently}) as cycle_n,
      sum(${cycleDays}) filter (where ${wonRecently}) as cycle_days,
      count(*) filter (where not ${orgCurrency} and (${deals.status} = 'open' or ${createdRecently})) as other_currency,
      date_part('epoch', min(${deals.createdAt}) filter (where ${orgCurrency})) as first_created
    from ${deals}
    where ${visibleDeals(ctx)}`)) as unknown as Record<string, unknown>[];
  return {
    firstCreatedAt: row.first_created == null ? null : new Date(num(row.first_created) * 1000),
    created: { count: num(row.leads), valueMinor: num(row.leads_value) },
    won: { count: num(row.won), valueMinor: num(row.won_value) },
    cycle: { count: num(row.cycle_n), totalDays: num(row.cycle_days) },
    otherCurrencyDeals: num(row.other_currency),
  };
}

/**
 * The open pipeline (org currency) in cohorts by stage and age, in one-month bands: the model lands
 * each cohort around cycle − age, so the bands keep young and old deals apart.
 */
async function openCohorts(ctx: TenantContext, now: Date): Promise<OpenCohort[]> {
  const ageDays = sql`date_part('epoch', ${at(now)} - ${deals.createdAt}) / 86400.0`;
  const rows = (await ctx.db.execute(sql`
    select ${deals.stageId} as stage_id, least(greatest(floor(${ageDays} / ${DAYS_PER_MONTH}), 0), ${HORIZON_MONTHS})::int as band,
      count(*) as n, sum(${deals.valueMinor}) as value, avg(${ageDays}) as age_days
    from ${deals}
    where ${visibleDeals(ctx)} and ${deals.status} = 'open' and ${deals.currency} = ${ctx.org.currency}
    group by 1, 2`)) as unknown as Record<string, unknown>[];
  return rows.map((r) => ({ stageId: String(r.stage_id), count: num(r.n), valueMinor: num(r.value), ageDays: num(r.age_days) }));
}

/**
 * Per open stage, over the stays entered in the lookback (visible deals): how many deals have since
 * moved on or been lost (resolved), how many of those moved forward (advanced: a later stay in a
 * further open stage, or won — skipped stages count), and how many deals created in the lookback
 * started there (entries).
 *
 * A window per deal gives each stay the furthest stage entered after it (one sort instead of a probe
 * per stay). Its output is already in deal order, so folding each deal into one row (the stages it
 * entered, those it advanced from, its entry stage) streams without another sort; unnesting those
 * few stage ids and counting per stage is then cheap. (Counting distinct deals per stage directly
 * would sort every stay again.)
 */
async function stageAggregates(ctx: TenantContext, since: Date) {
  const rows = (await ctx.db.execute(sql`
    with stays as (
      select h.deal_id, h.stage_id, s.kind, s.position, ${deals.status} as status,
        ${deals.createdAt} >= ${at(since)} as created_recently,
        max(case when s.kind = 'won' then 2147483647 when s.kind = 'open' then s.position end)
          over (w rows between 1 following and unbounded following) as furthest_after,
        row_number() over w as nth
      from ${dealStageHistory} h
      join ${pipelineStages} s on s.org_id = h.org_id and s.id = h.stage_id
      join ${deals} on ${deals.orgId} = h.org_id and ${deals.id} = h.deal_id
      where h.org_id = ${ctx.orgId} and h.entered_at >= ${at(since)} and ${visibleDeals(ctx)}
      window w as (partition by h.deal_id order by h.entered_at, h.id)
    ), per_deal as (
      select bool_or(status = 'lost') as lost,
        array_agg(distinct stage_id) filter (where kind = 'open') as entered,
        array_agg(distinct stage_id) filter (where kind = 'open' and furthest_after > position) as advanced,
        (array_agg(stage_id) filter (where nth = 1 and kind = 'open' and created_recently))[1] as entry
      from stays
      group by deal_id
    )
    select e.stage_id,
      count(*) filter (where e.stage_id = any(p.advanced) or p.lost) as resolved,
      count(*) filter (where e.stage_id = any(p.advanced)) as advanced,
      count(*) filter (where e.stage_id = p.entry) as entries
    from per_deal p
    cross join lateral unnest(p.entered) as e(stage_id)
    group by e.stage_id`)) as unknown as Record<string, unknown>[];
  return new Map(rows.map((r) => [String(r.stage_id), { resolved: num(r.resolved), advanced: num(r.advanced), entries: num(r.entries) }]));
}
