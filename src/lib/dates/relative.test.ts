import { describe, expect, it } from "vitest";

import { describeDue } from "./relative";

// 12:00 in Copenhagen (UTC+1 in November): midnight is 11 hours ahead and 12 hours behind.
const now = new Date("2026-11-24T11:00:00Z");
const at = (iso: string) => new Date(iso);
const cph = { language: "en", timeZone: "Europe/Copenhagen" };
const due = (iso: string, org = cph) => describeDue(at(iso), now, org);

describe("describeDue", () => {
  it("says now within a minute either side", () => {
    expect(due("2026-11-24T11:00:00Z")).toEqual({ late: false, text: "now" });
    expect(due("2026-11-24T11:00:59Z")).toEqual({ late: false, text: "now" });
    expect(due("2026-11-24T10:59:01Z")).toEqual({ late: true, text: "now" });
  });

  it("counts minutes below an hour, rounded down", () => {
    expect(due("2026-11-24T11:01:00Z")).toEqual({ late: false, text: "in 1 min." });
    expect(due("2026-11-24T10:58:30Z")).toEqual({ late: true, text: "1 min. ago" });
    expect(due("2026-11-24T11:59:59Z")).toEqual({ late: false, text: "in 59 min." });
    expect(due("2026-11-24T10:15:00Z")).toEqual({ late: true, text: "45 min. ago" });
  });

  it("counts hours, rounded down, while the due time is on today's date in the org's zone", () => {
    expect(due("2026-11-24T12:00:00Z")).toEqual({ late: false, text: "in 1 hr." });
    expect(due("2026-11-24T08:01:00Z")).toEqual({ late: true, text: "2 hr. ago" });
    // 23:58 in Copenhagen, two minutes before midnight.
    expect(due("2026-11-24T22:58:00Z")).toEqual({ late: false, text: "in 11 hr." });
    // 00:00 today in Copenhagen.
    expect(due("2026-11-23T23:00:00Z")).toEqual({ late: true, text: "12 hr. ago" });
  });

  it("switches to calendar days at the org's midnight, not after 24 hours", () => {
    // 00:00 tomorrow in Copenhagen is 12 hours away: already "tomorrow".
    expect(due("2026-11-24T23:00:00Z")).toEqual({ late: false, text: "tomorrow" });
    // 23:59 yesterday in Copenhagen.
    expect(due("2026-11-23T22:59:00Z")).toEqual({ late: true, text: "yesterday" });
    // The same instants in UTC are still on today's date.
    expect(due("2026-11-24T23:00:00Z", { language: "en", timeZone: "UTC" })).toEqual({ late: false, text: "in 12 hr." });
    // 47 hours ahead, but on the day after tomorrow's date.
    expect(due("2026-11-26T10:00:00Z")).toEqual({ late: false, text: "in 2 days" });
  });

  it("says a step less than an hour away in minutes, even across midnight", () => {
    const late = new Date("2026-11-24T22:50:00Z"); // 23:50 in Copenhagen
    expect(describeDue(at("2026-11-24T23:10:00Z"), late, cph)).toEqual({ late: false, text: "in 20 min." });
  });

  it("says how many days overdue on the org's calendar", () => {
    expect(due("2026-11-22T16:00:00Z")).toEqual({ late: true, text: "2 days ago" });
    expect(due("2026-11-20T08:00:00Z")).toEqual({ late: true, text: "4 days ago" });
    expect(due("2026-11-29T08:00:00Z")).toEqual({ late: false, text: "in 5 days" });
  });

  it("words the phrase in the UI language", () => {
    expect(due("2026-11-22T16:00:00Z", { language: "fr", timeZone: "Europe/Copenhagen" }).text).toBe("avant-hier");
    expect(due("2026-11-24T14:00:00Z", { language: "da", timeZone: "Europe/Copenhagen" }).text).toBe("om 3 timer");
  });
});
