import "server-only";

import { PassThrough, Readable } from "node:stream";

import ExcelJS from "exceljs";

import { digitsOf } from "./csv";
import type { ExportColumn, ExportTable } from "./table";

/**
 * An .xlsx written row by row with exceljs' streaming WorkbookWriter: each committed row goes
 * straight into the zip stream, so 100 000 rows never sit in memory. Cells are typed — numbers as
 * numbers with a currency format, dates as dates — under a bold, frozen, filterable header row.
 */
export type XlsxMeta = { title: string; orgName: string };

const DATE_FORMAT = "yyyy-mm-dd";
const DATETIME_FORMAT = "yyyy-mm-dd hh:mm";

/** '#,##0.00 "DKK"': the amount stays a number (sums, sorting) and shows its currency. */
const moneyFormats = new Map<string, string>();
export function moneyFormat(currency: string): string {
  let format = moneyFormats.get(currency);
  if (!format) {
    const digits = digitsOf(currency);
    format = `#,##0${digits > 0 ? "." + "0".repeat(digits) : ""} "${currency}"`;
    moneyFormats.set(currency, format);
  }
  return format;
}

/** A wall-clock "YYYY-MM-DD[ HH:MM]" as the Date whose UTC fields are that wall time (what Excel stores). */
export function wallTimeToExcelDate(value: string): Date {
  const [day, time = "00:00"] = value.split(" ");
  return new Date(`${day}T${time}:00Z`);
}

type CellValue = string | number | Date | null;

function cellValue<R>(column: ExportColumn<R>, row: R): CellValue {
  switch (column.kind) {
    case "money": {
      const v = column.value(row);
      return v === null ? null : Number(v) / 10 ** digitsOf(column.currency(row));
    }
    case "date":
    case "datetime": {
      const v = column.value(row);
      return v === null ? null : wallTimeToExcelDate(v);
    }
    default:
      return column.value(row);
  }
}

function columnFormat<R>(column: ExportColumn<R>): string | undefined {
  switch (column.kind) {
    case "integer":
      return "0";
    case "decimal":
      return "0.0";
    case "percent":
      return "0.0%";
    case "date":
      return DATE_FORMAT;
    case "datetime":
      return DATETIME_FORMAT;
    default:
      return undefined;
  }
}

function columnLetter(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Resolves when the client has read enough to take more, or has gone away. */
function drained(out: PassThrough): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      out.off("drain", done);
      out.off("close", done);
      resolve();
    };
    out.on("drain", done);
    out.on("close", done);
  });
}

async function writeWorkbook<R>(table: ExportTable<R>, meta: XlsxMeta, out: PassThrough): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = "Momentum";
  workbook.title = meta.title;
  workbook.company = meta.orgName;
  workbook.created = new Date();
  const sheet = workbook.addWorksheet(table.sheet, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = table.columns.map((c, i) => ({
    header: c.header,
    key: String(i),
    width: c.width ?? Math.max(10, c.header.length + 2),
    style: columnFormat(c) ? { numFmt: columnFormat(c) } : {},
  }));
  sheet.autoFilter = `A1:${columnLetter(table.columns.length - 1)}1`;
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.commit();

  const moneyColumns = table.columns.flatMap((c, i) => (c.kind === "money" ? [{ index: i + 1, column: c }] : []));
  const batches = table.open();
  try {
    for (;;) {
      if (out.destroyed) return; // the download was cancelled
      const next = await batches.next();
      if (next.done) break;
      for (const r of next.value) {
        const row = sheet.addRow(table.columns.map((c) => cellValue(c, r)));
        // A deal keeps the currency it was created in, so the format is per cell, not per column.
        for (const { index, column } of moneyColumns) row.getCell(index).numFmt = moneyFormat(column.currency(r));
        row.commit();
      }
      // Wait while the client has not taken what is already written (backpressure).
      if (out.writableNeedDrain) await drained(out);
    }
  } finally {
    await batches.return?.();
  }
  sheet.commit();
  await workbook.commit();
}

export function xlsxStream<R>(table: ExportTable<R>, meta: XlsxMeta): ReadableStream<Uint8Array> {
  const out = new PassThrough();
  writeWorkbook(table, meta, out).catch((err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))));
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}
