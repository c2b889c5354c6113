import { describe, expect, it } from "vitest";

import {
  applyAdjustments,
  DAYS_PER_MONTH,
  isAdjusted,
  type ModelBaseline,
  newDealWinRate,
  NO_ADJUSTMENTS,
  projectRevenue,
  simulate,
  spreadOverMonth,
  winProbabilities,
} from "./model";

const M = DAYS_PER_MONTH;
const zeros = (n = 12) => new Array<number>(n).fill(0);

/** One stage converting half its deals; 10 new deals a month worth 1 000.00 each. */
function oneStage(overrides: Partial<ModelBaseline> = {}): ModelBaseline {
  return {
    leadsPerMonth: 10,
    averageBasketMinor: 100_000,
    cycleDays: M,
    stages: [{ stageId: "s1", conversion: 0.5, entryShare: 1 }],
    openPipeline: [],
    ...overrides,
  };
}

/** Two stages: P = [0.5 × 0.4, 0.4] = [0.2, 0.4]. */
function twoStages(overrides: Partial<ModelBaseline> = {}): ModelBaseline {
  return {
    leadsPerMonth: 0,
    averageBasketMinor: 0,
    cycleDays: 2 * M,
    stages: [
      { stageId: "a", conversion: 0.5, entryShare: 0.75 },
      { stageId: "b", conversion: 0.4, entryShare: 0.25 },
    ],
    openPipeline: [],
    ...overrides,
  };
}

describe("winProbabilities", () => {
  it("multiplies the conversions from each stage to the last", () => {
    expect(winProbabilities([0.5, 0.4])).toEqual([0.2, 0.4]);
    expect(winProbabilities([1 / 3, 0.6, 5 / 7, 0.7])[0]).toBeCloseTo(0.1, 12);
    expect(winProbabilities([])).toEqual([]);
  });

  it("clamps conversions outside 0…1", () => {
    expect(winProbabilities([1.5, -0.2])).toEqual([0, 0]);
    expect(winProbabilities([2, 0.5])).toEqual([0.5, 0.5]);
  });
});

describe("newDealWinRate", () => {
  it("weights each entry stage's win probability by its share of new deals", () => {
    // 0.75 × 0.2 + 0.25 × 0.4
    expect(newDealWinRate(twoStages().stages)).toBeCloseTo(0.25, 12);
  });

  it("sends every new deal to the first stage when no entry mix is known", () => {
    const stages = twoStages().stages.map((s) => ({ ...s, entryShare: 0 }));
    expect(newDealWinRate(stages)).toBeCloseTo(0.2, 12);
  });

  it("normalises shares that do not add up to one", () => {
    const stages = twoStages().stages.map((s) => ({ ...s, entryShare: s.entryShare * 4 }));
    expect(newDealWinRate(stages)).toBeCloseTo(0.25, 12);
  });

  it("is 0 without stages", () => {
    expect(newDealWinRate([])).toBe(0);
  });
});

describe("spreadOverMonth", () => {
  it("puts a whole-month start in one month", () => {
    const into = zeros(4);
    spreadOverMonth(into, 2, 100);
    expect(into).toEqual([0, 0, 100, 0]);
  });

  it("splits a fractional start between two adjacent months", () => {
    const into = zeros(4);
    spreadOverMonth(into, 1.25, 100);
    expect(into).toEqual([0, 75, 25, 0]);
  });

  it("lands anything due in the past in the first month", () => {
    const into = zeros(3);
    spreadOverMonth(into, -4.5, 100);
    expect(into).toEqual([100, 0, 0]);
  });

  it("drops what lands after the horizon", () => {
    const into = zeros(3);
    spreadOverMonth(into, 2.5, 100);
    spreadOverMonth(into, 7, 100);
    expect(into).toEqual([0, 0, 50]);
  });
});

describe("projectRevenue: new deals", () => {
  it("wins each month's cohort one cycle later", () => {
    // 10 deals × 50 % × 1 000.00 = 5 000.00 a month, one month after creation.
    const s = projectRevenue(oneStage());
    expect(s.newDeals).toEqual([0, ...new Array(11).fill(500_000)]);
    expect(s.pipeline).toEqual(zeros());
    expect(s.cumulative[2]).toBe(1_000_000);
    expect(s.cumulative[5]).toBe(2_500_000);
    expect(s.cumulative[11]).toBe(5_500_000);
    expect(s.newDealWinRate).toBe(0.5);
  });

  it("splits cohorts between adjacent months when the cycle is not a whole number of months", () => {
    const s = projectRevenue(oneStage({ cycleDays: 1.5 * M }));
    expect(s.monthly.slice(0, 4)).toEqual([0, 250_000, 500_000, 500_000]);
    expect(s.cumulative[2]).toBe(750_000);
  });

  it("uses the entry mix of new deals", () => {
    // 8 deals × 25 % × 2 000.00 = 4 000.00, two months later.
    const s = projectRevenue(twoStages({ leadsPerMonth: 8, averageBasketMinor: 200_000 }));
    expect(s.monthly.slice(0, 4)).toEqual([0, 0, 400_000, 400_000]);
  });

  it("treats a cycle under a day as one day", () => {
    const s = projectRevenue(oneStage({ cycleDays: 0 }));
    // Start 1/M into the month: almost everything in month m, a sliver in month m + 1.
    expect(s.monthly[0]).toBe(Math.round(500_000 * (1 - 1 / M)));
    expect(s.monthly[1]).toBe(500_000);
  });
});

describe("projectRevenue: open pipeline", () => {
  it("wins value × P(stage), centred on the remaining cycle", () => {
    // P(b) = 0.4 → 40 000.00 expected; remaining 2 months → over [1.5, 2.5).
    const s = projectRevenue(twoStages({ openPipeline: [{ stageId: "b", count: 3, valueMinor: 10_000_000, ageDays: 0 }] }));
    expect(s.pipeline.slice(0, 4)).toEqual([0, 2_000_000, 2_000_000, 0]);
    expect(s.newDeals).toEqual(zeros());
  });

  it("lands younger cohorts later and older ones sooner", () => {
    const s = projectRevenue(
      twoStages({
        openPipeline: [
          // Remaining 0.75 month → [0.25, 1.25): ¾ now, ¼ next month. P(a) = 0.2.
          { stageId: "a", count: 1, valueMinor: 1_000_000, ageDays: 1.25 * M },
          // Older than the cycle: all in the first month.
          { stageId: "b", count: 2, valueMinor: 500_000, ageDays: 400 },
        ],
      }),
    );
    expect(s.pipeline.slice(0, 3)).toEqual([150_000 + 200_000, 50_000, 0]);
  });

  it("gives nothing for a stage that is no longer open", () => {
    const s = projectRevenue(twoStages({ openPipeline: [{ stageId: "gone", count: 1, valueMinor: 1_000_000, ageDays: 0 }] }));
    expect(s.cumulative[11]).toBe(0);
  });

  it("rounds each part once per month, and the totals add up", () => {
    const s = projectRevenue(
      oneStage({
        leadsPerMonth: 1 / 3,
        averageBasketMinor: 101,
        cycleDays: 1.3 * M,
        openPipeline: [{ stageId: "s1", count: 1, valueMinor: 333, ageDays: 7 }],
      }),
    );
    for (const v of [...s.monthly, ...s.pipeline, ...s.newDeals]) expect(Number.isInteger(v)).toBe(true);
    s.monthly.forEach((v, i) => expect(v).toBe(s.pipeline[i]! + s.newDeals[i]!));
    expect(s.cumulative[11]).toBe(s.monthly.reduce((a, b) => a + b, 0));
  });

  it("projects nothing from an empty baseline", () => {
    const s = projectRevenue({ leadsPerMonth: 0, averageBasketMinor: 0, cycleDays: 30, stages: [], openPipeline: [] });
    expect(s.cumulative).toEqual(zeros());
  });
});

describe("applyAdjustments", () => {
  it("scales basket, leads and cycle, and replaces overridden conversions", () => {
    const b = twoStages({ leadsPerMonth: 10, averageBasketMinor: 1000 });
    const s = applyAdjustments(b, { basketPct: 20, leadVolumePct: 50, cycleDaysPct: -25, conversionByStage: { b: 0.8 } });
    expect(s.averageBasketMinor).toBeCloseTo(1200, 9);
    expect(s.leadsPerMonth).toBeCloseTo(15, 9);
    expect(s.cycleDays).toBeCloseTo(1.5 * M, 9);
    expect(s.stages.map((x) => x.conversion)).toEqual([0.5, 0.8]);
    expect(s.openPipeline).toBe(b.openPipeline);
  });

  it("clamps every lever to its range", () => {
    const b = oneStage();
    const s = applyAdjustments(b, { basketPct: 80, leadVolumePct: -90, cycleDaysPct: Number.NaN, conversionByStage: { s1: 1.7 } });
    expect(s.averageBasketMinor).toBeCloseTo(150_000, 9);
    expect(s.leadsPerMonth).toBeCloseTo(5, 9);
    expect(s.cycleDays).toBe(M);
    expect(s.stages[0]!.conversion).toBe(1);
  });

  it("leaves the baseline as it is without adjustments", () => {
    const b = twoStages();
    expect(applyAdjustments(b, NO_ADJUSTMENTS)).toEqual(b);
  });
});

describe("simulate", () => {
  const base = oneStage({ openPipeline: [{ stageId: "s1", count: 2, valueMinor: 2_000_000, ageDays: 0 }] });
  // Pipeline: 2 000 000 × 0.5 over [0.5, 1.5) → 500 000 in months 0 and 1.

  it("is identical to the baseline without adjustments", () => {
    const sim = simulate(base, NO_ADJUSTMENTS);
    expect(sim.scenario).toEqual(sim.baseline);
    expect(sim.horizons.map((h) => [h.months, h.deltaMinor, h.deltaRatio])).toEqual([
      [3, 0, 0],
      [6, 0, 0],
      [12, 0, 0],
    ]);
  });

  it("a larger basket raises new deals only", () => {
    const sim = simulate(base, { ...NO_ADJUSTMENTS, basketPct: 20 });
    expect(sim.scenario.pipeline).toEqual(sim.baseline.pipeline);
    expect(sim.scenario.newDeals[1]).toBe(600_000);
    // 3 months: baseline 500 000 + (500 000 + 500 000) + 500 000 = 2 000 000; new deals +100 000 × 2.
    const [three, six, twelve] = sim.horizons;
    expect(three).toEqual({ months: 3, baselineMinor: 2_000_000, scenarioMinor: 2_200_000, deltaMinor: 200_000, deltaRatio: 0.1 });
    expect(six!.deltaMinor).toBe(500_000);
    expect(twelve!.deltaMinor).toBe(1_100_000);
  });

  it("a shorter cycle pulls revenue earlier", () => {
    const sim = simulate(oneStage({ cycleDays: 2 * M }), { ...NO_ADJUSTMENTS, cycleDaysPct: -50 });
    expect(sim.baseline.monthly.slice(0, 3)).toEqual([0, 0, 500_000]);
    expect(sim.scenario.monthly.slice(0, 3)).toEqual([0, 500_000, 500_000]);
    expect(sim.horizons[0]!.deltaMinor).toBe(500_000);
    expect(sim.horizons[0]!.deltaRatio).toBe(1);
  });

  it("a conversion override changes the stage and every stage before it", () => {
    const b = twoStages({
      leadsPerMonth: 10,
      averageBasketMinor: 1000,
      openPipeline: [
        { stageId: "a", count: 1, valueMinor: 10_000, ageDays: 400 },
        { stageId: "b", count: 1, valueMinor: 10_000, ageDays: 400 },
      ],
    });
    const sim = simulate(b, { ...NO_ADJUSTMENTS, conversionByStage: { b: 0.8 } });
    // P = [0.5 × 0.8, 0.8] = [0.4, 0.8]: month 0 = 10 000 × (0.4 + 0.8).
    expect(sim.baseline.pipeline[0]).toBe(6_000);
    expect(sim.scenario.pipeline[0]).toBe(12_000);
    expect(sim.scenario.newDealWinRate).toBeCloseTo(0.75 * 0.4 + 0.25 * 0.8, 12);
  });

  it("has no relative change when the baseline projects nothing", () => {
    const sim = simulate(oneStage({ leadsPerMonth: 0 }), { ...NO_ADJUSTMENTS, leadVolumePct: 50 });
    expect(sim.horizons.every((h) => h.baselineMinor === 0 && h.deltaMinor === 0 && h.deltaRatio === null)).toBe(true);
  });
});

describe("isAdjusted", () => {
  it("is false only when every lever is at the baseline", () => {
    expect(isAdjusted(NO_ADJUSTMENTS)).toBe(false);
    expect(isAdjusted({ ...NO_ADJUSTMENTS, cycleDaysPct: -5 })).toBe(true);
    expect(isAdjusted({ ...NO_ADJUSTMENTS, conversionByStage: { a: 0.3 } })).toBe(true);
  });
});
