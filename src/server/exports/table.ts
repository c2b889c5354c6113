import "server-only";

/**
 * What every export is made of: typed columns and a source of row batches. The CSV and XLSX
 * writers both read this, so a column means the same thing in both files: money is minor units
 * plus a currency (written as a decimal in major units), dates are ISO days, times are wall-clock
 * minutes in the org's time zone, percentages are fractions (0.3 = 30 %).
 */
export type ColumnKind = "text" | "integer" | "decimal" | "percent" | "money" | "date" | "datetime";

type Base = { header: string; /** Excel column width in characters. */ width?: number };

export type ExportColumn<R> = Base &
  (
    | { kind: "text"; value: (row: R) => string | null }
    | { kind: "integer" | "decimal" | "percent"; value: (row: R) => number | null }
    /** Minor units (a bigint may arrive as a string) and the row's ISO currency code. */
    | { kind: "money"; value: (row: R) => number | string | null; currency: (row: R) => string }
    /** "YYYY-MM-DD". */
    | { kind: "date"; value: (row: R) => string | null }
    /** "YYYY-MM-DD HH:MM", already in the org's time zone (the SQL formats it, see sql-format.ts). */
    | { kind: "datetime"; value: (row: R) => string | null }
  );

/** Rows arrive in batches (a cursor's pages), so neither writer ever holds the whole set. */
export type RowBatches<R> = AsyncIterator<R[], void, undefined>;

export type ExportTable<R> = {
  /** Worksheet name (≤ 31 characters, no []:*?/\). */
  sheet: string;
  columns: ExportColumn<R>[];
  open: () => RowBatches<R>;
};

/** A fixed, already computed set of rows (the dashboard's small tables) as one batch. */
export function staticRows<R>(rows: R[]): () => RowBatches<R> {
  return () => {
    let done = false;
    return {
      async next() {
        if (done || rows.length === 0) return { done: true, value: undefined };
        done = true;
        return { done: false, value: rows };
      },
      async return() {
        done = true;
        return { done: true, value: undefined };
      },
    };
  };
}

/** "Created (Europe/Copenhagen)": a wall-clock column says which clock it is. */
export function zonedHeader(label: string, timeZone: string): string {
  return `${label} (${timeZone})`;
}
