import "server-only";

import { minorDigits } from "@/lib/money";

import type { ExportColumn, ExportTable } from "./table";

/**
 * CSV that opens right in Excel *and* parses with any RFC 4180 reader:
 *   - UTF-8 with a byte-order mark, or Excel reads "Café" as "CafÃ©";
 *   - CRLF line ends, fields quoted only when they hold the separator, a quote or a line break;
 *   - the separator follows the org's locale, like Excel's own "Save as CSV": where the decimal mark
 *     is a comma (da-DK, fr-FR, de-DE, …) fields are split by ";" and decimals written "1234,50",
 *     elsewhere "," and "1234.50". A double-clicked file then lands in columns with numbers as
 *     numbers in that locale's Excel. Scripts that want the plain dialect ask for ?delimiter=comma.
 *   - money is a decimal in major units beside a currency column, dates are ISO (YYYY-MM-DD), times
 *     are YYYY-MM-DD HH:MM in the org's time zone (named in the header) — formats Excel, Sheets,
 *     pandas and PostgreSQL all read as dates;
 *   - text that starts with = + - @ or a tab could run as a formula when the file is opened in a
 *     spreadsheet (CSV injection: titles come from imports and webhooks), so it gets a leading "'".
 */
export type CsvDialect = { delimiter: "," | ";"; decimal: "." | "," };

export const COMMA_DIALECT: CsvDialect = { delimiter: ",", decimal: "." };
const SEMICOLON_DIALECT: CsvDialect = { delimiter: ";", decimal: "," };

export function csvDialectFor(locale: string, override?: "comma" | "semicolon" | null): CsvDialect {
  if (override === "comma") return COMMA_DIALECT;
  if (override === "semicolon") return SEMICOLON_DIALECT;
  const decimal = new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === "decimal")?.value;
  return decimal === "," ? SEMICOLON_DIALECT : COMMA_DIALECT;
}

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvText(value: string, dialect: CsvDialect): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  if (safe.includes(dialect.delimiter) || safe.includes('"') || safe.includes("\n") || safe.includes("\r")) {
    return `"${safe.replaceAll('"', '""')}"`;
  }
  return safe;
}

function decimalText(n: number, dialect: CsvDialect): string {
  const s = String(n);
  return dialect.decimal === "," ? s.replace(".", ",") : s;
}

// minorDigits builds an Intl.NumberFormat per call: fine for a form, ~15 µs too slow per cell here.
const digitsCache = new Map<string, number>();
export function digitsOf(currency: string): number {
  let d = digitsCache.get(currency);
  if (d === undefined) {
    d = minorDigits(currency);
    digitsCache.set(currency, d);
  }
  return d;
}

/**
 * Minor units → "12500.50", by string arithmetic: exact for any bigint PostgreSQL returns (as a
 * string), where dividing a float would round amounts beyond 2^53 minor units.
 */
export function minorToDecimal(minor: number | string, digits: number, decimal: "." | "," = "."): string {
  let s = String(minor);
  const negative = s.startsWith("-");
  if (negative) s = s.slice(1);
  if (digits === 0) return (negative ? "-" : "") + s;
  s = s.padStart(digits + 1, "0");
  return `${negative ? "-" : ""}${s.slice(0, -digits)}${decimal}${s.slice(-digits)}`;
}

/** One cell as CSV text (without the separator). */
export function csvCell<R>(column: ExportColumn<R>, row: R, dialect: CsvDialect): string {
  switch (column.kind) {
    case "text": {
      const v = column.value(row);
      return v === null || v === "" ? "" : csvText(v, dialect);
    }
    case "integer":
    case "decimal": {
      const v = column.value(row);
      return v === null ? "" : decimalText(v, dialect);
    }
    case "percent": {
      // A fraction in the data; a percentage number in the file (the header says "%").
      const v = column.value(row);
      return v === null ? "" : decimalText(Math.round(v * 1000) / 10, dialect);
    }
    case "money": {
      const v = column.value(row);
      if (v === null) return "";
      return minorToDecimal(v, digitsOf(column.currency(row)), dialect.decimal);
    }
    case "date":
    case "datetime":
      return column.value(row) ?? "";
  }
}

export function csvHeaderLine<R>(columns: ExportColumn<R>[], dialect: CsvDialect): string {
  return columns.map((c) => csvText(c.kind === "percent" ? `${c.header} (%)` : c.header, dialect)).join(dialect.delimiter) + "\r\n";
}

export function csvLines<R>(columns: ExportColumn<R>[], rows: R[], dialect: CsvDialect): string {
  let out = "";
  for (const row of rows) {
    let line = "";
    for (let i = 0; i < columns.length; i++) {
      if (i > 0) line += dialect.delimiter;
      line += csvCell(columns[i]!, row, dialect);
    }
    out += line + "\r\n";
  }
  return out;
}

/**
 * The table as a byte stream, one cursor batch per pull: nothing is read from the database until
 * the client takes the previous chunk (backpressure), and a cancelled download closes the cursor.
 */
export function csvStream<R>(table: ExportTable<R>, dialect: CsvDialect): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let batches: ReturnType<ExportTable<R>["open"]> | undefined;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode("\uFEFF" + csvHeaderLine(table.columns, dialect)));
    },
    async pull(controller) {
      batches ??= table.open();
      const next = await batches.next();
      if (next.done) {
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(csvLines(table.columns, next.value, dialect)));
    },
    async cancel() {
      await batches?.return?.();
    },
  });
}
