import type { Change } from "@/lib/kpi/change";
import { formatMoney } from "@/lib/money";

/**
 * How KPI figures read (counts, ratios, durations, amounts, changes, days) in the org's locale, for
 * the dashboard pages and the monthly PDF alike. Unknown values show as "—".
 */
export const NONE = "—";

const cache = new Map<string, Intl.NumberFormat>();
function nf(locale: string, options: Intl.NumberFormatOptions, key: string) {
  const k = `${locale}|${key}`;
  let f = cache.get(k);
  if (!f) {
    f = new Intl.NumberFormat(locale, options);
    cache.set(k, f);
  }
  return f;
}

export function formatCount(n: number | null, locale: string): string {
  return n === null ? NONE : nf(locale, { maximumFractionDigits: 0 }, "n").format(n);
}

/** A ratio (0.256) as a percentage ("25.6 %" in the locale's style). */
export function formatPercent(ratio: number | null, locale: string): string {
  return ratio === null ? NONE : nf(locale, { style: "percent", maximumFractionDigits: 1 }, "pct").format(ratio);
}

export function formatDays(days: number | null, locale: string): string {
  if (days === null) return NONE;
  return `${nf(locale, { maximumFractionDigits: days < 10 ? 1 : 0 }, `d${days < 10}`).format(days)} ${days === 1 ? "day" : "days"}`;
}

export function formatAmount(minor: number | null, currency: string, locale: string, compact = false): string {
  return minor === null ? NONE : formatMoney(minor, currency, locale, { compact });
}

export type ChangeUnit = { kind: "money"; currency: string } | { kind: "count" } | { kind: "ratio" } | { kind: "days" };

/**
 * "+12.5 %" for amounts and counts (relative change), "+3.2 pp" for ratios (percentage points),
 * "−4 days" for durations. Null when there is nothing to compare with.
 */
export function formatChange(change: Change, unit: ChangeUnit, locale: string): string | null {
  if (change.direction === null || change.delta === null) return null;
  if (change.direction === "flat") return "no change";
  const signed = (text: string, value: number) => `${value > 0 ? "+" : "−"}${text}`;
  if (unit.kind === "ratio") {
    const pp = Math.abs(change.delta) * 100;
    return signed(`${nf(locale, { maximumFractionDigits: 1 }, "pp").format(pp)} pp`, change.delta);
  }
  if (unit.kind === "days") return signed(formatDays(Math.abs(change.delta), locale), change.delta);
  if (change.relative === null) {
    // From zero there is no percentage: show the absolute difference instead.
    const abs = Math.abs(change.delta);
    return signed(unit.kind === "money" ? formatMoney(abs, unit.currency, locale) : formatCount(abs, locale), change.delta);
  }
  return signed(nf(locale, { style: "percent", maximumFractionDigits: 1 }, "rel").format(Math.abs(change.relative)), change.delta);
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** "2 Nov" for an ISO date (a calendar day: formatted in UTC so no zone can shift it). */
export function formatDay(iso: string, locale: string, withYear = false): string {
  const k = `${locale}|${withYear}`;
  let f = dayFormats.get(k);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", ...(withYear ? { year: "numeric" } : {}), timeZone: "UTC" });
    dayFormats.set(k, f);
  }
  return f.format(new Date(`${iso}T12:00:00Z`));
}

/** "1 deal", "3 deals" — counts in the locale's digits. */
export function countOf(n: number, one: string, many: string, locale: string): string {
  return `${formatCount(n, locale)} ${n === 1 ? one : many}`;
}
