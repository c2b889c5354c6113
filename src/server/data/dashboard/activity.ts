import "server-only";

import { sql } from "drizzle-orm";

import { deals, lossReasons, users } from "@/db/schema";
import type { TenantContext } from "@/server/tenant";

import { at, dashboardDeals, type DashboardQuery, isLost, isWon, num, within } from "./scope";

/** One row of the activity pass; `part` says which grouping set it belongs to. */
export type ActivityRow =
  | { part: "trend"; week: string; currency: string; count: number; value: number }
  | { part: "loss"; reasonId: string; label: string | null; count: number; value: number }
  | {
      part: "owner";
      ownerId: string;
      name: string;
      currency: string;
      wonCount: number;
      wonValue: number;
      /** Per owner, all currencies. */
      ownerWon: number;
      ownerLost: number;
      ownerCreated: number;
      ownerCreatedWon: number;
      ownerWonDays: number;
    };

/**
 * The weekly revenue trend, the loss reasons and the rep leaderboard all read the deals closed
 * (or created) recently: ONE scan of the filtered deals feeds all three through GROUPING SETS
 * ((week, currency), (loss reason), (owner, currency)), instead of three scans of the org's deals.
 * Weeks are cut at Monday 00:00 in the org's time zone.
 */
export async function getActivity(ctx: TenantContext, q: DashboardQuery): Promise<ActivityRow[]> {
  const { period, trend, timeZone } = q.window;
  const earliest = new Date(Math.min(trend.start.getTime(), period.start.getTime()));
  const closedInPeriod = within(sql`${deals.closedAt}`, period);
  const createdInPeriod = within(sql`${deals.createdAt}`, period);
  const wonInTrend = sql`(${isWon} and ${within(sql`${deals.closedAt}`, trend)})`;
  const wonInPeriod = sql`(${isWon} and ${closedInPeriod})`;
  const lostInPeriod = sql`(${isLost} and ${closedInPeriod})`;
  // Each deal's flags are computed once in the inner query; the grouping sets then read plain columns
  // (GROUPING() needs the very same expression, which a parameterised one never is).
  const perOwner = (agg: string) => sql.raw(`sum(${agg}) over (partition by grouping(x.owner_id), x.owner_id)`);
  const rows = (await ctx.db.execute(sql`
    with x as (
      select ${deals.ownerId} as owner_id, ${deals.currency} as currency, ${deals.lossReasonId} as loss_reason_id, ${deals.valueMinor} as value,
        ${wonInTrend} as won_trend, ${wonInPeriod} as won_p, ${lostInPeriod} as lost_p, ${createdInPeriod} as created_p, ${isWon} as won,
        case when ${wonInTrend} then to_char(date_trunc('week', ${deals.closedAt} at time zone ${timeZone}), 'YYYY-MM-DD') end as week,
        ((extract(epoch from ${deals.closedAt}) - extract(epoch from ${deals.createdAt})) / 86400.0)::float8 as days
      from ${deals}
      where ${dashboardDeals(ctx, q.filters)} and (${deals.closedAt} >= ${at(earliest)} or ${createdInPeriod})
    ), a as (
      select
        case when grouping(x.week) = 0 then 'trend' when grouping(x.loss_reason_id) = 0 then 'loss' else 'owner' end as part,
        x.week, x.loss_reason_id as reason_id, x.owner_id, x.currency,
        count(*) filter (where x.won_trend) as trend_n,
        sum(x.value) filter (where x.won_trend) as trend_v,
        count(*) filter (where x.lost_p) as lost_n,
        sum(x.value) filter (where x.lost_p and x.currency = ${ctx.org.currency}) as lost_v,
        count(*) filter (where x.won_p) as won_n,
        sum(x.value) filter (where x.won_p) as won_v,
        ${perOwner("count(*) filter (where x.won_p)")} as o_won,
        ${perOwner("count(*) filter (where x.lost_p)")} as o_lost,
        ${perOwner("count(*) filter (where x.created_p)")} as o_created,
        ${perOwner("count(*) filter (where x.created_p and x.won)")} as o_created_won,
        ${perOwner("sum(x.days) filter (where x.won_p)")} as o_won_days
      from x
      group by grouping sets ((x.week, x.currency), (x.loss_reason_id), (x.owner_id, x.currency))
    )
    select a.*, lr.label as reason_label, u.name as owner_name
    from a
    left join ${lossReasons} lr on a.part = 'loss' and lr.org_id = ${ctx.orgId} and lr.id = a.reason_id
    left join ${users} u on a.part = 'owner' and u.id = a.owner_id
    where (a.part = 'trend' and a.week is not null)
       or (a.part = 'loss' and a.lost_n > 0)
       or (a.part = 'owner' and (a.o_won > 0 or a.o_lost > 0 or a.o_created > 0))`)) as unknown as Record<string, unknown>[];

  return rows.map((r): ActivityRow => {
    if (r.part === "trend")
      return { part: "trend", week: String(r.week), currency: String(r.currency), count: num(r.trend_n), value: num(r.trend_v) };
    if (r.part === "loss") {
      return {
        part: "loss",
        reasonId: String(r.reason_id),
        label: r.reason_label === null ? null : String(r.reason_label),
        count: num(r.lost_n),
        value: num(r.lost_v),
      };
    }
    return {
      part: "owner",
      ownerId: String(r.owner_id),
      name: String(r.owner_name),
      currency: String(r.currency),
      wonCount: num(r.won_n),
      wonValue: num(r.won_v),
      ownerWon: num(r.o_won),
      ownerLost: num(r.o_lost),
      ownerCreated: num(r.o_created),
      ownerCreatedWon: num(r.o_created_won),
      ownerWonDays: num(r.o_won_days),
    };
  });
}
