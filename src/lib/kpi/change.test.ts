import { describe, expect, it } from "vitest";

import { changeTone, compareValues } from "./change";

describe("compareValues", () => {
  it("computes the delta and the relative change", () => {
    expect(compareValues(150, 100)).toEqual({ current: 150, previous: 100, delta: 50, relative: 0.5, direction: "up" });
    expect(compareValues(75, 100)).toEqual({ current: 75, previous: 100, delta: -25, relative: -0.25, direction: "down" });
    expect(compareValues(-50, -100)).toMatchObject({ delta: 50, relative: 0.5, direction: "up" });
  });

  it("has no relative change from zero, and no change at all when a side is unknown", () => {
    expect(compareValues(5, 0)).toEqual({ current: 5, previous: 0, delta: 5, relative: null, direction: "up" });
    expect(compareValues(0, 0)).toEqual({ current: 0, previous: 0, delta: 0, relative: 0, direction: "flat" });
    expect(compareValues(null, 3)).toEqual({ current: null, previous: 3, delta: null, relative: null, direction: null });
    expect(compareValues(3, null).direction).toBeNull();
    expect(compareValues(Number.NaN, 1).delta).toBeNull();
  });

  it("treats float noise as flat", () => {
    expect(compareValues(0.1 + 0.2, 0.3).direction).toBe("flat");
  });

  it("tells good from bad news by which way the KPI should move", () => {
    expect(changeTone(compareValues(2, 1), "higher")).toBe("good");
    expect(changeTone(compareValues(2, 1), "lower")).toBe("bad");
    expect(changeTone(compareValues(1, 2), "lower")).toBe("good");
    expect(changeTone(compareValues(1, 1), "higher")).toBe("neutral");
    expect(changeTone(compareValues(null, 1), "higher")).toBe("neutral");
  });
});
