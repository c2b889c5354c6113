import "server-only";

import { type SQL, sql } from "drizzle-orm";

import { actions, deals, dealStageHistory, pipelineStages } from "@/db/schema";
import type { KpiAggregates, KpiCurrencyRow } from "@/lib/kpi/summary";
import type { TenantContext } from "@/server/tenant";

import { at, dashboardDeals, type DashboardQuery, isLost, isOpen, isWon, num, sortCurrencies, within } from "./scope";

const f = (aggregate: SQL, condition: SQL) => sql`${aggregate} filter (where ${condition})`;
/** A count that does not depend on currency: summed over the per-currency groups by a window. */
const countAll = (condition: SQL) => sql`sum(count(*) filter (where ${condition})) over ()`;

/**
 * Every deal KPI in ONE pass over the filtered deals: `count/sum … filter (where …)` per metric,
 * grouped by currency (money is never summed across currencies) with the currency-independent
 * counts totalled over the groups by a window function. Only sums and counts come back; the ratios
 * are computed by src/lib/kpi (summarizeKpis).
 *
 * The weighted pipeline at the start of the period needs each deal's probability then: deals still
 * open count at today's probability here, and deals closed since are added by
 * weightedAtStartOfClosed (their probability now is 100 or 0, so it has to come from history).
 */
export async function getDealKpis(ctx: TenantContext, q: DashboardQuery): Promise<KpiAggregates> {
  const w = q.window;
  const t0 = at(w.period.start);
  const openAtStart = sql`(${deals.createdAt} < ${t0} and (${deals.closedAt} is null or ${deals.closedAt} >= ${t0}))`;
  const inPeriodCreated = within(sql`${deals.createdAt}`, w.period);
  const inPrevCreated = within(sql`${deals.createdAt}`, w.previous);
  const wonInPeriod = sql`(${isWon} and ${within(sql`${deals.closedAt}`, w.period)})`;
  const wonInPrev = sql`(${isWon} and ${within(sql`${deals.closedAt}`, w.previous)})`;
  const lostInPeriod = sql`(${isLost} and ${within(sql`${deals.closedAt}`, w.period)})`;
  const lostInPrev = sql`(${isLost} and ${within(sql`${deals.closedAt}`, w.previous)})`;
  // Fractional days, as float8: numeric arithmetic over 100 000 rows is several times slower.
  const cycleDays = sql`((extract(epoch from ${deals.closedAt}) - extract(epoch from ${deals.createdAt})) / 86400.0)::float8`;
  const value = sql`${deals.valueMinor}`;

  const main = ctx.db.execute(sql`
    select ${deals.currency} as currency,
      ${f(sql`sum(${value})`, isOpen)} as open_value,
      ${f(sql`sum(${deals.weightedMinor})`, isOpen)} as open_weighted,
      ${f(sql`sum(${value})`, openAtStart)} as open_t0_value,
      ${f(sql`sum(${deals.weightedMinor})`, sql`(${openAtStart} and ${isOpen})`)} as open_t0_weighted,
      ${f(sql`sum(${value})`, inPeriodCreated)} as created_value,
      ${f(sql`count(*)`, inPeriodCreated)} as created_count,
      ${f(sql`sum(${value})`, inPrevCreated)} as prev_created_value,
      ${f(sql`count(*)`, inPrevCreated)} as prev_created_count,
      ${f(sql`sum(${value})`, wonInPeriod)} as won_value,
      ${f(sql`count(*)`, wonInPeriod)} as won_count,
      ${f(sql`sum(${value})`, wonInPrev)} as prev_won_value,
      ${f(sql`count(*)`, wonInPrev)} as prev_won_count,
      ${f(sql`sum(${value})`, sql`(${isWon} and ${within(sql`${deals.closedAt}`, { start: w.month.start, end: w.month.end })})`)} as month_won_value,
      ${f(sql`sum(${value})`, sql`(${isWon} and ${within(sql`${deals.closedAt}`, { start: w.month.previousStart, end: w.month.previousEnd })})`)} as prev_month_won_value,
      ${countAll(isOpen)} as n_open,
      ${countAll(openAtStart)} as n_open_t0,
      ${countAll(inPeriodCreated)} as n_created,
      ${countAll(sql`(${inPeriodCreated} and ${isWon})`)} as n_created_won,
      ${countAll(inPrevCreated)} as n_prev_created,
      ${countAll(sql`(${inPrevCreated} and ${isWon})`)} as n_prev_created_won,
      ${countAll(wonInPeriod)} as n_won,
      ${countAll(lostInPeriod)} as n_lost,
      ${countAll(wonInPrev)} as n_prev_won,
      ${countAll(lostInPrev)} as n_prev_lost,
      sum(${f(sql`sum(${cycleDays})`, wonInPeriod)}) over () as won_days,
      sum(${f(sql`sum(${cycleDays})`, wonInPrev)}) over () as prev_won_days
    from ${deals}
    where ${dashboardDeals(ctx, q.filters)}
    group by ${deals.currency}`);
  // The few deals closed since the start need history: a second, small query beside the main pass.
  const [result, closedSince] = await Promise.all([main, weightedAtStartOfClosed(ctx, q)]);
  const rows = result as unknown as Record<string, unknown>[];
  const first = rows[0] ?? {};
  const currencies: KpiCurrencyRow[] = rows.map((r) => ({
    currency: String(r.currency),
    openValue: num(r.open_value),
    openWeighted: num(r.open_weighted),
    openAtStartValue: num(r.open_t0_value),
    openAtStartWeighted: num(r.open_t0_weighted) + (closedSince.get(String(r.currency)) ?? 0),
    createdValue: num(r.created_value),
    createdCount: num(r.created_count),
    prevCreatedValue: num(r.prev_created_value),
    prevCreatedCount: num(r.prev_created_count),
    wonValue: num(r.won_value),
    wonCount: num(r.won_count),
    prevWonValue: num(r.prev_won_value),
    prevWonCount: num(r.prev_won_count),
    monthWonValue: num(r.month_won_value),
    prevMonthWonValue: num(r.prev_month_won_value),
  }));
  return {
    currencies: sortCurrencies(currencies, ctx.org.currency),
    counts: {
      open: num(first.n_open),
      openAtStart: num(first.n_open_t0),
      created: num(first.n_created),
      createdWon: num(first.n_created_won),
      prevCreated: num(first.n_prev_created),
      prevCreatedWon: num(first.n_prev_created_won),
      won: num(first.n_won),
      lost: num(first.n_lost),
      prevWon: num(first.n_prev_won),
      prevLost: num(first.n_prev_lost),
      wonDays: num(first.won_days),
      prevWonDays: num(first.prev_won_days),
    },
  };
}

/**
 * For the deals that were open at the start of the period and have closed since: their weighted
 * value then, at the probability of the stage they were in at that instant (the stay covering it in
 * deal_stage_history, found by a probe on deal_stage_history_org_deal_idx for each of those few
 * deals). Without history (imported deals) the stage's probability is unknown and they count 0.
 */
async function weightedAtStartOfClosed(ctx: TenantContext, q: DashboardQuery): Promise<Map<string, number>> {
  const t0 = at(q.window.period.start);
  const rows = (await ctx.db.execute(sql`
    select ${deals.currency} as currency, sum((${deals.valueMinor} * p0.probability) / 100) as weighted
    from ${deals}
    cross join lateral (
      select ${pipelineStages.probability} as probability
      from ${dealStageHistory}
      join ${pipelineStages} on ${pipelineStages.orgId} = ${dealStageHistory.orgId} and ${pipelineStages.id} = ${dealStageHistory.stageId}
      where ${dealStageHistory.orgId} = ${deals.orgId} and ${dealStageHistory.dealId} = ${deals.id} and ${dealStageHistory.enteredAt} <= ${t0}
      order by ${dealStageHistory.enteredAt} desc
      limit 1
    ) p0
    where ${dashboardDeals(ctx, q.filters)} and ${deals.createdAt} < ${t0} and ${deals.closedAt} >= ${t0}
    group by ${deals.currency}`)) as unknown as Record<string, unknown>[];
  return new Map(rows.map((r) => [String(r.currency), num(r.weighted)]));
}

export type PipelineHealth = {
  openDeals: number;
  dealsWithoutAction: number;
  overdueActions: number;
  /** Open deals whose expected close date has passed / falls within the deadline horizon. */
  closeOverdue: number;
  closeUpcoming: number;
};

/**
 * The next-action discipline, measured: open deals with no pending action (the database forbids
 * it, so anything but 0 is a red flag), pending actions already past due, and the deadline table's
 * counts. One pass over the filtered open deals joined to their (at most one) pending action.
 */
export async function getPipelineHealth(ctx: TenantContext, q: DashboardQuery): Promise<PipelineHealth> {
  const [row] = await ctx.db
    .select({
      openDeals: sql<number>`count(*)`.mapWith(Number),
      dealsWithoutAction: sql<number>`count(*) filter (where ${actions.id} is null)`.mapWith(Number),
      overdueActions: sql<number>`count(*) filter (where ${actions.dueAt} < ${at(q.window.now)})`.mapWith(Number),
      closeOverdue: sql<number>`count(*) filter (where ${deals.expectedCloseDate} < ${q.window.today}::date)`.mapWith(Number),
      closeUpcoming:
        sql<number>`count(*) filter (where ${deals.expectedCloseDate} >= ${q.window.today}::date and ${deals.expectedCloseDate} < ${q.window.deadlineUntil}::date)`.mapWith(
          Number,
        ),
    })
    .from(deals)
    .leftJoin(actions, sql`${actions.orgId} = ${deals.orgId} and ${actions.dealId} = ${deals.id} and ${actions.completedAt} is null`)
    .where(sql`${dashboardDeals(ctx, q.filters)} and ${isOpen}`);
  return row ?? { openDeals: 0, dealsWithoutAction: 0, overdueActions: 0, closeOverdue: 0, closeUpcoming: 0 };
}
