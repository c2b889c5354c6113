import type { DashboardWindow } from "../../../src/lib/kpi/period";

/**
 * The dashboard's windows for one fixed "now", written out by hand (computed with a calendar, not
 * with src/lib/kpi): the naive recount uses these, so a wrong window in the code under test shows
 * as a mismatch instead of being copied into the reference.
 *
 * Now is Monday 2 November 2026, 11:00 in Copenhagen (CET, UTC+1). The 30-day period began on
 * 4 October under summer time (CEST, UTC+2): its first midnight is 22:00 UTC, its end 23:00 UTC —
 * the clocks went back on Sunday 25 October, inside the period and inside the trend's week of 19 October.
 */
export const FIXED_NOW = new Date("2026-11-02T10:00:00.000Z");
export const FIXED_TIME_ZONE = "Europe/Copenhagen";

const z = (iso: string) => new Date(iso);
const shared = {
  timeZone: FIXED_TIME_ZONE,
  now: FIXED_NOW,
  today: "2026-11-02",
  month: {
    start: z("2026-10-31T23:00:00.000Z"),
    end: z("2026-11-02T23:00:00.000Z"),
    previousStart: z("2026-09-30T22:00:00.000Z"),
    previousEnd: z("2026-10-02T22:00:00.000Z"),
    label: "2026-11-01",
    previousLabel: "2026-10-01",
  },
  trend: {
    firstWeek: "2026-08-17",
    lastWeek: "2026-11-02",
    start: z("2026-08-16T22:00:00.000Z"),
    end: z("2026-11-08T23:00:00.000Z"),
    weeks: [
      "2026-08-17",
      "2026-08-24",
      "2026-08-31",
      "2026-09-07",
      "2026-09-14",
      "2026-09-21",
      "2026-09-28",
      "2026-10-05",
      "2026-10-12",
      "2026-10-19",
      "2026-10-26",
      "2026-11-02",
    ],
  },
  deadlineUntil: "2026-12-03",
};

export const EXPECTED_WINDOWS: Record<"30d" | "90d" | "365d", DashboardWindow> = {
  "30d": {
    ...shared,
    period: { from: "2026-10-04", to: "2026-11-02", days: 30, start: z("2026-10-03T22:00:00.000Z"), end: z("2026-11-02T23:00:00.000Z") },
    previous: { from: "2026-09-04", to: "2026-10-03", days: 30, start: z("2026-09-03T22:00:00.000Z"), end: z("2026-10-03T22:00:00.000Z") },
  },
  "90d": {
    ...shared,
    period: { from: "2026-08-05", to: "2026-11-02", days: 90, start: z("2026-08-04T22:00:00.000Z"), end: z("2026-11-02T23:00:00.000Z") },
    previous: { from: "2026-05-07", to: "2026-08-04", days: 90, start: z("2026-05-06T22:00:00.000Z"), end: z("2026-08-04T22:00:00.000Z") },
  },
  "365d": {
    ...shared,
    period: { from: "2025-11-03", to: "2026-11-02", days: 365, start: z("2025-11-02T23:00:00.000Z"), end: z("2026-11-02T23:00:00.000Z") },
    previous: { from: "2024-11-03", to: "2025-11-02", days: 365, start: z("2024-11-02T23:00:00.000Z"), end: z("2025-11-02T23:00:00.000Z") },
  },
};

export function expectedWindow(range: string): DashboardWindow {
  const w = EXPECTED_WINDOWS[range as keyof typeof EXPECTED_WINDOWS];
  if (!w) throw new Error(`no hand-written window for the range ${range}`);
  return w;
}
