/**
 * Turning an uploaded file into text. Spreadsheets save CSV as UTF-8 (often with a byte-order
 * mark: Excel's "CSV UTF-8"), on Windows as Windows-1252, or as "Unicode text" (UTF-16 with a
 * byte-order mark). Valid UTF-8 is read as UTF-8; anything else cannot be UTF-8 and is read as
 * Windows-1252, which decodes every byte. What is not text at all (an image, a workbook, UTF-16
 * without a mark, other binary) is refused with NotTextError before any row is read: decoded as
 * Windows-1252 it would become rows of garbage, and its NUL bytes cannot be stored in PostgreSQL.
 */
export type CsvEncoding = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | "windows-1252";

export const ENCODING_LABELS: Record<CsvEncoding, string> = {
  "utf-8": "UTF-8",
  "utf-8-bom": "UTF-8 (with BOM)",
  "utf-16le": "UTF-16 LE",
  "utf-16be": "UTF-16 BE",
  "windows-1252": "Windows-1252",
};

/** The upload is not a text file; the message says what it is and what to do. */
export class NotTextError extends Error {}

const SAVE_AS = 'Save it from your spreadsheet as "CSV UTF-8" and upload that.';

/** File signatures people upload by mistake instead of the CSV. */
const SIGNATURES: [number[], string][] = [
  [[0x89, 0x50, 0x4e, 0x47], "a PNG image"],
  [[0xff, 0xd8, 0xff], "a JPEG image"],
  [[0x47, 0x49, 0x46, 0x38], "a GIF image"],
  [[0x25, 0x50, 0x44, 0x46], "a PDF document"],
  [[0x50, 0x4b, 0x03, 0x04], "an Excel workbook or a ZIP archive"],
  [[0xd0, 0xcf, 0x11, 0xe0], "an old Excel (.xls) workbook"],
];

const startsWith = (bytes: Uint8Array, prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  for (const [signature, what] of SIGNATURES) {
    if (startsWith(bytes, signature)) throw new NotTextError(`That file is ${what}, not a CSV file. ${SAVE_AS}`);
  }
  const { text, encoding } = decodeText(bytes);
  if (text.includes("\0")) {
    throw new NotTextError(
      looksLikeUtf16(bytes)
        ? `That file is UTF-16 text without a byte-order mark, which cannot be read reliably. ${SAVE_AS}`
        : `That file is not text (it contains binary data). ${SAVE_AS}`,
    );
  }
  if (controlShare(text) > 0.01) throw new NotTextError(`That file is not text (it contains binary data). ${SAVE_AS}`);
  // One line-ending convention from here on: the parser and the line numbers both rely on it.
  return { text: text.replace(/\r\n?/g, "\n"), encoding };
}

function decodeText(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    try {
      return { text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes.subarray(3)), encoding: "utf-8-bom" };
    } catch {
      return { text: fixC1(new TextDecoder("windows-1252").decode(bytes.subarray(3))), encoding: "windows-1252" };
    }
  }
  const utf16 = startsWith(bytes, [0xff, 0xfe]) ? "utf-16le" : startsWith(bytes, [0xfe, 0xff]) ? "utf-16be" : null;
  if (utf16) {
    try {
      return { text: new TextDecoder(utf16, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(2)), encoding: utf16 };
    } catch {
      throw new NotTextError(`That file starts like UTF-16 text but is not. ${SAVE_AS}`);
    }
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: fixC1(new TextDecoder("windows-1252").decode(bytes)), encoding: "windows-1252" };
  }
}

/** UTF-16 of Latin text has a NUL in every other byte: at odd offsets (LE) or even ones (BE). */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) {
    if (bytes[i] !== 0) continue;
    if (i % 2) odd++;
    else even++;
  }
  return Math.max(even, odd) > n / 4 && Math.min(even, odd) < n / 50;
}

/** The share of control characters (other than tab, line breaks and form feed) in the first 64 K characters. */
function controlShare(text: string): number {
  const sample = text.slice(0, 65_536);
  if (!sample) return 0;
  return (sample.match(/[\u0001-\u0008\u000b\u000e-\u001f\u007f]/g)?.length ?? 0) / sample.length;
}

/** Windows-1252's printable characters at 0x80–0x9F (€ ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ). */
const CP1252_HIGH =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f" +
  "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

/**
 * Node's TextDecoder (v20) decodes "windows-1252" as Latin-1, turning €, ’, œ, “ ” and – into
 * invisible C1 control characters; browsers follow the WHATWG table. Mapping U+0080–U+009F back
 * through the Windows-1252 table gives the same text on both.
 */
function fixC1(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (ch) => CP1252_HIGH[ch.charCodeAt(0) - 0x80]!);
}

export const DELIMITERS = [",", ";", "\t"] as const;
export type CsvDelimiter = (typeof DELIMITERS)[number];

export const DELIMITER_LABELS: Record<CsvDelimiter, string> = { ",": "comma", ";": "semicolon", "\t": "tab" };

/**
 * The separator is whichever of , ; or tab occurs most often outside quotes in the header line
 * (French Excel writes ";" because "," is its decimal comma). Ties and headerless single-column
 * files fall back to ",".
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts: Record<CsvDelimiter, number> = { ",": 0, ";": 0, "\t": 0 };
  let inQuotes = false;
  let started = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') inQuotes = !inQuotes;
    else if (ch === "\n" && !inQuotes) {
      if (started) break; // end of the first non-blank line
      continue;
    } else if (!inQuotes && (ch === "," || ch === ";" || ch === "\t")) counts[ch] += 1;
    if (ch.trim()) started = true;
  }
  let best: CsvDelimiter = ",";
  for (const d of DELIMITERS) if (counts[d] > counts[best]) best = d;
  return best;
}
