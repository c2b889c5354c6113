/**
 * Turning an uploaded file into text. Spreadsheets save CSV as UTF-8 (often with a byte-order
 * mark: Excel's "CSV UTF-8") or, on Windows, as Windows-1252. Valid UTF-8 is read as UTF-8;
 * anything else cannot be UTF-8 and is read as Windows-1252, which decodes every byte.
 */
export type CsvEncoding = "utf-8" | "utf-8-bom" | "windows-1252";

export const ENCODING_LABELS: Record<CsvEncoding, string> = {
  "utf-8": "UTF-8",
  "utf-8-bom": "UTF-8 (with BOM)",
  "windows-1252": "Windows-1252",
};

export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  let text: string;
  let encoding: CsvEncoding;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(body);
    encoding = hasBom ? "utf-8-bom" : "utf-8";
  } catch {
    text = fixC1(new TextDecoder("windows-1252").decode(body));
    encoding = "windows-1252";
  }
  // One line-ending convention from here on: the parser and the line numbers both rely on it.
  return { text: text.replace(/\r\n?/g, "\n"), encoding };
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
