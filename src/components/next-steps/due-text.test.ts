import { describe, expect, it } from "vitest";

import { dueDistance } from "./due-text";

const now = new Date("2026-11-24T12:00:00Z");
const at = (ms: number) => new Date(now.getTime() + ms);
const MIN = 60_000;

describe("dueDistance", () => {
  it("says how late, in whole units rounded down", () => {
    expect(dueDistance(at(-10 * 1000), now)).toEqual({ late: true, text: "1 min late" });
    expect(dueDistance(at(-45 * MIN), now)).toEqual({ late: true, text: "45 min late" });
    expect(dueDistance(at(-179 * MIN), now)).toEqual({ late: true, text: "2 h late" });
    expect(dueDistance(at(-24 * 60 * MIN), now)).toEqual({ late: true, text: "1 day late" });
    expect(dueDistance(at(-3.5 * 24 * 60 * MIN), now)).toEqual({ late: true, text: "3 days late" });
  });

  it("says how soon", () => {
    expect(dueDistance(at(20 * MIN), now)).toEqual({ late: false, text: "in 20 min" });
    expect(dueDistance(at(5 * 24 * 60 * MIN), now)).toEqual({ late: false, text: "in 5 days" });
  });
});
