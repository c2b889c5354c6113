import { formatPercent } from "@/lib/format/figures";
import { formatMoney } from "@/lib/money";

/**
 * Signed figures for the simulator, in the dashboard's style ("+" and a real minus "−"), so a
 * difference reads the same on both pages.
 */
const sign = (value: number) => (value > 0 ? "+" : value < 0 ? "−" : "");

/** "+kr. 120.000", "−€4,500", "€0". */
export function formatSignedMoney(minor: number, currency: string, locale: string): string {
  return `${sign(minor)}${formatMoney(Math.abs(minor), currency, locale)}`;
}

/** A relative change (0.08) as "+8 %"; null when there is nothing to compare with. */
export function formatSignedRatio(ratio: number | null, locale: string): string | null {
  if (ratio === null || !Number.isFinite(ratio)) return null;
  return `${sign(ratio)}${formatPercent(Math.abs(ratio), locale)}`;
}

/** A lever in percent (20) as "+20 %", and 0 as "no change". */
export function formatLeverPct(pct: number, locale: string): string {
  return pct === 0 ? "no change" : (formatSignedRatio(pct / 100, locale) ?? "");
}

/** The difference line of a horizon: "+kr. 120.000 (+8 %)", or just the amount when the baseline is 0. */
export function formatDifference(deltaMinor: number, deltaRatio: number | null, currency: string, locale: string): string {
  if (deltaMinor === 0) return "no change";
  const ratio = formatSignedRatio(deltaRatio, locale);
  return `${formatSignedMoney(deltaMinor, currency, locale)}${ratio ? ` (${ratio})` : ""}`;
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** "9.2" — leads per month and similar small rates, one decimal at most. */
export function formatRate(value: number, locale: string): string {
  let f = numberFormats.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    numberFormats.set(locale, f);
  }
  return f.format(value);
}
