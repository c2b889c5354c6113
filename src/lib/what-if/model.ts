/**
 * The what-if projection: won revenue for the next 12 months from a baseline (the org's own
 * history, see baseline.ts) and the same under adjusted levers. Pure and runtime-neutral: the
 * server computes the baseline once, the browser reruns this on every slider move.
 *
 * TIME. Month i (0-based) is the i-th block of DAYS_PER_MONTH days from today — an average month, so
 * the result does not depend on today's calendar month. The horizon is HORIZON_MONTHS.
 *
 * WIN PROBABILITY. Each open stage s has a conversion c(s): of the deals that left s, the share that
 * moved forward (to a later open stage, or straight to won) rather than being lost. A deal in s wins
 * with P(s) = c(s) × c(s+1) × … × c(last open stage). (A deal that skips a stage is treated as
 * passing it at that stage's rate: an approximation that keeps one slider per stage meaningful.)
 *
 * LANDING. Expected revenue reaches the months through one rule, `spreadOverMonth`: an amount that
 * arrives uniformly over a one-month interval starting `start` months from now puts (1 − f) in
 * month ⌊start⌋ and f in the next, with f = start − ⌊start⌋. Starts before today count as today;
 * whatever lands after the horizon is dropped.
 *
 * (1) Open pipeline. Open deals come in cohorts (stage × age band: the SQL groups ages into bands
 *     one month wide). A cohort of value V, average age A, in stage s wins V × P(s). Its expected
 *     remaining time is R = cycleDays − A; it lands over the one-month interval centred on R, i.e.
 *     start = R / DAYS_PER_MONTH − ½. Deals older than the average cycle therefore land in month 0.
 * (2) New deals. Each month m = 0…11 brings leadsPerMonth deals, created evenly through the month,
 *     entering the pipeline at stage s with share entryShare(s) (their historical mix). A share
 *     L = Σ entryShare(s) × P(s) of them is won, each worth averageBasket, cycleDays after creation:
 *     cohort m lands over [m + C, m + 1 + C) months, C = cycleDays / DAYS_PER_MONTH. A cycle that is
 *     not a whole number of months splits each cohort between two adjacent months.
 *
 * SCENARIO. Adjustments turn the baseline into a scenario baseline (applyAdjustments), and both go
 * through the same projection. Shorter cycles pull revenue earlier (both parts); a larger basket
 * scales the value of NEW deals only (open deals keep the value already quoted); more leads scale
 * new deals; a stage's conversion override changes P for that stage and every stage before it.
 *
 * MONEY stays in minor units: computed as floats, each part rounded once per month; the monthly
 * total is the sum of the rounded parts and the cumulative figures are running sums of those, so
 * every figure shown adds up exactly.
 */

export const DAYS_PER_MONTH = 365.25 / 12;
export const HORIZON_MONTHS = 12;
export const HORIZONS = [3, 6, 12] as const;
export type Horizon = (typeof HORIZONS)[number];

/** One open stage as the model sees it (pipeline order). */
export type StageInput = {
  stageId: string;
  /** 0…1: share of the deals leaving the stage that move forward rather than being lost. */
  conversion: number;
  /** 0…1: share of new deals that enter the pipeline at this stage. */
  entryShare: number;
};

/** Open deals of one stage and one age band. */
export type OpenCohort = { stageId: string; count: number; valueMinor: number; ageDays: number };

export type ModelBaseline = {
  leadsPerMonth: number;
  averageBasketMinor: number;
  cycleDays: number;
  stages: StageInput[];
  openPipeline: OpenCohort[];
};

export type Adjustments = {
  /** Average basket of new deals, in % (−50…+50). */
  basketPct: number;
  /** New deals per month, in % (−50…+100). */
  leadVolumePct: number;
  /** Sales cycle length, in % (−50…+50). */
  cycleDaysPct: number;
  /** Conversion overrides by stage id, 0…1 (absent = the baseline's). */
  conversionByStage: Record<string, number>;
};

export type Range = { min: number; max: number; step: number };

/** The sliders' ranges; the model clamps to the same ones, so a bad value can't escape them. */
export const ADJUSTMENT_LIMITS = {
  basketPct: { min: -50, max: 50, step: 1 },
  leadVolumePct: { min: -50, max: 100, step: 1 },
  cycleDaysPct: { min: -50, max: 50, step: 1 },
} as const satisfies Record<string, Range>;

export const NO_ADJUSTMENTS: Adjustments = { basketPct: 0, leadVolumePct: 0, cycleDaysPct: 0, conversionByStage: {} };

/** A cycle is never shorter than a day, so a same-day win cannot collapse every cohort onto today. */
export const MIN_CYCLE_DAYS = 1;

export type Series = {
  /** Won revenue per month (minor units): pipeline[i] + newDeals[i]. */
  monthly: number[];
  /** Running total: cumulative[i] = monthly[0] + … + monthly[i]. */
  cumulative: number[];
  /** From deals open today. */
  pipeline: number[];
  /** From deals created from today on. */
  newDeals: number[];
  /** Share of new deals that end up won (L above). */
  newDealWinRate: number;
};

export type HorizonResult = {
  months: Horizon;
  baselineMinor: number;
  scenarioMinor: number;
  deltaMinor: number;
  /** delta ÷ baseline, null when the baseline is 0. */
  deltaRatio: number | null;
};

export type Simulation = { baseline: Series; scenario: Series; horizons: HorizonResult[] };

/** Clamps to [min, max]; anything that is not a finite number counts as 0 (no change). */
function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Number.isFinite(value) ? value : 0));
}

const clamp01 = (x: number) => clamp(x, 0, 1);

/** P(s) for every stage: the product of the conversions from s to the last open stage. */
export function winProbabilities(conversions: readonly number[]): number[] {
  const out = new Array<number>(conversions.length);
  let p = 1;
  for (let i = conversions.length - 1; i >= 0; i--) {
    p *= clamp01(conversions[i]!);
    out[i] = p;
  }
  return out;
}

/** L: the share of new deals that are won, over their entry mix (all at the first stage if no mix is known). */
export function newDealWinRate(stages: readonly StageInput[]): number {
  if (stages.length === 0) return 0;
  const p = winProbabilities(stages.map((s) => s.conversion));
  const total = stages.reduce((sum, s) => sum + Math.max(0, s.entryShare), 0);
  if (!(total > 0)) return p[0]!;
  return stages.reduce((sum, s, i) => sum + (Math.max(0, s.entryShare) / total) * p[i]!, 0);
}

/** Adds `amount`, arriving evenly over [start, start + 1) months, to the month buckets. */
export function spreadOverMonth(into: number[], start: number, amount: number): void {
  if (!(amount > 0) || Number.isNaN(start)) return;
  const s = Math.max(0, start);
  const k = Math.floor(s);
  const f = s - k;
  if (k < into.length) into[k]! += amount * (1 - f);
  if (k + 1 < into.length && f > 0) into[k + 1]! += amount * f;
}

/** The baseline with the levers applied (clamped to ADJUSTMENT_LIMITS). */
export function applyAdjustments(baseline: ModelBaseline, adjustments: Adjustments): ModelBaseline {
  const { basketPct, leadVolumePct, cycleDaysPct } = ADJUSTMENT_LIMITS;
  const factor = (pct: number, range: Range) => 1 + clamp(pct, range.min, range.max) / 100;
  return {
    leadsPerMonth: baseline.leadsPerMonth * factor(adjustments.leadVolumePct, leadVolumePct),
    averageBasketMinor: baseline.averageBasketMinor * factor(adjustments.basketPct, basketPct),
    cycleDays: baseline.cycleDays * factor(adjustments.cycleDaysPct, cycleDaysPct),
    stages: baseline.stages.map((s) => {
      const override = adjustments.conversionByStage[s.stageId];
      return override === undefined ? s : { ...s, conversion: clamp01(override) };
    }),
    openPipeline: baseline.openPipeline,
  };
}

/** Monthly won revenue (minor units) over the horizon, split into open pipeline and new deals. */
export function projectRevenue(b: ModelBaseline, months = HORIZON_MONTHS): Series {
  const cycleDays = Math.max(MIN_CYCLE_DAYS, Number.isFinite(b.cycleDays) ? b.cycleDays : MIN_CYCLE_DAYS);
  const cycleMonths = cycleDays / DAYS_PER_MONTH;
  const pWin = winProbabilities(b.stages.map((s) => s.conversion));
  const pByStage = new Map(b.stages.map((s, i) => [s.stageId, pWin[i]!]));

  const pipeline = new Array<number>(months).fill(0);
  for (const cohort of b.openPipeline) {
    // A stage that is no longer an open stage has no path to won in this model.
    const p = pByStage.get(cohort.stageId) ?? 0;
    const remainingMonths = (cycleDays - Math.max(0, cohort.ageDays)) / DAYS_PER_MONTH;
    spreadOverMonth(pipeline, remainingMonths - 0.5, Math.max(0, cohort.valueMinor) * p);
  }

  const winRate = newDealWinRate(b.stages);
  const perMonth = Math.max(0, b.leadsPerMonth) * winRate * Math.max(0, b.averageBasketMinor);
  const newDeals = new Array<number>(months).fill(0);
  for (let m = 0; m < months; m++) spreadOverMonth(newDeals, m + cycleMonths, perMonth);

  const pipelineRounded = pipeline.map(Math.round);
  const newRounded = newDeals.map(Math.round);
  const monthly = pipelineRounded.map((v, i) => v + newRounded[i]!);
  let running = 0;
  const cumulative = monthly.map((v) => (running += v));
  return { monthly, cumulative, pipeline: pipelineRounded, newDeals: newRounded, newDealWinRate: winRate };
}

/** Baseline and scenario side by side, with the cumulative difference at 3, 6 and 12 months. */
export function simulate(baseline: ModelBaseline, adjustments: Adjustments): Simulation {
  const base = projectRevenue(baseline);
  const scenario = projectRevenue(applyAdjustments(baseline, adjustments));
  const horizons = HORIZONS.map((months) => {
    const baselineMinor = base.cumulative[months - 1]!;
    const scenarioMinor = scenario.cumulative[months - 1]!;
    const deltaMinor = scenarioMinor - baselineMinor;
    return { months, baselineMinor, scenarioMinor, deltaMinor, deltaRatio: baselineMinor > 0 ? deltaMinor / baselineMinor : null };
  });
  return { baseline: base, scenario, horizons };
}

/** Whether any lever differs from the baseline (the reset button's state). */
export function isAdjusted(a: Adjustments): boolean {
  return a.basketPct !== 0 || a.leadVolumePct !== 0 || a.cycleDaysPct !== 0 || Object.keys(a.conversionByStage).length > 0;
}
