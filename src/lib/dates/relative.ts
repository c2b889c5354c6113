import { wallTimeIn } from "./zoned";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export type DueRelative = { late: boolean; text: string };

/**
 * How far a due time is from now — the one wording for it on every page (Today, the board, the
 * deals list, the deal page). Intl builds the phrase, so the catalogs of issue 11 need no words
 * for it: "now", "in 20 min." / "20 min. ago", "in 3 hr." / "3 hr. ago", then calendar days in
 * the org's time zone: "tomorrow", "yesterday", "in 5 days", "2 days ago".
 *
 * Days are counted on the org's calendar, not in blocks of 24 hours, so the phrase agrees with the
 * Today buckets: a step due at 17:00 yesterday is "yesterday" at 09:00 today, not "16 hr. ago".
 * Minutes and hours are whole units rounded down (lateness is never overstated); a due time less
 * than an hour away is always said in minutes, even across midnight.
 */
export function describeDue(dueAt: Date, now: Date, { language, timeZone }: { language: string; timeZone: string }): DueRelative {
  const diff = dueAt.getTime() - now.getTime();
  const late = diff < 0;
  const abs = Math.abs(diff);
  const sign = late ? -1 : 1;
  const rtf = relativeFormat(language);
  if (abs < MINUTE) return { late, text: rtf.format(0, "second") };
  const days = calendarDaysBetween(now, dueAt, timeZone);
  if (abs < HOUR) return { late, text: rtf.format(sign * Math.floor(abs / MINUTE), "minute") };
  if (days === 0) return { late, text: rtf.format(sign * Math.floor(abs / HOUR), "hour") };
  return { late, text: rtf.format(days, "day") };
}

/** Calendar days from `from`'s date to `to`'s date on the zone's clocks (negative when `to` is earlier). */
function calendarDaysBetween(from: Date, to: Date, timeZone: string): number {
  const a = wallTimeIn(from, timeZone);
  const b = wallTimeIn(to, timeZone);
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / (24 * HOUR));
}

const formats = new Map<string, Intl.RelativeTimeFormat>();

function relativeFormat(language: string): Intl.RelativeTimeFormat {
  let f = formats.get(language);
  if (!f) {
    // numeric "auto": "tomorrow" and "yesterday" rather than "in 1 day", "now" rather than "in 0 sec."
    f = new Intl.RelativeTimeFormat(language, { numeric: "auto", style: "short" });
    formats.set(language, f);
  }
  return f;
}
