import { describe, expect, it } from "vitest";

import { decodeCsvBytes, detectDelimiter } from "./decode";

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
