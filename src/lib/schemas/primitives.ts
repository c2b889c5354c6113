import { z } from "zod";

import { parseMoneyToMinor } from "@/lib/money";

/**
 * Shared building blocks for every action schema: what reaches the data layer has already been
 * checked here, so a bad value becomes a field error instead of a database error (a NUL byte is
 * refused by PostgreSQL's text type, an out-of-range timestamp or bigint by its column).
 */

/** Years a person can mean in a CRM; anything else is a typo (0000, 20260) or an attack (275760). */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2999;

/** A NUL, or a high surrogate not followed by a low one, or a low surrogate not preceded by a high one. */
const UNSAFE_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when the text can be stored and shown as typed: no NUL character and no lone UTF-16 surrogate. */
export function isSafeText(s: string): boolean {
  return !UNSAFE_TEXT.test(s);
}

const UNSAFE_TEXT_MESSAGE = "Remove the invisible or broken characters";

type SafeTextOptions = {
  /** Message when shorter than min (min defaults to 0). */
  min?: [number, string];
  max: [number, string];
  /** Trimmed unless told otherwise (passwords are taken as typed). */
  trim?: boolean;
  /** Message when the value is not a string at all. */
  required?: string;
};

/** A string field with its trim/min/max rules that also refuses NUL characters and lone surrogates. */
export function safeText({ min, max, trim = true, required }: SafeTextOptions) {
  let s = z.string(required ? { error: required } : undefined).refine(isSafeText, UNSAFE_TEXT_MESSAGE);
  if (trim) s = s.trim();
  if (min) s = s.min(min[0], min[1]);
  return s.max(max[0], max[1]);
}

/** A safe string used only for its shape (uuid, email…): the refinement runs before the format check. */
export const safeString = (required?: string) =>
  z.string(required ? { error: required } : undefined).refine(isSafeText, UNSAFE_TEXT_MESSAGE);

/**
 * A decimal typed into a form ("25", "25,5", "-3.75") as a number; NaN for anything else. Number()
 * alone would read "1e1" as 10, "0x1F" as 31 and "" as 0.
 */
export function parseDecimalText(s: string): number {
  const t = s.trim();
  return /^-?\d+([.,]\d+)?$/.test(t) ? Number(t.replace(",", ".")) : Number.NaN;
}

/** True for a real calendar day YYYY-MM-DD within MIN_YEAR–MAX_YEAR (2026-02-30 and 2026-13-01 are not). */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return false;
  // Day 0 of the next month is the last day of this one; Date.UTC handles leap years.
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A calendar date typed into a form (YYYY-MM-DD), refused rather than rolled over when impossible. */
export const calendarDate = z
  .string({ error: "Use a date like 2026-12-31" })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-12-31")
  .refine(isCalendarDate, `That date does not exist (use a real day between ${MIN_YEAR} and ${MAX_YEAR})`);

/**
 * An ISO date-time ("2026-12-31T09:00:00.000Z", with a zone offset or Z) or a Date. The calendar
 * part must be a real day and the instant within MIN_YEAR–MAX_YEAR: `new Date("2026-02-30T…")`
 * rolls over to March and year 275760 is the edge of what Date can hold but not PostgreSQL.
 */
const ISO_INSTANT = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):?[0-5]\d)$/;
const MIN_INSTANT = Date.UTC(MIN_YEAR, 0, 1);
const MAX_INSTANT = Date.UTC(MAX_YEAR + 1, 0, 1) - 1;

export function parseInstant(input: unknown): Date | null {
  let d: Date;
  if (input instanceof Date) d = input;
  else if (typeof input === "string") {
    const m = ISO_INSTANT.exec(input.trim());
    if (!m || !isCalendarDate(m[1]!)) return null;
    d = new Date(input.trim());
  } else return null;
  const t = d.getTime();
  return Number.isNaN(t) || t < MIN_INSTANT || t > MAX_INSTANT ? null : new Date(t);
}

export const instant = (message: string) =>
  z.union([z.string(), z.date()], { error: message }).transform((v, ctx) => {
    const d = parseInstant(v);
    if (!d) {
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    }
    return d;
  });

/**
 * An amount as people type it ("12 500,50 €") or as a JSON number of major units, read into
 * minor units. Strings with anything but an amount in them, fractions finer than the currency's
 * and amounts beyond Number.MAX_SAFE_INTEGER minor units are refused, not coerced.
 */
export const moneyAmount = (message = "Enter an amount such as 12500 or 12 500,50") =>
  z.union([z.string(), z.number()], { error: message }).transform((v, ctx) => {
    const minor = parseMoneyToMinor(v);
    if (minor === null || minor < 0) {
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    }
    return minor;
  });
