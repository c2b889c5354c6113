import { parseMoneyToMinor } from "@/lib/money";

export type AmountResult = { ok: true; minor: number } | { ok: false; message: string };

/** Currency marks people put next to amounts, and the ISO code each one means. */
const SYMBOLS: [RegExp, string[]][] = [
  [/€|\beur(os?)?\b/i, ["EUR"]],
  [/\$|\busd\b/i, ["USD", "CAD", "AUD"]],
  [/£|\bgbp\b/i, ["GBP"]],
  [/₹|\binr\b|\brs\.?(?=\s|\d|$)/i, ["INR"]],
  [/\bdkk\b|\bkr\.?(?=\s|\d|$)/i, ["DKK", "SEK", "NOK"]],
  [/\bsek\b/i, ["SEK"]],
  [/\bnok\b/i, ["NOK"]],
  [/\bchf\b/i, ["CHF"]],
];

/**
 * An amount as people write it in a spreadsheet: "12 500,50 €", "12,500.50", "€12500",
 * "1.234,5", "DKK 4.500,-". Decimal and grouping rules are parseMoneyToMinor's; on top of it this
 * refuses what that lenient reader would misread in bulk ("15k", "n/a", "12-15"), a currency other
 * than the org's, and amounts that are not above zero.
 */
export function parseImportAmount(raw: string, currency: string): AmountResult {
  let s = raw.trim();
  if (!s) return { ok: false, message: "Amount is empty" };
  for (const [pattern, codes] of SYMBOLS) {
    if (pattern.test(s)) {
      if (!codes.includes(currency)) return { ok: false, message: `Amount is not in ${currency}` };
      s = s.replace(pattern, " ");
    }
  }
  s = s.replace(/,-$/, "").trim();
  if (/[^\d\s\u00a0\u202f'.,\-+]/.test(s)) return { ok: false, message: "Not an amount" };
  if (/\d[\s\u00a0\u202f'.,]*-[\s\u00a0\u202f]*\d/.test(s)) return { ok: false, message: "Not an amount (a range?)" };
  const minor = parseMoneyToMinor(s.replace(/^\+/, ""), currency);
  if (minor === null) return { ok: false, message: "Not an amount" };
  if (minor <= 0) return { ok: false, message: "Amount must be more than 0" };
  return { ok: true, minor };
}
