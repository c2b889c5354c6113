import { z } from "zod";

import { isCalendarDate } from "./primitives";

/** What a page gets as `searchParams` (or a route handler as `URLSearchParams`). */
export type SearchParamsInput = URLSearchParams | Record<string, string | string[] | undefined>;

/** Reads one value (the first when repeated) or every value of a key, whatever the input's shape. */
export function searchParamsReader(input: SearchParamsInput) {
  if (input instanceof URLSearchParams) return { one: (k: string) => input.get(k), all: (k: string) => input.getAll(k) };
  return {
    one: (k: string) => {
      const v = input[k];
      return (Array.isArray(v) ? v[0] : v) ?? null;
    },
    all: (k: string) => {
      const v = input[k];
      return v === undefined ? [] : Array.isArray(v) ? v : [v];
    },
  };
}

/**
 * A calendar date in a URL (YYYY-MM-DD), or null for anything else — filters never throw on a bad
 * link. Rejects 2026-02-31 and 2026-13-01, which Date would either roll over or call invalid, and
 * years outside 2000–2999 (a typo, not a filter).
 */
export const isoDateParam = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => isCalendarDate(s) && s >= "2000-01-01")
  .nullable()
  .catch(null);
