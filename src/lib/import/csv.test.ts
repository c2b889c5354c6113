import { describe, expect, it } from "vitest";

import { CsvFormatError, csvRecordReader, parseCsv, parseCsvGeneral } from "./csv";
import { parseWellFormedCsv } from "./csv-fast";

describe("parseCsv", () => {
  it("numbers records by the file line they start on, across quoted newlines and skipped blank lines", () => {
    const text = 'client;notes\nA;"line one\nline two"\n\n\nB;x\n;;\n   \nC;"a ""quoted"" word"\n';
    expect(parseCsv(text, ";")).toEqual({
      headers: ["client", "notes"],
      records: [
        { line: 2, cells: ["A", "line one\nline two"] },
        { line: 6, cells: ["B", "x"] },
        { line: 9, cells: ["C", 'a "quoted" word'] },
      ],
    });
  });

  it("accepts short and long rows, stray quotes inside cells, and names blank headers", () => {
    const { headers, records } = parseCsv('a,,c\n1\n1,2,3,4\n24" screen,2,3\n', ",");
    expect(headers).toEqual(["a", "Column 2", "c"]);
    expect(records.map((r) => r.cells)).toEqual([["1"], ["1", "2", "3", "4"], ['24" screen', "2", "3"]]);
  });

  it("refuses an unclosed quote and an empty file with a clear reason", () => {
    expect(() => parseCsv('a,b\n"open,2\n3,4\n', ",")).toThrow(CsvFormatError);
    expect(() => parseCsv('a,b\n"open,2\n', ",")).toThrow(/quoted cell is never closed/);
    expect(() => parseCsv("\n\n", ",")).toThrow(/empty/);
  });
});

describe("csvRecordReader", () => {
  // Long enough to cross the parser's 64 KiB chunks, with quoted newlines and doubled quotes on the way.
  const rows = Array.from({ length: 3000 }, (_, i) => (i % 7 === 0 ? `Client ${i};"two\nlines ""${i}"""` : `Client ${i};plain ${i}`));
  const text = ["client;notes", ...rows, "", ";;", "Last;row"].join("\n");

  it("reads the same records as parseCsv, slice by slice", () => {
    const reader = csvRecordReader(text, ";");
    const slices = [];
    for (let slice = reader.next(1000); slice.length > 0; slice = reader.next(1000)) slices.push(slice);
    expect(slices.map((s) => s.length)).toEqual([1000, 1000, 1000, 1]);
    expect({ headers: reader.headers, records: slices.flat() }).toEqual(parseCsv(text, ";"));
  });

  it("refuses a file whose quote is never closed when the reading gets there", () => {
    const reader = csvRecordReader(`${text}\n"open;2\n`, ";");
    expect(reader.next(3000)).toHaveLength(3000);
    expect(() => reader.next(3000)).toThrow(/quoted cell is never closed/);
    expect(() => csvRecordReader("\n\n", ",")).toThrow(/empty/);
  });
});

describe("the fast path", () => {
  const general = (text: string, delimiter: ";" | ",") => {
    try {
      return parseCsvGeneral(text, delimiter);
    } catch (err) {
      return (err as Error).message;
    }
  };
  const fast = (text: string, delimiter: ";" | ",") => {
    const out = parseWellFormedCsv(text, delimiter);
    if (!out) return null;
    try {
      return parseCsv(text, delimiter);
    } catch (err) {
      return (err as Error).message;
    }
  };

  it("reads what csv-parse reads, or leaves the file to it, on thousands of random files", () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pieces = ["a", "bc", " ", ";", ",", '"', '""', "\n", "\n\n", "é", "\t", "x y", "  ", "1,5"];
    let taken = 0;
    for (let n = 0; n < 5000; n++) {
      const length = 1 + Math.floor(random() * 30);
      let text = "";
      for (let k = 0; k < length; k++) text += pieces[Math.floor(random() * pieces.length)];
      for (const delimiter of [";", ","] as const) {
        const got = fast(text, delimiter);
        if (got === null) continue;
        taken++;
        expect(got, JSON.stringify(text)).toEqual(general(text, delimiter));
      }
    }
    expect(taken).toBeGreaterThan(2000); // the fast path did read most of them
  });

  it("takes the usual spreadsheet file, and leaves stray or unclosed quotes to csv-parse", () => {
    expect(parseWellFormedCsv('client;notes\nA;"line one\nline two"\n\nB;"say ""hi"""\n', ";")).toEqual({
      headers: ["client", "notes"],
      records: [
        { line: 2, cells: ["A", "line one\nline two"] },
        { line: 5, cells: ["B", 'say "hi"'] },
      ],
    });
    expect(parseWellFormedCsv('a,b\n24" screen,2\n', ",")).toBeNull();
    expect(parseWellFormedCsv('a,b\n"x"y,2\n', ",")).toBeNull();
    expect(parseWellFormedCsv('a,b\n"open,2\n', ",")).toBeNull();
  });
});
