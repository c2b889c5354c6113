import { describe, expect, it } from "vitest";

import { duePresetAt } from "./due-presets";
import { addDays, dayBounds, fromLocalInputValue, toLocalInputValue, wallTimeIn, zonedTimeToUtc } from "./zoned";

describe("zoned time conversions", () => {
  it("converts a wall time to the right instant in winter and summer", () => {
    expect(zonedTimeToUtc({ year: 2026, month: 1, day: 15, hour: 9, minute: 0 }, "Europe/Copenhagen").toISOString()).toBe(
      "2026-01-15T08:00:00.000Z",
    );
    expect(zonedTimeToUtc({ year: 2026, month: 7, day: 15, hour: 9, minute: 0 }, "Europe/Copenhagen").toISOString()).toBe(
      "2026-07-15T07:00:00.000Z",
    );
    expect(zonedTimeToUtc({ year: 2026, month: 7, day: 15, hour: 9, minute: 0 }, "Asia/Kolkata").toISOString()).toBe(
      "2026-07-15T03:30:00.000Z",
    );
  });

  it("handles the spring-forward gap and the autumn overlap", () => {
    // 02:30 does not exist on 2026-03-29 in Copenhagen; the instant lands after the jump.
    const gap = zonedTimeToUtc({ year: 2026, month: 3, day: 29, hour: 2, minute: 30 }, "Europe/Copenhagen");
    expect(gap.toISOString()).toBe("2026-03-29T01:30:00.000Z"); // 03:30 summer time
    // 02:30 happens twice on 2026-10-25: the earlier instant (still summer time) is used.
    expect(zonedTimeToUtc({ year: 2026, month: 10, day: 25, hour: 2, minute: 30 }, "Europe/Copenhagen").toISOString()).toBe(
      "2026-10-25T00:30:00.000Z",
    );
  });

  it("computes the org's today, not the server's", () => {
    const instant = new Date("2026-11-21T20:00:00Z"); // 01:30 on the 22nd in Kolkata
    expect(dayBounds(instant, "Asia/Kolkata").start.toISOString()).toBe("2026-11-21T18:30:00.000Z");
    const { start, end } = dayBounds(instant, "Europe/Copenhagen");
    expect(start.toISOString()).toBe("2026-11-20T23:00:00.000Z");
    expect(end.toISOString()).toBe("2026-11-21T23:00:00.000Z");
  });

  it("rolls days over months and years", () => {
    expect(addDays({ year: 2026, month: 12, day: 31, hour: 9, minute: 0 }, 1)).toEqual({
      year: 2027,
      month: 1,
      day: 1,
      hour: 9,
      minute: 0,
    });
  });

  it("round-trips datetime-local values in the zone and rejects nonsense", () => {
    const instant = new Date("2026-11-21T08:15:00Z");
    const local = toLocalInputValue(instant, "Europe/Paris");
    expect(local).toBe("2026-11-21T09:15");
    expect(fromLocalInputValue(local, "Europe/Paris")?.toISOString()).toBe(instant.toISOString());
    expect(fromLocalInputValue("2026-13-01T10:00", "Europe/Paris")).toBeNull();
    expect(fromLocalInputValue("tomorrow", "Europe/Paris")).toBeNull();
  });
});

describe("due presets in the org's zone", () => {
  const tz = "Europe/Copenhagen";
  it("tomorrow 9:00, in 3 days and next Monday land at 9:00 local", () => {
    const saturdayMorning = new Date("2026-11-21T08:00:00Z"); // Sat 09:00 in Copenhagen
    expect(duePresetAt("tomorrow-9", saturdayMorning, tz).toISOString()).toBe("2026-11-22T08:00:00.000Z");
    expect(duePresetAt("in-3-days", saturdayMorning, tz).toISOString()).toBe("2026-11-24T08:00:00.000Z");
    expect(duePresetAt("next-week", saturdayMorning, tz).toISOString()).toBe("2026-11-23T08:00:00.000Z");
  });
  it("next week from a Monday is the following Monday", () => {
    const monday = new Date("2026-11-23T08:00:00Z");
    expect(duePresetAt("next-week", monday, tz).toISOString()).toBe("2026-11-30T08:00:00.000Z");
  });
  it("later today is ~3 h ahead, but becomes tomorrow 9:00 in the evening", () => {
    const morning = new Date("2026-11-21T08:10:00Z"); // 09:10 local
    const later = duePresetAt("later-today", morning, tz);
    expect(later.getTime() - morning.getTime()).toBeGreaterThanOrEqual(2.5 * 3_600_000);
    expect(wallTimeIn(later, tz).day).toBe(21);
    const evening = new Date("2026-11-21T17:00:00Z"); // 18:00 local
    expect(duePresetAt("later-today", evening, tz).toISOString()).toBe("2026-11-22T08:00:00.000Z");
  });
});
