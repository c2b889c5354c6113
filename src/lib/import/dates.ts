import { foldLabel } from "./text";

/** How a date was read, so the preview can say "read as day/month". */
export type DateReading = "iso" | "day-first" | "month-first" | "month-name";
export type DateResult = { ok: true; iso: string; reading: DateReading } | { ok: false; message: string };

const orderCache = new Map<string, "day-first" | "month-first">();

/** Whether the locale writes the day before the month (da-DK, fr-FR, en-GB, en-IN) or after (en-US). */
export function localeDateOrder(locale: string): "day-first" | "month-first" {
  let order = orderCache.get(locale);
  if (!order) {
    const parts = new Intl.DateTimeFormat(locale, { year: "numeric", month: "2-digit", day: "2-digit", timeZone: "UTC" })
      .formatToParts(new Date(Date.UTC(2026, 11, 31)))
      .map((p) => p.type);
    order = parts.indexOf("month") < parts.indexOf("day") ? "month-first" : "day-first";
    orderCache.set(locale, order);
  }
  return order;
}

const MONTHS: Record<string, number> = {};
[
  ["jan", "january", "janv", "janvier"],
  ["feb", "february", "fev", "fevr", "fevrier"],
  ["mar", "march", "mars"],
  ["apr", "april", "avr", "avril"],
  ["may", "mai"],
  ["jun", "june", "juin"],
  ["jul", "july", "juil", "juillet"],
  ["aug", "august", "aou", "aout"],
  ["sep", "sept", "september", "septembre"],
  ["oct", "october", "octobre"],
  ["nov", "november", "novembre"],
  ["dec", "december", "decembre"],
].forEach((names, i) => names.forEach((n) => (MONTHS[n] = i + 1)));

function isoOf(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1) return null; // 31/02, 29/02 outside leap years
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

const fullYear = (y: string) => (y.length === 2 ? 2000 + Number(y) : Number(y));

/**
 * A calendar date as people type it: 2026-12-31, 31/12/2026, 31.12.26, 12/31/2026, 31 déc. 2026,
 * Dec 31, 2026 (a time after the date is ignored). For a/b/yyyy the order is unambiguous when
 * one part is above 12 (12/31 is month-first in any locale); otherwise the org's locale decides.
 */
export function parseImportDate(raw: string, locale: string): DateResult {
  const s = raw.trim().replace(/[T\s]+\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?\s*(z|[ap]\.?m\.?|[+-]\d{2}:?\d{2})?$/i, "");
  if (!s) return { ok: false, message: "Date is empty" };

  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(s);
  if (m) {
    const iso = isoOf(Number(m[1]), Number(m[2]), Number(m[3]));
    return iso ? { ok: true, iso, reading: "iso" } : { ok: false, message: "That date does not exist" };
  }

  m = /^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})$/.exec(s);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const year = fullYear(m[3]!);
    const reading: DateReading = a > 12 ? "day-first" : b > 12 ? "month-first" : localeDateOrder(locale);
    const iso = reading === "day-first" ? isoOf(year, b, a) : isoOf(year, a, b);
    return iso ? { ok: true, iso, reading } : { ok: false, message: "That date does not exist" };
  }

  // "1er janvier 2027", "December 1st, 2026": ordinal suffixes go.
  const words = foldLabel(s)
    .split(" ")
    .map((w) => w.replace(/^(\d{1,2})(er|e|st|nd|rd|th)$/, "$1"));
  if (words.length === 3) {
    const [w1, w2, w3] = words as [string, string, string];
    // "31 dec 2026" / "31 decembre 2026" or "dec 31 2026" / "december 31 2026"
    const dayFirst = /^\d{1,2}$/.test(w1) && MONTHS[w2] && /^\d{2,4}$/.test(w3);
    const monthFirst = MONTHS[w1] && /^\d{1,2}$/.test(w2) && /^\d{2,4}$/.test(w3);
    if (dayFirst || monthFirst) {
      const iso = dayFirst ? isoOf(fullYear(w3), MONTHS[w2]!, Number(w1)) : isoOf(fullYear(w3), MONTHS[w1]!, Number(w2));
      return iso ? { ok: true, iso, reading: "month-name" } : { ok: false, message: "That date does not exist" };
    }
  }
  return { ok: false, message: "Not a date (use e.g. 31/12/2026 or 2026-12-31)" };
}
