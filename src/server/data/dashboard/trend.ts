import "server-only";

import type { TenantContext } from "@/server/tenant";

import { type ActivityRow, getActivity } from "./activity";
import type { CurrencyAmount, DashboardQuery } from "./scope";

export type TrendWeek = {
  /** Monday of the week (ISO date, org time zone). */
  week: string;
  wonCount: number;
  /** Org-currency won value; other currencies listed apart. */
  wonMinor: number;
  others: CurrencyAmount[];
};

/**
 * Won value per week over the 12 weeks ending with the period's last week, weeks cut at Monday
 * 00:00 in the org's time zone (`date_trunc('week', closed_at at time zone tz)` in getActivity).
 */
export async function getRevenueTrend(ctx: TenantContext, q: DashboardQuery): Promise<TrendWeek[]> {
  return trendFromActivity(await getActivity(ctx, q), q, ctx.org.currency);
}

/** Lays the weekly groups onto the 12 weeks (empty weeks stay 0); counts add up over a week's currency groups. */
export function trendFromActivity(rows: ActivityRow[], q: DashboardQuery, orgCurrency: string): TrendWeek[] {
  const weeks = new Map<string, TrendWeek>(q.window.trend.weeks.map((week) => [week, { week, wonCount: 0, wonMinor: 0, others: [] }]));
  for (const r of rows) {
    if (r.part !== "trend") continue;
    const week = weeks.get(r.week);
    if (!week) continue;
    week.wonCount += r.count; // one row per currency of the week: at most a few
    if (r.currency === orgCurrency) week.wonMinor = r.value;
    else week.others.push({ currency: r.currency, minor: r.value });
  }
  return [...weeks.values()];
}
