import { describe, expect, it } from "vitest";

import { queueBoundaries, todayBucketOf } from "./today-buckets";

// Tuesday 2026-11-24 10:00 UTC = 11:00 in Copenhagen = 15:30 in Kolkata.
const NOW = new Date("2026-11-24T10:00:00Z");

describe("todayBucketOf", () => {
  it.each([
    ["2026-11-24T09:00:00Z", "overdue", "overdue"],
    ["2026-11-24T10:00:00Z", "today", "today"], // due right now is not late yet
    ["2026-11-24T19:00:00Z", "today", "upcoming"], // 20:00 in Copenhagen, 00:30 tomorrow in Kolkata
    ["2026-12-01T18:29:00Z", "upcoming", "upcoming"], // the last minute of Kolkata's window
    ["2026-12-01T20:00:00Z", "upcoming", null], // inside Copenhagen's window, outside Kolkata's
    ["2026-12-10T09:00:00Z", null, null],
  ])("puts %s in Copenhagen's %s and Kolkata's %s bucket", (dueAt, cph, kol) => {
    expect(todayBucketOf(new Date(dueAt), NOW, queueBoundaries(NOW, "Europe/Copenhagen"))).toBe(cph);
    expect(todayBucketOf(new Date(dueAt), NOW, queueBoundaries(NOW, "Asia/Kolkata"))).toBe(kol);
  });
});
