import { describe, expect, it } from "vitest";
import { CsvFormatError, parseCsv } from "./csv";

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
