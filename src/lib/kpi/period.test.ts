import { describe, expect, it } from "vitest";

import { buildWindow, daysBetween, mondayOf, shiftDate, TREND_WEEKS } from "./period";

const CPH = "Europe/Copenhagen";

describe("dashboard windows", () => {
  it("date helpers roll over months and years", () => {
    expect(shiftDate("2026-03-01", -1)).toBe("2026-02-28");
    expect(shiftDate("2024-12-31", 1)).toBe("2025-01-01");
    expect(daysBetween("2026-01-01", "2026-03-01")).toBe(59);
    expect(mondayOf("2026-11-22")).toBe("2026-11-16"); // a Sunday
    expect(mondayOf("2026-11-16")).toBe("2026-11-16");
  });

  it("builds the period, the previous period and their instants at the zone's midnights", () => {
    const now = new Date("2026-11-21T10:00:00Z");
    const w = buildWindow({ from: "2026-10-23", to: "2026-11-21" }, now, CPH);
    expect(w.today).toBe("2026-11-21");
    expect(w.period).toMatchObject({ from: "2026-10-23", to: "2026-11-21", days: 30 });
    expect(w.previous).toMatchObject({ from: "2026-09-23", to: "2026-10-22", days: 30 });
    // CEST (+2) until 25 October, CET (+1) after.
    expect(w.period.start.toISOString()).toBe("2026-10-22T22:00:00.000Z");
    expect(w.period.end.toISOString()).toBe("2026-11-21T23:00:00.000Z");
    expect(w.previous.start.toISOString()).toBe("2026-09-22T22:00:00.000Z");
    expect(w.previous.end.getTime()).toBe(w.period.start.getTime());
  });

  it("compares this month to date with last month up to the same day (clamped to its length)", () => {
    const w = buildWindow({ from: "2026-03-01", to: "2026-03-31" }, new Date("2026-03-31T12:00:00Z"), CPH);
    expect(w.month.label).toBe("2026-03-01");
    expect(w.month.start.toISOString()).toBe("2026-02-28T23:00:00.000Z");
    expect(w.month.end.toISOString()).toBe("2026-03-31T22:00:00.000Z"); // 1 April 00:00 CEST
    expect(w.month.previousStart.toISOString()).toBe("2026-01-31T23:00:00.000Z");
    expect(w.month.previousEnd.toISOString()).toBe("2026-02-28T23:00:00.000Z"); // all of February
    const jan = buildWindow({ from: "2027-01-01", to: "2027-01-10" }, new Date("2027-01-10T12:00:00Z"), CPH);
    expect(jan.month.previousLabel).toBe("2026-12-01");
  });

  it("has 12 Monday weeks ending with the week of the period's last day, and a 30-day deadline horizon", () => {
    const w = buildWindow({ from: "2026-10-23", to: "2026-11-21" }, new Date("2026-11-21T10:00:00Z"), "Asia/Kolkata");
    expect(w.trend.weeks).toHaveLength(TREND_WEEKS);
    expect(w.trend.lastWeek).toBe("2026-11-16");
    expect(w.trend.firstWeek).toBe("2026-08-31");
    expect(w.trend.start.toISOString()).toBe("2026-08-30T18:30:00.000Z");
    expect(w.trend.end.toISOString()).toBe("2026-11-22T18:30:00.000Z");
    expect(w.deadlineUntil).toBe("2026-12-22");
  });
});
