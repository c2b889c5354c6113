/** Date and duration formatting in the org's locale and time zone (never the server's). */
import { daysSince } from "@/lib/deals/rules";

const cache = new Map<string, Intl.DateTimeFormat>();

function fmt(locale: string, timeZone: string, options: Intl.DateTimeFormatOptions, key: string) {
  const k = `${locale}|${timeZone}|${key}`;
  let f = cache.get(k);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { timeZone, ...options });
    cache.set(k, f);
  }
  return f;
}

export function formatDateTime(at: Date, locale: string, timeZone: string): string {
  return fmt(locale, timeZone, { dateStyle: "medium", timeStyle: "short" }, "dt").format(at);
}

export function formatDate(at: Date | string, locale: string, timeZone: string): string {
  const d = typeof at === "string" ? new Date(`${at}T12:00:00Z`) : at;
  return fmt(locale, typeof at === "string" ? "UTC" : timeZone, { dateStyle: "medium" }, "d").format(d);
}

export function formatTime(at: Date, locale: string, timeZone: string): string {
  return fmt(locale, timeZone, { timeStyle: "short" }, "t").format(at);
}

/** Whole days between two instants, for "time in stage" (rounded down, never negative). */
export function wholeDays(from: Date, to: Date): number {
  return Math.max(0, daysSince(from, to));
}
