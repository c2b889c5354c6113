import { addDays, type WallTime, wallTimeIn, zonedTimeToUtc } from "@/lib/dates/zoned";

/**
 * The dashboard's time windows, from the date-range filter and "now", in the org's time zone.
 * Calendar days are ISO dates ("2026-11-21"); instants are the zone's midnights, so "the last 30
 * days" in Copenhagen starts at 00:00 Copenhagen time, not at 00:00 UTC.
 */
export type IsoDate = string;

export type DayRange = { from: IsoDate; to: IsoDate; days: number };

export type DashboardWindow = {
  timeZone: string;
  now: Date;
  today: IsoDate;
  /** The selected period (inclusive days) and its instants [start, end). */
  period: DayRange & { start: Date; end: Date };
  /** The same number of days immediately before. */
  previous: DayRange & { start: Date; end: Date };
  /** This month to date vs last month up to the same day of the month (or its last day). */
  month: { start: Date; end: Date; previousStart: Date; previousEnd: Date; label: IsoDate; previousLabel: IsoDate };
  /** Weekly revenue trend: TREND_WEEKS Monday-based weeks, the last one containing the period's last day. */
  trend: { firstWeek: IsoDate; lastWeek: IsoDate; start: Date; end: Date; weeks: IsoDate[] };
  /** Deadline table horizon: open deals expected to close before this day (exclusive). */
  deadlineUntil: IsoDate;
};

export const TREND_WEEKS = 12;
export const DEADLINE_DAYS = 30;

export function toIsoDate(w: Pick<WallTime, "year" | "month" | "day">): IsoDate {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${w.year}-${p(w.month)}-${p(w.day)}`;
}

export function parseIsoDate(d: IsoDate): WallTime {
  const [year, month, day] = d.split("-").map(Number) as [number, number, number];
  return { year, month, day, hour: 0, minute: 0 };
}

export function shiftDate(d: IsoDate, days: number): IsoDate {
  return toIsoDate(addDays(parseIsoDate(d), days));
}

/** Whole calendar days from a to b (b − a); both ISO dates. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  const ms = (d: IsoDate) => {
    const w = parseIsoDate(d);
    return Date.UTC(w.year, w.month - 1, w.day);
  };
  return Math.round((ms(b) - ms(a)) / 86_400_000);
}

/** 00:00 of that calendar day in the zone. */
export function startOfDayIn(d: IsoDate, timeZone: string): Date {
  return zonedTimeToUtc(parseIsoDate(d), timeZone);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Monday of the ISO week containing the day. */
export function mondayOf(d: IsoDate): IsoDate {
  const w = parseIsoDate(d);
  const weekday = new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay(); // 0 = Sunday
  return shiftDate(d, -((weekday + 6) % 7));
}

export function todayIn(now: Date, timeZone: string): IsoDate {
  return toIsoDate(wallTimeIn(now, timeZone));
}

/** The period [from, to] (inclusive days) and every window derived from it. */
export function buildWindow(range: { from: IsoDate; to: IsoDate }, now: Date, timeZone: string): DashboardWindow {
  const { from, to } = range;
  const days = daysBetween(from, to) + 1;
  const prevTo = shiftDate(from, -1);
  const prevFrom = shiftDate(from, -days);
  const at = (d: IsoDate) => startOfDayIn(d, timeZone);

  const today = todayIn(now, timeZone);
  const t = parseIsoDate(today);
  const monthFirst = toIsoDate({ ...t, day: 1 });
  const prevMonth = t.month === 1 ? { year: t.year - 1, month: 12 } : { year: t.year, month: t.month - 1 };
  const prevMonthFirst = toIsoDate({ ...prevMonth, day: 1 });
  const prevMonthSameDay = toIsoDate({ ...prevMonth, day: Math.min(t.day, daysInMonth(prevMonth.year, prevMonth.month)) });

  const lastWeek = mondayOf(to);
  const firstWeek = shiftDate(lastWeek, -7 * (TREND_WEEKS - 1));
  const weeks = Array.from({ length: TREND_WEEKS }, (_, i) => shiftDate(firstWeek, 7 * i));

  return {
    timeZone,
    now,
    today,
    period: { from, to, days, start: at(from), end: at(shiftDate(to, 1)) },
    previous: { from: prevFrom, to: prevTo, days, start: at(prevFrom), end: at(from) },
    month: {
      start: at(monthFirst),
      end: at(shiftDate(today, 1)),
      previousStart: at(prevMonthFirst),
      previousEnd: at(shiftDate(prevMonthSameDay, 1)),
      label: monthFirst,
      previousLabel: prevMonthFirst,
    },
    trend: { firstWeek, lastWeek, start: at(firstWeek), end: at(shiftDate(lastWeek, 7)), weeks },
    deadlineUntil: shiftDate(today, DEADLINE_DAYS + 1),
  };
}
