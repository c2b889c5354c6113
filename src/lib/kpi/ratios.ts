/**
 * The dashboard's KPI formulas, one definition each. SQL returns only sums and counts (over the
 * filtered deals); these pure functions turn them into ratios and averages, so the SQL, the UI and
 * the tests share one formula. A zero denominator gives null (shown as "—"), never NaN or Infinity.
 */

/** n ÷ d, or null when d is 0 (or either side is not a finite number). */
export function safeRatio(numerator: number, denominator: number): number | null {
  if (!Number.isFinite(numerator) || !Number.isFinite(denominator) || denominator <= 0) return null;
  return numerator / denominator;
}

/**
 * Win rate = won ÷ (won + lost), among the deals CLOSED in the period (closed_at in the period).
 * It answers "when we close, how often do we win?" and ignores deals still open.
 */
export function winRate(input: { won: number; lost: number }): number | null {
  return safeRatio(input.won, input.won + input.lost);
}

/**
 * Conversion rate = deals won ÷ all deals, among the deals CREATED in the period (a cohort): the
 * share of new business that has turned into revenue so far. Open deals count in the denominator,
 * so a young cohort converts less than an old one — unlike the win rate.
 */
export function conversionRate(input: { createdWon: number; created: number }): number | null {
  return safeRatio(input.createdWon, input.created);
}

/**
 * Average basket (average deal value) = Σ value ÷ number of deals, in minor units of one currency,
 * rounded to the nearest minor unit. Also used for the average won deal.
 */
export function averageValue(input: { totalMinor: number; count: number }): number | null {
  const r = safeRatio(input.totalMinor, input.count);
  return r === null ? null : Math.round(r);
}

/** Average sales cycle = Σ (closed_at − created_at) in days ÷ number of deals WON in the period. */
export function averageCycleDays(input: { totalDays: number; won: number }): number | null {
  return safeRatio(input.totalDays, input.won);
}

/** Cycles shorter than a day are counted as one day, so a same-day win cannot make velocity explode. */
export const MIN_CYCLE_DAYS = 1;

/**
 * Sales velocity = open deals × win rate × average won deal ÷ average sales cycle (days): the revenue
 * the current pipeline produces per day at the period's pace, in minor units per day (rounded).
 * Null when any input is unknown (no deal closed or won in the period).
 */
export function salesVelocity(input: {
  openDeals: number;
  winRate: number | null;
  averageWonMinor: number | null;
  cycleDays: number | null;
}): number | null {
  const { openDeals, winRate: rate, averageWonMinor, cycleDays } = input;
  if (rate === null || averageWonMinor === null || cycleDays === null || !Number.isFinite(openDeals)) return null;
  return Math.round((openDeals * rate * averageWonMinor) / Math.max(cycleDays, MIN_CYCLE_DAYS));
}

/**
 * Stage-to-stage conversion = of the deals that entered stage N in the period, the share that later
 * entered a further open stage (N+1 or beyond: skipped stages count) or were won.
 */
export function stageConversion(input: { entered: number; advanced: number }): number | null {
  return safeRatio(input.advanced, input.entered);
}

/** Share of a whole, for distributions (sources, loss reasons, sectors). */
export function shareOf(part: number, whole: number): number | null {
  return safeRatio(part, whole);
}
