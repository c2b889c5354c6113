import { foldLabel } from "./text";

/** How a date was read, so the preview can say "read as day/month". */
export type DateReading = "iso" | "day-first" | "month-first" | "month-name";
export type DateResult = { ok: true; iso: string; reading: DateReading } | { ok: false; message: string };
/** The order of a column's numeric dates (a/b/yyyy): one for the whole column, never per row. */
export type DateOrder = "day-first" | "month-first";

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

// Two-digit years: 00–69 are this century, 70–99 the last (exports reach back to the 1990s).
const fullYear = (y: string) => (y.length === 2 ? (Number(y) < 70 ? 2000 : 1900) + Number(y) : Number(y));

const NUMERIC = /^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})$/;

export type DateOrderInference = {
  /** The order the column proves (null: every numeric date fits both, or there are none). */
  order: DateOrder | null;
  /** A value that proves each order (first part above 12: day-first; second: month-first). */
  dayFirstExample: string | null;
  monthFirstExample: string | null;
  /** Both orders are proven: the column contradicts itself. */
  conflict: boolean;
};

/**
 * The date order of a whole column: any value whose first part is above 12 proves day-first, any
 * whose second is proves month-first. Reading each row on its own swapped day and month on every
 * ambiguous row of a day-first file in a month-first locale ("01-03-17" beside "20-10-16").
 */
export function inferDateOrder(values: Iterable<string>): DateOrderInference {
  const inference = dateOrderInference();
  for (const raw of values) {
    inference.see(raw);
    if (inference.settled()) break;
  }
  return inference.result();
}

/** inferDateOrder one value at a time, so that several columns can share one pass over a file. */
export function dateOrderInference() {
  let dayFirstExample: string | null = null;
  let monthFirstExample: string | null = null;
  return {
    see(raw: string) {
      const m = NUMERIC.exec(stripTime(raw.trim()));
      if (!m) return;
      if (!dayFirstExample && Number(m[1]) > 12) dayFirstExample = raw.trim();
      else if (!monthFirstExample && Number(m[2]) > 12) monthFirstExample = raw.trim();
    },
    /** Both orders are proven: no further value can change the result. */
    settled: () => dayFirstExample !== null && monthFirstExample !== null,
    result(): DateOrderInference {
      const conflict = dayFirstExample !== null && monthFirstExample !== null;
      const order = conflict ? null : dayFirstExample ? "day-first" : monthFirstExample ? "month-first" : null;
      return { order, dayFirstExample, monthFirstExample, conflict };
    },
  };
}

const stripTime = (s: string) => s.replace(/[T\s]+\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?\s*(z|[ap]\.?m\.?|[+-]\d{2}:?\d{2})?$/i, "");

/**
 * A calendar date as people type it: 2026-12-31, 31/12/2026, 31.12.26, 12/31/2026, 31 déc. 2026,
 * Dec 31, 2026 (a time after the date is ignored). For a/b/yyyy, `order` is the column's order
 * (inferDateOrder, or the user's choice) and every row is read with it; without one, a part above
 * 12 decides for that value and the org's locale for the rest.
 */
export function parseImportDate(raw: string, locale: string, order?: DateOrder | null): DateResult {
  const s = stripTime(raw.trim());
  if (!s) return { ok: false, message: "Date is empty" };

  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(s);
  if (m) {
    const iso = isoOf(Number(m[1]), Number(m[2]), Number(m[3]));
    return iso ? { ok: true, iso, reading: "iso" } : { ok: false, message: "That date does not exist" };
  }

  m = NUMERIC.exec(s);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const year = fullYear(m[3]!);
    const reading: DateReading = order ?? (a > 12 ? "day-first" : b > 12 ? "month-first" : localeDateOrder(locale));
    const iso = reading === "day-first" ? isoOf(year, b, a) : isoOf(year, a, b);
    if (iso) return { ok: true, iso, reading };
    const other = reading === "day-first" ? isoOf(year, a, b) : isoOf(year, b, a);
    return { ok: false, message: other && order ? `Not a ${order} date like the rest of the column` : "That date does not exist" };
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
