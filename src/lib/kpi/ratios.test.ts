import { describe, expect, it } from "vitest";

import { averageCycleDays, averageValue, conversionRate, safeRatio, salesVelocity, shareOf, stageConversion, winRate } from "./ratios";

describe("KPI ratios (hand-computed fixtures)", () => {
  it("safeRatio divides and turns empty or broken denominators into null", () => {
    expect(safeRatio(1, 4)).toBe(0.25);
    expect(safeRatio(0, 5)).toBe(0);
    expect(safeRatio(3, 0)).toBeNull();
    expect(safeRatio(0, 0)).toBeNull();
    expect(safeRatio(1, -2)).toBeNull();
    expect(safeRatio(Number.NaN, 2)).toBeNull();
    expect(safeRatio(1, Number.POSITIVE_INFINITY)).toBeNull();
  });

  it("win rate = won ÷ (won + lost)", () => {
    expect(winRate({ won: 3, lost: 1 })).toBe(0.75);
    expect(winRate({ won: 0, lost: 4 })).toBe(0);
    expect(winRate({ won: 0, lost: 0 })).toBeNull();
  });

  it("conversion rate = won ÷ created, open deals counting against it", () => {
    // 10 created: 2 won, 1 lost, 7 still open → 20 %, while the win rate of the same deals is 2/3.
    expect(conversionRate({ createdWon: 2, created: 10 })).toBe(0.2);
    expect(winRate({ won: 2, lost: 1 })).toBeCloseTo(2 / 3);
    expect(conversionRate({ createdWon: 0, created: 0 })).toBeNull();
  });

  it("average value rounds to the nearest minor unit", () => {
    expect(averageValue({ totalMinor: 1_000_000 + 500_000 + 250_001, count: 3 })).toBe(583_334);
    expect(averageValue({ totalMinor: 5, count: 2 })).toBe(3); // 2.5 → 3
    expect(averageValue({ totalMinor: 0, count: 0 })).toBeNull();
  });

  it("average cycle = Σ days ÷ won", () => {
    expect(averageCycleDays({ totalDays: 10 + 20 + 45, won: 3 })).toBe(25);
    expect(averageCycleDays({ totalDays: 0, won: 0 })).toBeNull();
  });

  it("sales velocity = open × win rate × average won ÷ cycle", () => {
    // 40 open deals × 25 % × 20 000,00 ÷ 50 days = 4 000,00 a day.
    expect(salesVelocity({ openDeals: 40, winRate: 0.25, averageWonMinor: 2_000_000, cycleDays: 50 })).toBe(400_000);
    // A cycle under a day counts as one day.
    expect(salesVelocity({ openDeals: 2, winRate: 0.5, averageWonMinor: 1000, cycleDays: 0.2 })).toBe(1000);
    expect(salesVelocity({ openDeals: 0, winRate: 0.5, averageWonMinor: 1000, cycleDays: 3 })).toBe(0);
    expect(salesVelocity({ openDeals: 5, winRate: null, averageWonMinor: 1000, cycleDays: 3 })).toBeNull();
    expect(salesVelocity({ openDeals: 5, winRate: 0.5, averageWonMinor: null, cycleDays: 3 })).toBeNull();
    expect(salesVelocity({ openDeals: 5, winRate: 0.5, averageWonMinor: 1000, cycleDays: null })).toBeNull();
  });

  it("stage conversion and shares", () => {
    expect(stageConversion({ entered: 8, advanced: 6 })).toBe(0.75);
    expect(stageConversion({ entered: 0, advanced: 0 })).toBeNull();
    expect(shareOf(1, 3)).toBeCloseTo(1 / 3);
    expect(shareOf(0, 0)).toBeNull();
  });

  it("never returns NaN or Infinity", () => {
    const values = [
      winRate({ won: 0, lost: 0 }),
      conversionRate({ createdWon: 1, created: 0 }),
      averageValue({ totalMinor: 10, count: 0 }),
      averageCycleDays({ totalDays: 3, won: 0 }),
      salesVelocity({ openDeals: 3, winRate: 1, averageWonMinor: 1, cycleDays: 0 }),
    ];
    for (const v of values) expect(v === null || Number.isFinite(v)).toBe(true);
  });
});
