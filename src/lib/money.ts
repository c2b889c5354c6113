/**
 * Money is an integer of minor units plus an ISO currency code. Every currency we support has two
 * decimals; the helpers take the currency anyway so a zero-decimal one can be added in one place.
 */
const digitsByCurrency = new Map<string, number>();

export function minorDigits(currency: string): number {
  // Memoised: building an Intl.NumberFormat costs tens of microseconds, and every formatted amount
  // (hundreds per page) and every imported row asks.
  let digits = digitsByCurrency.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsByCurrency.set(currency, digits);
  }
  return digits;
}

/**
 * Reads an amount the way people type it: "12 500,50 €", "12,500.50", "€12500", "12.500,5", "1 234",
 * "₹1,25,000".
 * The last "," or "." followed by one or two digits at the end is the decimal separator; every
 * other separator groups thousands. A currency mark (a symbol or letters such as "kr.", "EUR") may
 * stand before or after the number, never inside it: "12abc34" and "1e308" are refused, not read as
 * 1 234 and 1 308. Returns null for anything that is not an amount, and for amounts beyond
 * Number.MAX_SAFE_INTEGER minor units.
 */
export function parseMoneyToMinor(input: string | number, currency = "EUR"): number | null {
  const digits = minorDigits(currency);
  if (typeof input === "number") return numberToMinor(input, digits);
  const m = AMOUNT.exec(input.replace(/[\s\u00a0\u202f']/g, ""));
  if (!m || (m[1] && m[2])) return null;
  let s = (m[1] || m[2]) + m[3]!;
  const negative = s.startsWith("-");
  s = s.replace(/^-/, "");
  const decimalMatch = /[.,](\d{1,2})$/.exec(s);
  let whole = s;
  let fraction = "";
  if (decimalMatch) {
    whole = s.slice(0, decimalMatch.index);
    fraction = decimalMatch[1]!;
  }
  // Thousands groups of three ("12,500", "12.500"), or the Indian lakh/crore grouping with commas
  // ("1,25,000", "12,34,56,789") — what formatMoney itself writes for an en-IN org.
  if (/[.,]/.test(whole) && !/^\d{1,3}([.,]\d{3})+$/.test(whole) && !/^\d{1,2}(,\d{2})+,\d{3}$/.test(whole)) return null;
  whole = whole.replace(/[.,]/g, "");
  if (!whole && !fraction) return null;
  const minor = Number(whole || "0") * 10 ** digits + Number(fraction.padEnd(digits, "0").slice(0, digits) || "0");
  if (!Number.isSafeInteger(minor)) return null;
  return negative ? -minor : minor;
}

/** A sign, an optional currency mark before, the number (a trailing separator allowed: "kr." or "12,"), an optional mark after. */
const AMOUNT = /^(-?)(?:[\p{Sc}A-Za-z]+\.?)?(-?)([\d.,]*\d)[.,]?(?:[\p{Sc}A-Za-z]+\.?)?$/u;

/**
 * A JSON number of major units (99.99 → 9 999). More decimals than the currency has cannot be
 * stored exactly, and 1e20 € is beyond what an integer of minor units can hold: both are refused.
 */
function numberToMinor(input: number, digits: number): number | null {
  if (!Number.isFinite(input)) return null;
  const written = String(input);
  if (/e-/.test(written) || (/\.(\d+)/.exec(written)?.[1]?.length ?? 0) > digits) return null;
  const minor = Math.round(input * 10 ** digits);
  return Number.isSafeInteger(minor) ? minor : null;
}

const formatters = new Map<string, Intl.NumberFormat>();

/**
 * An amount in the locale's style. Three precisions: whole units by default (lists, cards, rows:
 * amounts meant to be compared at a glance), `exact` to the minor unit on a deal's own page
 * ("12.500,50 kr."; a whole amount stays "12.500 kr."), and `compact` for aggregates only
 * (dashboard figures, chart axes: "1,2 mio. kr.").
 */
export function formatMoney(minor: number, currency: string, locale: string, options: { compact?: boolean; exact?: boolean } = {}): string {
  const precision = options.compact ? "c" : options.exact ? "e" : "";
  const key = `${locale}|${currency}|${precision}`;
  let f = formatters.get(key);
  if (!f) {
    const digits = minorDigits(currency);
    f = new Intl.NumberFormat(locale, {
      style: "currency",
      currency,
      ...(precision === "c"
        ? { notation: "compact", maximumFractionDigits: 1 }
        : precision === "e"
          ? { minimumFractionDigits: digits, maximumFractionDigits: digits, trailingZeroDisplay: "stripIfInteger" }
          : { maximumFractionDigits: 0 }),
    });
    formatters.set(key, f);
  }
  return f.format(minor / 10 ** minorDigits(currency));
}

/** For form fields: minor units → "12500.5" (no grouping, dot decimal). */
export function minorToInput(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  return (minor / 10 ** digits).toFixed(digits).replace(/\.?0+$/, "");
}
