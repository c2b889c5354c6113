import { describe, expect, it } from "vitest";

import {
  ASSUMED_CYCLE_DAYS,
  type BaselineAggregates,
  buildBaseline,
  conversionsFromProbabilities,
  lookbackStart,
  MIN_STAGE_SAMPLE,
  observedMonths,
  type StageAggregate,
} from "./baseline";
import { DAYS_PER_MONTH, winProbabilities } from "./model";

const DAY = 86_400_000;
const now = new Date("2026-11-21T12:00:00Z");
const daysAgo = (d: number) => new Date(now.getTime() - d * DAY);

function stage(name: string, probability: number, counts: Partial<StageAggregate> = {}): StageAggregate {
  return { stageId: name.toLowerCase(), name, probability, resolved: 0, advanced: 0, entries: 0, ...counts };
}

function aggregates(overrides: Partial<BaselineAggregates> = {}): BaselineAggregates {
  return {
    now,
    firstCreatedAt: daysAgo(1000),
    created: { count: 120, valueMinor: 120 * 40_000 },
    won: { count: 20, valueMinor: 20 * 50_000 },
    cycle: { count: 25, totalDays: 25 * 36 },
    stages: [
      stage("Lead", 10, { resolved: 80, advanced: 40, entries: 90 }),
      stage("Qualified", 30, { resolved: 40, advanced: 30, entries: 30 }),
      stage("Proposal", 50, { resolved: 4, advanced: 4 }),
      stage("Negotiation", 70, { resolved: 10, advanced: 8 }),
    ],
    openPipeline: [
      { stageId: "lead", count: 3, valueMinor: 300_000, ageDays: 12 },
      { stageId: "proposal", count: 2, valueMinor: 150_000, ageDays: 40 },
    ],
    otherCurrencyDeals: 2,
    ...overrides,
  };
}

describe("conversionsFromProbabilities", () => {
  it("gives conversions whose products are the stage probabilities", () => {
    const c = conversionsFromProbabilities([10, 30, 50, 70]);
    expect(c[0]).toBeCloseTo(1 / 3, 12);
    expect(c[1]).toBeCloseTo(0.6, 12);
    expect(c[2]).toBeCloseTo(5 / 7, 12);
    expect(c[3]).toBeCloseTo(0.7, 12);
    const p = winProbabilities(c);
    [0.1, 0.3, 0.5, 0.7].forEach((expected, i) => expect(p[i]).toBeCloseTo(expected, 12));
  });

  it("caps a probability that falls in a later stage, keeping conversions within 0…1", () => {
    expect(conversionsFromProbabilities([50, 30])).toEqual([1, 0.3]);
  });

  it("handles zero probabilities without dividing by zero", () => {
    expect(conversionsFromProbabilities([0, 0])).toEqual([0, 0]);
    expect(conversionsFromProbabilities([20, 0])).toEqual([0, 0]);
    expect(conversionsFromProbabilities([])).toEqual([]);
  });
});

describe("observedMonths", () => {
  it("is the whole lookback for an org older than it", () => {
    expect(observedMonths(now, daysAgo(1000))).toBe(12);
    expect(observedMonths(now, null)).toBe(12);
  });

  it("is the time since the first deal for a younger org", () => {
    expect(observedMonths(now, daysAgo(3 * DAYS_PER_MONTH))).toBeCloseTo(3, 9);
  });

  it("is at least one month", () => {
    expect(observedMonths(now, daysAgo(3))).toBe(1);
  });

  it("starts the lookback twelve average months back", () => {
    expect((now.getTime() - lookbackStart(now).getTime()) / DAY).toBeCloseTo(365.25, 9);
  });
});

describe("buildBaseline", () => {
  it("reads every number from the history when there is enough of it", () => {
    const b = buildBaseline(aggregates());
    expect(b.months).toBe(12);
    expect(b.leadsPerMonth).toBe(10);
    expect(b.averageBasketMinor).toBe(50_000);
    expect(b.cycleDays).toBe(36);
    expect(b.sources).toEqual({ basket: "won", cycle: "won" });
    expect(b.evidence).toEqual({
      leads: 120,
      wonDeals: 20,
      wonValueMinor: 1_000_000,
      cycleDeals: 25,
      openDeals: 5,
      openValueMinor: 450_000,
      otherCurrencyDeals: 2,
      newDealWinRate: expect.any(Number),
    });
    expect(b.empty).toBe(false);
    expect(b.openPipeline).toHaveLength(2);
  });

  it("uses a stage's history from MIN_STAGE_SAMPLE resolved deals, and its probability below that", () => {
    const b = buildBaseline(aggregates());
    expect(MIN_STAGE_SAMPLE).toBe(5);
    expect(b.stages.map((s) => [s.name, s.source, s.sample])).toEqual([
      ["Lead", "history", 80],
      ["Qualified", "history", 40],
      ["Proposal", "probability", 0],
      ["Negotiation", "history", 10],
    ]);
    expect(b.stages[0]!.conversion).toBe(0.5);
    expect(b.stages[1]!.conversion).toBe(0.75);
    expect(b.stages[2]!.conversion).toBeCloseTo(50 / 70, 12);
    expect(b.stages[3]!.conversion).toBe(0.8);
    // P(Lead) = 0.5 × 0.75 × 5/7 × 0.8
    expect(b.stages[0]!.winProbability).toBeCloseTo(0.5 * 0.75 * (5 / 7) * 0.8, 12);
    expect(b.stages[3]!.winProbability).toBe(0.8);
  });

  it("mixes new deals over the stages they entered at", () => {
    const b = buildBaseline(aggregates());
    expect(b.stages.map((s) => s.entryShare)).toEqual([0.75, 0.25, 0, 0]);
    const p = b.stages.map((s) => s.winProbability);
    expect(b.evidence.newDealWinRate).toBeCloseTo(0.75 * p[0]! + 0.25 * p[1]!, 12);
  });

  it("averages the lead volume over the months since the first deal in a young org", () => {
    const b = buildBaseline(aggregates({ firstCreatedAt: daysAgo(2 * DAYS_PER_MONTH), created: { count: 30, valueMinor: 30 } }));
    expect(b.months).toBeCloseTo(2, 9);
    expect(b.leadsPerMonth).toBeCloseTo(15, 9);
  });

  it("falls back to stage probabilities, the created basket and an assumed cycle before the first win", () => {
    const b = buildBaseline(
      aggregates({
        created: { count: 4, valueMinor: 4 * 30_001 + 1 }, // 30 001.25 → rounded
        won: { count: 0, valueMinor: 0 },
        cycle: { count: 0, totalDays: 0 },
        stages: [stage("Lead", 10), stage("Qualified", 30), stage("Proposal", 50), stage("Negotiation", 70)],
      }),
    );
    expect(b.sources).toEqual({ basket: "created", cycle: "assumed" });
    expect(b.averageBasketMinor).toBe(30_001);
    expect(b.cycleDays).toBe(ASSUMED_CYCLE_DAYS);
    expect(b.stages.every((s) => s.source === "probability")).toBe(true);
    [0.1, 0.3, 0.5, 0.7].forEach((p, i) => expect(b.stages[i]!.winProbability).toBeCloseTo(p, 12));
    // No entry history: every new deal starts in the first stage.
    expect(b.stages.map((s) => s.entryShare)).toEqual([1, 0, 0, 0]);
    expect(b.evidence.newDealWinRate).toBeCloseTo(0.1, 12);
  });

  it("is empty with no deal at all, and projects zero rather than failing", () => {
    const b = buildBaseline(
      aggregates({
        firstCreatedAt: null,
        created: { count: 0, valueMinor: 0 },
        won: { count: 0, valueMinor: 0 },
        cycle: { count: 0, totalDays: 0 },
        openPipeline: [],
        otherCurrencyDeals: 0,
      }),
    );
    expect(b.empty).toBe(true);
    expect(b.leadsPerMonth).toBe(0);
    expect(b.averageBasketMinor).toBe(0);
    expect(b.sources.basket).toBe("none");
  });

  it("is not empty when only open deals older than the lookback remain", () => {
    const b = buildBaseline(aggregates({ created: { count: 0, valueMinor: 0 } }));
    expect(b.empty).toBe(false);
  });
});
