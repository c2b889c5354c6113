import "server-only";

/**
 * PostgreSQL array literals for one parameter each: a batch of 2 000 rows is sent as a dozen
 * arrays and expanded with unnest() in one statement, instead of 2 000 × 12 bind parameters.
 * Cast them in SQL (`${textArray(xs)}::text[]`, `::uuid[]`, `::date[]`).
 */
export function textArray(items: readonly (string | null | undefined)[]): string {
  let out = "{";
  for (let i = 0; i < items.length; i++) {
    const v = items[i];
    if (i > 0) out += ",";
    out += v == null ? "NULL" : `"${v.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
  }
  return `${out}}`;
}

export function numberArray(items: readonly (number | null | undefined)[]): string {
  return `{${items.map((v) => (v == null ? "NULL" : String(v))).join(",")}}`;
}
