import { and, eq, sql } from "drizzle-orm";
import { dealStageHistory, deals, pipelineStages } from "@/db/schema";
import { buildBaseline, lookbackStart, type BaselineAggregates, type StageAggregate, type WhatIfBaseline } from "@/lib/what-if/baseline";
import { DAYS_PER_MONTH, HORIZON_MONTHS, type OpenCohort } from "@/lib/what-if/model";
import { requirePermission, type TenantContext } from "@/server/tenant";
import { visibleDeals } from "./deal-scope";

/**
 * The what-if simulator's baseline, from the org's own last 12 months (src/lib/what-if/baseline.ts
 * says what each number means and how it falls back). Scoped like the dashboard: the actor's visible
 * deals — the whole org for managers and admins, their own deals for reps.
 *
 * Two grouped queries in parallel, plus the stage list: SQL returns sums and counts only, the pure
 * builder turns them into rates and averages.
 */
export async function getWhatIfBaseline(ctx: TenantContext, options: { now?: Date } = {}): Promise<WhatIfBaseline> {
  return buildBaseline(await getWhatIfAggregates(ctx, options));
}

/** The sums and counts behind the baseline (exported for the tests that check them against a naive recount). */
export async function getWhatIfAggregates(ctx: TenantContext, options: { now?: Date } = {}): Promise<BaselineAggregates> {
  requirePermission(ctx, "dashboard.view");
  const now = options.now ?? new Date();
  const since = lookbackStart(now);
  const [stages, dealSums, stageSums] = await Promise.all([listOpenStages(ctx), dealAggregates(ctx, now, since), stageAggregates(ctx, since)]);
  const stageIds = new Set(stages.map((s) => s.id));
  return {
    now,
    firstCreatedAt: dealSums.firstCreatedAt,
    created: dealSums.created,
    won: dealSums.won,
    cycle: dealSums.cycle,
    stages: stages.map(
      (s): StageAggregate => ({
        stageId: s.id,
        name: s.name,
        probability: s.probability,
        ...(stageSums.get(s.id) ?? { resolved: 0, advanced: 0, entries: 0 }),
      }),
    ),
    openPipeline: dealSums.cohorts.filter((c) => stageIds.has(c.stageId)),
    otherCurrencyDeals: dealSums.otherCurrencyDeals,
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
 * ONE pass over the visible deals. GROUPING SETS gives two kinds of rows from the same scan:
 * the `()` row carries the org-wide sums (leads, won deals, cycle, other currencies), and the
 * `(open_stage, age_band)` rows are the open pipeline in cohorts by stage and age in one-month bands
 * (the model lands each cohort around cycle − age). Money is the org currency's only.
 */
async function dealAggregates(ctx: TenantContext, now: Date, since: Date) {
  const orgCurrency = sql`${deals.currency} = ${ctx.org.currency}`;
  // date_part gives float8: numeric arithmetic over 100 000 rows is several times slower.
  const ageDays = sql`date_part('epoch', ${at(now)} - ${deals.createdAt}) / 86400.0`;
  const openHere = sql`(${deals.status} = 'open' and ${orgCurrency})`;
  const rows = (await ctx.db.execute(sql`
    select grouping(open_stage, age_band) as overall, open_stage, age_band,
      count(*) as n, sum(value_minor) as value, avg(age_days) as age_days,
      count(*) filter (where org_currency and created_at >= ${at(since)}) as leads,
      sum(value_minor) filter (where org_currency and created_at >= ${at(since)}) as leads_value,
      count(*) filter (where org_currency and won_recently) as won,
      sum(value_minor) filter (where org_currency and won_recently) as won_value,
      count(*) filter (where won_recently) as cycle_n,
      sum(cycle_days) filter (where won_recently) as cycle_days,
      count(*) filter (where not org_currency and (status = 'open' or created_at >= ${at(since)})) as other_currency,
      date_part('epoch', min(created_at) filter (where org_currency)) as first_created
    from (
      select ${deals.valueMinor} as value_minor, ${deals.createdAt} as created_at, ${deals.status} as status,
        ${orgCurrency} as org_currency,
        (${deals.status} = 'won' and ${deals.closedAt} >= ${at(since)}) as won_recently,
        date_part('epoch', ${deals.closedAt} - ${deals.createdAt}) / 86400.0 as cycle_days,
        case when ${openHere} then ${ageDays} end as age_days,
        case when ${openHere} then ${deals.stageId} end as open_stage,
        case when ${openHere} then least(greatest(floor(${ageDays} / ${DAYS_PER_MONTH}), 0), ${HORIZON_MONTHS})::int end as age_band
      from ${deals}
      where ${visibleDeals(ctx)}
    ) d
    group by grouping sets ((), (open_stage, age_band))`)) as unknown as Record<string, unknown>[];

  const total = rows.find((r) => num(r.overall) !== 0) ?? {};
  const cohorts: OpenCohort[] = rows
    .filter((r) => num(r.overall) === 0 && r.open_stage !== null)
    .map((r) => ({ stageId: String(r.open_stage), count: num(r.n), valueMinor: num(r.value), ageDays: num(r.age_days) }));
  return {
    firstCreatedAt: total.first_created == null ? null : new Date(num(total.first_created) * 1000),
    created: { count: num(total.leads), valueMinor: num(total.leads_value) },
    won: { count: num(total.won), valueMinor: num(total.won_value) },
    cycle: { count: num(total.cycle_n), totalDays: num(total.cycle_days) },
    otherCurrencyDeals: num(total.other_currency),
    cohorts,
  };
}

/**
 * Per open stage, over the stays entered in the lookback (visible deals): how many deals have since
 * moved on or been lost (resolved), how many of those moved forward (advanced: a later stay in a
 * further open stage, or won — skipped stages count), and how many deals created in the lookback
 * started there (entries). A window per deal gives each stay the furthest stage entered after it,
 * in one sort (or an index walk of deal_stage_history_org_deal_idx) instead of a probe per stay.
 */
async function stageAggregates(ctx: TenantContext, since: Date) {
  const rows = (await ctx.db.execute(sql`
    with stays as (
      select h.deal_id, h.stage_id, s.kind, s.position, ${deals.status} as status,
        ${deals.createdAt} >= ${at(since)} as created_recently,
        max(case when s.kind = 'won' then 2147483647 when s.kind = 'open' then s.position end)
          over (partition by h.deal_id order by h.entered_at, h.id rows between 1 following and unbounded following) as furthest_after,
        row_number() over (partition by h.deal_id order by h.entered_at, h.id) as nth
      from ${dealStageHistory} h
      join ${pipelineStages} s on s.org_id = h.org_id and s.id = h.stage_id
      join ${deals} on ${deals.orgId} = h.org_id and ${deals.id} = h.deal_id
      where h.org_id = ${ctx.orgId} and h.entered_at >= ${at(since)} and ${visibleDeals(ctx)}
    )
    select stage_id,
      count(distinct deal_id) filter (where furthest_after > position or status = 'lost') as resolved,
      count(distinct deal_id) filter (where furthest_after > position) as advanced,
      count(*) filter (where nth = 1 and created_recently) as entries
    from stays
    where kind = 'open'
    group by stage_id`)) as unknown as Record<string, unknown>[];
  return new Map(
    rows.map((r) => [String(r.stage_id), { resolved: num(r.resolved), advanced: num(r.advanced), entries: num(r.entries) }]),
  );
}
