import { DAYS_PER_MONTH, type ModelBaseline, newDealWinRate, type OpenCohort, type StageInput, winProbabilities } from "./model";

/**
 * Turns the SQL aggregates of the org's history (sums and counts only: see
 * src/server/data/what-if-baseline.ts) into the model's baseline, with a fallback for every number
 * the history cannot give yet. Pure, so the fallbacks are unit-tested.
 *
 *   leadsPerMonth   deals created in the lookback ÷ months observed (the lookback, or since the first
 *                   deal when that is more recent; at least one month).
 *   averageBasket   average value of the deals WON in the lookback; none won → average value of the
 *                   deals created in the lookback; none either → 0.
 *   cycleDays       average days from creation to win of the deals won in the lookback; none won →
 *                   ASSUMED_CYCLE_DAYS.
 *   conversion(s)   of the deals that entered stage s in the lookback and have since moved on or been
 *                   lost, the share that moved forward (a later open stage, or won). With fewer than
 *                   MIN_STAGE_SAMPLE such deals the stage falls back to its configured probability:
 *                   conversion = probability(s) ÷ probability(s+1) (won = 100 %), so that the product
 *                   P(s) equals the stage probability.
 *   entryShare(s)   share of the deals created in the lookback whose first stage was s; no history →
 *                   everything enters at the first stage.
 *
 * Money is in the org's currency only (deals in other currencies are counted apart and left out).
 */

export const LOOKBACK_MONTHS = 12;
export const MIN_STAGE_SAMPLE = 5;
export const ASSUMED_CYCLE_DAYS = 60;
const DAY_MS = 86_400_000;

/** Start of the history the baseline reads: LOOKBACK_MONTHS average months before now. */
export function lookbackStart(now: Date): Date {
  return new Date(now.getTime() - LOOKBACK_MONTHS * DAYS_PER_MONTH * DAY_MS);
}

/** Months of history behind the lead volume: a young org (or a new rep) is not divided by twelve. */
export function observedMonths(now: Date, firstCreatedAt: Date | null): number {
  const start = lookbackStart(now);
  const from = firstCreatedAt && firstCreatedAt > start ? firstCreatedAt : start;
  const months = (now.getTime() - from.getTime()) / DAY_MS / DAYS_PER_MONTH;
  return Math.min(LOOKBACK_MONTHS, Math.max(1, months));
}

/**
 * Stage conversions implied by the configured probabilities (0…100, pipeline order). Probabilities
 * that fall from one stage to the next are capped by the later stage first, so conversions stay
 * within 0…1 and their product from any stage never exceeds that stage's probability.
 */
export function conversionsFromProbabilities(probabilities: readonly number[]): number[] {
  const capped = new Array<number>(probabilities.length);
  let next = 1; // the won stage
  for (let i = probabilities.length - 1; i >= 0; i--) {
    next = Math.min(next, Math.max(0, probabilities[i]! / 100));
    capped[i] = next;
  }
  return capped.map((p, i) => {
    const after = i + 1 < capped.length ? capped[i + 1]! : 1;
    return after > 0 ? p / after : 0;
  });
}

export type StageAggregate = {
  stageId: string;
  name: string;
  /** Configured probability, 0…100. */
  probability: number;
  /** Deals that entered the stage in the lookback and have since moved forward or been lost. */
  resolved: number;
  /** …of which moved forward (a later open stage, or won). */
  advanced: number;
  /** Deals created in the lookback whose first stage was this one. */
  entries: number;
};

export type BaselineAggregates = {
  now: Date;
  /** First creation among the deals in scope (org currency), any time; null when there are none. */
  firstCreatedAt: Date | null;
  created: { count: number; valueMinor: number };
  won: { count: number; valueMinor: number };
  /** Won deals in the lookback (any currency) and their total days from creation to win. */
  cycle: { count: number; totalDays: number };
  /** Open stages in pipeline order. */
  stages: StageAggregate[];
  openPipeline: OpenCohort[];
  /** Deals in scope that are open or were created in the lookback, in another currency. */
  otherCurrencyDeals: number;
};

export type StageBaseline = StageInput & {
  name: string;
  probability: number;
  /** Resolved deals behind a "history" conversion. */
  sample: number;
  source: "history" | "probability";
  /** P(s) at the baseline conversions. */
  winProbability: number;
};

export type WhatIfBaseline = Omit<ModelBaseline, "stages"> & {
  stages: StageBaseline[];
  /** Months of history the lead volume is averaged over. */
  months: number;
  sources: { basket: "won" | "created" | "none"; cycle: "won" | "assumed" };
  evidence: {
    leads: number;
    wonDeals: number;
    /** What those deals were worth: the history to hold the projection against. */
    wonValueMinor: number;
    cycleDeals: number;
    openDeals: number;
    openValueMinor: number;
    otherCurrencyDeals: number;
    newDealWinRate: number;
  };
  /** Nothing to project from: no deal created in the lookback and none open. */
  empty: boolean;
};

export function buildBaseline(agg: BaselineAggregates): WhatIfBaseline {
  const months = observedMonths(agg.now, agg.firstCreatedAt);
  const fallback = conversionsFromProbabilities(agg.stages.map((s) => s.probability));
  const totalEntries = agg.stages.reduce((n, s) => n + s.entries, 0);
  const stagesWithoutP = agg.stages.map((s, i) => {
    const fromHistory = s.resolved >= MIN_STAGE_SAMPLE;
    return {
      stageId: s.stageId,
      name: s.name,
      probability: s.probability,
      conversion: fromHistory ? s.advanced / s.resolved : fallback[i]!,
      entryShare: totalEntries > 0 ? s.entries / totalEntries : i === 0 ? 1 : 0,
      sample: fromHistory ? s.resolved : 0,
      source: fromHistory ? ("history" as const) : ("probability" as const),
    };
  });
  const p = winProbabilities(stagesWithoutP.map((s) => s.conversion));
  const stages = stagesWithoutP.map((s, i) => ({ ...s, winProbability: p[i]! }));

  const basket =
    agg.won.count > 0
      ? { source: "won" as const, value: agg.won.valueMinor / agg.won.count }
      : agg.created.count > 0
        ? { source: "created" as const, value: agg.created.valueMinor / agg.created.count }
        : { source: "none" as const, value: 0 };
  const cycle =
    agg.cycle.count > 0
      ? { source: "won" as const, days: agg.cycle.totalDays / agg.cycle.count }
      : { source: "assumed" as const, days: ASSUMED_CYCLE_DAYS };

  const openDeals = agg.openPipeline.reduce((n, c) => n + c.count, 0);
  const openValueMinor = agg.openPipeline.reduce((n, c) => n + c.valueMinor, 0);
  return {
    leadsPerMonth: agg.created.count / months,
    averageBasketMinor: Math.round(basket.value),
    cycleDays: cycle.days,
    stages,
    openPipeline: agg.openPipeline,
    months,
    sources: { basket: basket.source, cycle: cycle.source },
    evidence: {
      leads: agg.created.count,
      wonDeals: agg.won.count,
      wonValueMinor: agg.won.valueMinor,
      cycleDeals: agg.cycle.count,
      openDeals,
      openValueMinor,
      otherCurrencyDeals: agg.otherCurrencyDeals,
      newDealWinRate: newDealWinRate(stages),
    },
    empty: agg.created.count === 0 && openDeals === 0,
  };
}
