import { describe, expect, it } from "vitest";

import { decodeCsvBytes, detectDelimiter, NotTextError } from "./decode";

const utf8 = (s: string) => new TextEncoder().encode(s);
/** Windows-1252 bytes for the characters these tests use (what Excel on Windows writes). */
function cp1252(s: string): Uint8Array {
  const high: Record<string, number> = { "€": 0x80, "’": 0x92, "“": 0x93, "”": 0x94, "–": 0x96, œ: 0x9c };
  return new Uint8Array([...s].map((ch) => high[ch] ?? ch.charCodeAt(0)));
}

describe("decodeCsvBytes", () => {
  it("reads UTF-8 and strips a byte-order mark", () => {
    expect(decodeCsvBytes(utf8("client;montant\nÉcole;1 000 €\n"))).toEqual({ text: "client;montant\nÉcole;1 000 €\n", encoding: "utf-8" });
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("client\nCafé\n")]);
    expect(decodeCsvBytes(bom)).toEqual({ text: "client\nCafé\n", encoding: "utf-8-bom" });
  });

  it("falls back to Windows-1252 when the bytes are not UTF-8, including € ’ “ ” – œ", () => {
    const out = decodeCsvBytes(cp1252("Société;€12 500;l’été “chaud” – cœur\r\n"));
    expect(out).toEqual({ text: "Société;€12 500;l’été “chaud” – cœur\n", encoding: "windows-1252" });
  });

  it("normalises CRLF and lone CR line endings to LF", () => {
    expect(decodeCsvBytes(utf8("a,b\r\n1,2\r3,4\n")).text).toBe("a,b\n1,2\n3,4\n");
  });
});

describe("detectDelimiter", () => {
  it("picks the separator of the header line, ignoring quoted ones", () => {
    expect(detectDelimiter("client;statut;montant_brut\nA;B;1,5\n")).toBe(";");
    expect(detectDelimiter("Client,Status,Amount\n")).toBe(",");
    expect(detectDelimiter('"Nom; prénom",Ville,Montant\n')).toBe(",");
    expect(detectDelimiter("a\tb\tc\n")).toBe("\t");
    expect(detectDelimiter("\n\nclient;montant\n")).toBe(";");
    expect(detectDelimiter("client\nA\n")).toBe(",");
  });
});

describe("decodeCsvBytes refuses what is not text", () => {
  const utf16 = (s: string, bom: "le" | "be" | null) => {
    const out: number[] = bom === "le" ? [0xff, 0xfe] : bom === "be" ? [0xfe, 0xff] : [];
    for (const ch of s) {
      const c = ch.charCodeAt(0);
      out.push(...(bom === "be" ? [c >> 8, c & 0xff] : [c & 0xff, c >> 8]));
    }
    return new Uint8Array(out);
  };

  it("reads UTF-16 with a byte-order mark, either byte order", () => {
    expect(decodeCsvBytes(utf16("client;montant\r\nÉcole;1 000 €\r\n", "le"))).toEqual({
      text: "client;montant\nÉcole;1 000 €\n",
      encoding: "utf-16le",
    });
    expect(decodeCsvBytes(utf16("a,b\n1,2\n", "be"))).toEqual({ text: "a,b\n1,2\n", encoding: "utf-16be" });
  });

  it("refuses UTF-16 without a byte-order mark", () => {
    expect(() => decodeCsvBytes(utf16("title,value\nAcme,100\n", null))).toThrow(/UTF-16 text without a byte-order mark/);
  });

  it.each([
    ["a PNG", [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], /PNG image/],
    ["a workbook", [0x50, 0x4b, 0x03, 0x04, 20, 0, 6, 0], /Excel workbook/],
    ["binary with NULs", [0x41, 0x2c, 0x42, 0x0a, 0x00, 0x01, 0x02, 0xfe, 0x31], /not text/],
    ["binary without NULs", [...Array(200).keys()].map((i) => (i * 37) % 255 || 1), /not text/],
  ])("refuses %s", (_what, bytes, message) => {
    expect(() => decodeCsvBytes(new Uint8Array(bytes))).toThrow(NotTextError);
    expect(() => decodeCsvBytes(new Uint8Array(bytes))).toThrow(message);
  });

  it("keeps text with a stray control character", () => {
    expect(decodeCsvBytes(utf8(`a,b\n${"x,1\n".repeat(50)}\u001a`)).encoding).toBe("utf-8");
  });
});
