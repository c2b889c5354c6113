import { describe, expect, it } from "vitest";

import { createHashBudget } from "./hash-budget";

describe("createHashBudget", () => {
  it("lets a burst through, then the refill rate, and sheds the rest", () => {
    let t = 0;
    const budget = createHashBudget({ perSecond: 3, burst: 10 }, () => t);
    const burst = Array.from({ length: 12 }, () => budget.take());
    expect(burst.filter(Boolean)).toHaveLength(10);
    t += 1000; // one second refills three
    expect(Array.from({ length: 5 }, () => budget.take())).toEqual([true, true, true, false, false]);
  });

  it("never stores more than the burst however long it was idle", () => {
    let t = 0;
    const budget = createHashBudget({ perSecond: 3, burst: 10 }, () => t);
    t += 3_600_000;
    expect(Array.from({ length: 11 }, () => budget.take()).filter(Boolean)).toHaveLength(10);
  });

  it("under a steady flood lets through about the rate per second", () => {
    let t = 0;
    const budget = createHashBudget({ perSecond: 3, burst: 10 }, () => t);
    let passed = 0;
    for (let ms = 0; ms < 60_000; ms += 10) {
      t = ms;
      if (budget.take()) passed++;
    }
    expect(passed).toBeGreaterThanOrEqual(10 + 3 * 59);
    expect(passed).toBeLessThanOrEqual(10 + 3 * 60);
  });
});
