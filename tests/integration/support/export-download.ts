import { inflateSync } from "node:zlib";

import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";

import { runAs } from "../../../src/server/actor";

type Handler<P> = (request: Request, route: { params: Promise<P> }) => Promise<Response>;

/**
 * Calls an export route handler exactly as Next would for a signed-in user (runAs stands in for the
 * session cookie). The body is read outside runAs, as the client reads it after the handler returned.
 */
export function download<P extends { org: string }>(
  handler: Handler<P>,
  userId: string | null,
  path: string,
  params: P,
): Promise<Response> {
  const call = () => handler(new Request(`http://momentum.test${path}`), { params: Promise.resolve(params) });
  return userId ? runAs({ userId }, call) : call();
}

/** The CSV's bytes as records (the BOM checked and stripped), header row first. */
export async function csvRecords(response: Response, delimiter = ";"): Promise<string[][]> {
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (!(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)) throw new Error("CSV has no UTF-8 byte-order mark");
  const text = new TextDecoder().decode(bytes.subarray(3));
  return parse(text, { delimiter, relax_column_count: false }) as string[][];
}

export async function xlsxWorkbook(response: Response): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ArrayBuffer);
  return workbook;
}

/**
 * The visible text of a PDF written by pdfkit with an embedded TrueType font: inflate the streams,
 * read the font's ToUnicode map, and decode each `[<glyph ids> …] TJ`. Enough to assert on what a
 * reader sees (the glyphs themselves are subset ids, so the raw bytes never contain the words).
 */
export function pdfText(pdf: Buffer): string {
  const streams: string[] = [];
  // "\nstream\n" opens a stream ("endstream" is preceded by "end", not by a line break).
  for (let i = pdf.indexOf("\nstream\n"); i !== -1; i = pdf.indexOf("\nstream\n", i)) {
    const end = pdf.indexOf("\nendstream", i);
    if (end === -1) break;
    const raw = pdf.subarray(i + 8, end);
    try {
      streams.push(inflateSync(raw).toString("latin1"));
    } catch {
      streams.push(raw.toString("latin1"));
    }
    i = end;
  }
  const glyphs = new Map<number, string>();
  for (const s of streams) {
    for (const m of s.matchAll(/<([0-9a-f]{4})> <[0-9a-f]{4}> \[([^\]]*)\]/gi)) {
      const start = parseInt(m[1]!, 16);
      [...m[2]!.matchAll(/<([0-9a-f ]+)>/gi)].forEach((e, k) => {
        glyphs.set(
          start + k,
          String.fromCharCode(
            ...e[1]!
              .trim()
              .split(" ")
              .map((h) => parseInt(h, 16)),
          ),
        );
      });
    }
  }
  const lines: string[] = [];
  for (const s of streams) {
    // [^\]]* rather than a pattern of the array's parts: nested quantifiers backtrack without end on binary streams.
    for (const m of s.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
      let line = "";
      for (const h of m[1]!.matchAll(/<([0-9a-f]*)>/gi)) {
        for (let k = 0; k < h[1]!.length; k += 4) line += glyphs.get(parseInt(h[1]!.slice(k, k + 4), 16)) ?? "?";
      }
      lines.push(line);
    }
  }
  return lines.join("\n");
}
