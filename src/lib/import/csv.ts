import { parse } from "csv-parse/sync";
import type { CsvDelimiter } from "./decode";

/** One data record and the file line where it starts (records may span lines inside quotes). */
export type CsvRecord = { line: number; cells: string[] };

export type ParsedCsv = { headers: string[]; records: CsvRecord[] };

export class CsvFormatError extends Error {
  constructor(
    message: string,
    readonly line: number | null,
  ) {
    super(message);
    this.name = "CsvFormatError";
  }
}

const HEADER_LIMIT = 200;

/**
 * Parses decoded text (line endings already "\n", see decodeCsvBytes). Empty lines and records
 * whose cells are all blank (Excel's trailing ";;;;" rows) are skipped; rows may be shorter or
 * longer than the header; a stray quote inside an unquoted cell (`24" screen`) is kept as text.
 */
export function parseCsv(text: string, delimiter: CsvDelimiter): ParsedCsv {
  let headers: string[] | null = null;
  const records: CsvRecord[] = [];
  try {
    parse(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      on_record: (record: string[], info) => {
        if (record.every((cell) => cell.trim() === "")) return null;
        // info.lines is the line where the record ends; embedded newlines tell where it began.
        let breaks = 0;
        for (const cell of record) for (let i = cell.indexOf("\n"); i !== -1; i = cell.indexOf("\n", i + 1)) breaks++;
        const line = info.lines - breaks;
        if (headers === null) headers = record.map((h) => h.trim());
        else records.push({ line, cells: record });
        return null;
      },
    });
  } catch (err) {
    const e = err as { code?: string; lines?: number; message?: string };
    if (e.code === "CSV_QUOTE_NOT_CLOSED") {
      throw new CsvFormatError(`A quoted cell is never closed (opened at or before line ${e.lines ?? "?"}). Check for a missing " in the file.`, e.lines ?? null);
    }
    throw new CsvFormatError(`The file could not be read as CSV: ${e.message ?? "unknown error"}`, e.lines ?? null);
  }
  if (!headers) throw new CsvFormatError("The file is empty: it needs a header line and at least one row.", null);
  const h = headers as string[];
  if (h.length > HEADER_LIMIT) throw new CsvFormatError(`The header has ${h.length} columns; at most ${HEADER_LIMIT} are supported.`, 1);
  return { headers: h.map((name, i) => name || `Column ${i + 1}`), records };
}
