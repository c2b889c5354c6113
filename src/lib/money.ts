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
 * other separator groups thousands. Returns null for anything that is not a number.
 */
export function parseMoneyToMinor(input: string | number, currency = "EUR"): number | null {
  const digits = minorDigits(currency);
  if (typeof input === "number") return Number.isFinite(input) ? Math.round(input * 10 ** digits) : null;
  let s = input.replace(/[\s\u00a0\u202f']/g, "").replace(/[^\d.,\-]/g, (ch) => (/\p{Sc}|[A-Za-z]/u.test(ch) ? "" : ch));
  s = s.replace(/^[.,]+|[.,]+$/g, ""); // the dot of "kr." or a trailing separator
  if (!s || !/^-?[\d.,]+$/.test(s)) return null;
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

const formatters = new Map<string, Intl.NumberFormat>();

export function formatMoney(minor: number, currency: string, locale: string, options: { compact?: boolean } = {}): string {
  const key = `${locale}|${currency}|${options.compact ? "c" : ""}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, {
      style: "currency",
      currency,
      ...(options.compact ? { notation: "compact", maximumFractionDigits: 1 } : { maximumFractionDigits: 0 }),
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
