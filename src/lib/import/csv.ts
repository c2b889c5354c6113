import { type CsvError, type Info, type Options, parse } from "csv-parse";
import { parse as parseSync } from "csv-parse/sync";

import { parseWellFormedCsv } from "./csv-fast";
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
/** Characters handed to the parser at a time: ~700 records of a typical file. */
const CHUNK = 65_536;

/**
 * Parses decoded text (line endings already "\n", see decodeCsvBytes). Empty lines and records
 * whose cells are all blank (Excel's trailing ";;;;" rows) are skipped; rows may be shorter or
 * longer than the header; a stray quote inside an unquoted cell (`24" screen`) is kept as text.
 */
export function parseCsv(text: string, delimiter: CsvDelimiter): ParsedCsv {
  const fast = parseWellFormedCsv(text, delimiter);
  if (fast) return { headers: checkedHeaders(fast.headers), records: fast.records };
  return parseCsvGeneral(text, delimiter);
}

/** parseCsv by csv-parse alone, whatever the text (exported for the tests comparing it with the fast path). */
export function parseCsvGeneral(text: string, delimiter: CsvDelimiter): ParsedCsv {
  const records: CsvRecord[] = [];
  let headers: string[] | null = null;
  try {
    parseSync(
      text,
      parserOptions(
        delimiter,
        (h) => (headers = h),
        (r) => records.push(r),
      ),
    );
  } catch (err) {
    throw formatError(err as CsvError);
  }
  return { headers: checkedHeaders(headers), records };
}

/** csv-parse's options, and the records handed to `header` then `record` as they are read. */
function parserOptions(delimiter: CsvDelimiter, header: (cells: string[]) => void, record: (r: CsvRecord) => void): Options {
  let seenHeader = false;
  return {
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    on_record: (cells: string[], info: Info) => {
      if (cells.every((cell) => cell.trim() === "")) return null;
      // info.lines is the line where the record ends; embedded newlines tell where it began.
      let breaks = 0;
      for (const cell of cells) for (let i = cell.indexOf("\n"); i !== -1; i = cell.indexOf("\n", i + 1)) breaks++;
      if (!seenHeader) {
        seenHeader = true;
        header(cells.map((h) => h.trim()));
      } else record({ line: info.lines - breaks, cells });
      return null;
    },
  };
}

function checkedHeaders(headers: string[] | null): string[] {
  if (!headers) throw new CsvFormatError("The file is empty: it needs a header line and at least one row.", null);
  if (headers.length > HEADER_LIMIT)
    throw new CsvFormatError(`The header has ${headers.length} columns; at most ${HEADER_LIMIT} are supported.`, 1);
  return headers.map((name, i) => name || `Column ${i + 1}`);
}

export type CsvRecordReader = {
  headers: string[];
  /** The next `count` records (fewer at the end of the file; none once it is read). */
  next(count: number): CsvRecord[];
};

/**
 * The same parse as parseCsv, a slice at a time: the import job writes the first batch while the
 * rest of the file is still unread, instead of parsing all of it first. Throws CsvFormatError from
 * `next` when the file turns out broken further down. (A plain file is read at once by the fast
 * path, in a few tens of milliseconds, and handed out in slices.)
 */
export function csvRecordReader(text: string, delimiter: CsvDelimiter): CsvRecordReader {
  const fast = parseWellFormedCsv(text, delimiter);
  if (fast) {
    const headers = checkedHeaders(fast.headers);
    let at = 0;
    return { headers, next: (count) => fast.records.slice(at, (at = Math.min(fast.records.length, at + count))) };
  }
  let headers: string[] | null = null;
  const pending: CsvRecord[] = [];
  let offset = 0;
  let ended = false;
  const parser = parse(
    parserOptions(
      delimiter,
      (h) => (headers = h),
      (r) => pending.push(r),
    ),
  );
  parser.on("error", () => {}); // read synchronously from `errored` below
  // The parser works synchronously inside write() and end(): records arrive through on_record.
  const feed = () => {
    if (offset < text.length) {
      parser.write(text.slice(offset, offset + CHUNK));
      offset += CHUNK;
    } else {
      parser.end();
      ended = true;
    }
    if (parser.errored) throw formatError(parser.errored as CsvError);
  };
  while (headers === null && !ended) feed();
  return {
    headers: checkedHeaders(headers),
    next(count) {
      while (pending.length < count && !ended) feed();
      return pending.length <= count ? pending.splice(0) : pending.splice(0, count);
    },
  };
}

function formatError(err: CsvError & { lines?: number }): CsvFormatError {
  if (err.code === "CSV_QUOTE_NOT_CLOSED") {
    return new CsvFormatError(
      `A quoted cell is never closed (opened at or before line ${err.lines ?? "?"}). Check for a missing " in the file.`,
      err.lines ?? null,
    );
  }
  return new CsvFormatError(`The file could not be read as CSV: ${err.message ?? "unknown error"}`, err.lines ?? null);
}
