import type { CsvRecord } from "./csv";
import type { CsvDelimiter } from "./decode";

const QUOTE = 34; // "
const NEWLINE = 10; // \n

/**
 * The plain-CSV fast path of parseCsv: cells separated by the delimiter, records by "\n" (decoded
 * text), quoted cells with "" for a quote and newlines inside. Blank lines and records whose cells
 * are all blank are skipped; the first record left is the header. About ten times faster than
 * csv-parse on the files spreadsheets write (a 100 000-row file: ~0.4 s → ~0.05 s).
 *
 * Returns null as soon as the text has anything csv-parse reads in its own way — a quote inside an
 * unquoted cell, text after a closing quote, a quote never closed — and the caller parses the
 * whole text with csv-parse instead; whatever it returns equals csv-parse's reading (csv.test.ts
 * compares the two on random files).
 */
export function parseWellFormedCsv(text: string, delimiter: CsvDelimiter): { headers: string[] | null; records: CsvRecord[] } | null {
  const sep = delimiter.charCodeAt(0);
  const records: CsvRecord[] = [];
  let headers: string[] | null = null;
  const n = text.length;
  let i = 0;
  let line = 1;
  while (i < n) {
    if (text.charCodeAt(i) === NEWLINE) {
      // An empty line: skipped (csv-parse's skip_empty_lines).
      i++;
      line++;
      continue;
    }
    const startLine = line;
    const cells: string[] = [];
    let blank = true;
    for (;;) {
      let cell: string;
      if (text.charCodeAt(i) === QUOTE) {
        let out = "";
        let from = i + 1;
        for (;;) {
          const q = text.indexOf('"', from);
          if (q === -1) return null; // never closed
          for (let k = text.indexOf("\n", from); k !== -1 && k < q; k = text.indexOf("\n", k + 1)) line++;
          if (text.charCodeAt(q + 1) === QUOTE) {
            out += text.slice(from, q + 1);
            from = q + 2;
            continue;
          }
          out += text.slice(from, q);
          i = q + 1;
          break;
        }
        cell = out;
        const next = i < n ? text.charCodeAt(i) : NEWLINE;
        if (next !== sep && next !== NEWLINE) return null; // text after a closing quote
      } else {
        let j = i;
        while (j < n) {
          const c = text.charCodeAt(j);
          if (c === sep || c === NEWLINE) break;
          if (c === QUOTE) return null; // a quote inside an unquoted cell
          j++;
        }
        cell = text.slice(i, j);
        i = j;
      }
      cells.push(cell);
      if (blank && cell.trim() !== "") blank = false;
      if (i < n && text.charCodeAt(i) === sep) {
        i++;
        continue;
      }
      break; // at "\n" or the end
    }
    if (i < n) {
      i++; // the "\n" ending the record
      line++;
    }
    if (blank) continue;
    if (headers === null) headers = cells.map((h) => h.trim());
    else records.push({ line: startLine, cells });
  }
  return { headers, records };
}
