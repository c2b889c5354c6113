import { describe, expect, it } from "vitest";

import { COMMA_DIALECT, csvCell, csvDialectFor, csvHeaderLine, csvLines, csvStream, csvText, minorToDecimal } from "./csv";
import { type ExportColumn, staticRows } from "./table";
import { moneyFormat, wallTimeToExcelDate } from "./xlsx";

const SEMI = csvDialectFor("da-DK");

describe("csvDialectFor", () => {
  it("uses ';' and decimal commas where the locale's decimal mark is a comma", () => {
    expect(csvDialectFor("da-DK")).toEqual({ delimiter: ";", decimal: "," });
    expect(csvDialectFor("fr-FR")).toEqual({ delimiter: ";", decimal: "," });
    expect(csvDialectFor("en-IN")).toEqual({ delimiter: ",", decimal: "." });
    expect(csvDialectFor("en-GB")).toEqual(COMMA_DIALECT);
  });

  it("can be overridden either way", () => {
    expect(csvDialectFor("da-DK", "comma")).toEqual(COMMA_DIALECT);
    expect(csvDialectFor("en-GB", "semicolon")).toEqual({ delimiter: ";", decimal: "," });
  });
});

describe("csvText", () => {
  it("quotes only what needs quoting (RFC 4180)", () => {
    expect(csvText("plain", COMMA_DIALECT)).toBe("plain");
    expect(csvText("a, b", COMMA_DIALECT)).toBe('"a, b"');
    expect(csvText("a, b", SEMI)).toBe("a, b");
    expect(csvText("a; b", SEMI)).toBe('"a; b"');
    expect(csvText('say "hi"', COMMA_DIALECT)).toBe('"say ""hi"""');
    expect(csvText("two\nlines", COMMA_DIALECT)).toBe('"two\nlines"');
    expect(csvText("cr\r", COMMA_DIALECT)).toBe('"cr\r"');
  });

  it("defuses text a spreadsheet would run as a formula", () => {
    expect(csvText("=1+1", COMMA_DIALECT)).toBe("'=1+1");
    expect(csvText("+45 12 34 56 78", COMMA_DIALECT)).toBe("'+45 12 34 56 78");
    expect(csvText("-5", COMMA_DIALECT)).toBe("'-5");
    expect(csvText("@SUM(A1)", COMMA_DIALECT)).toBe("'@SUM(A1)");
    expect(csvText('=HYPERLINK("x","y")', COMMA_DIALECT)).toBe('"\'=HYPERLINK(""x"",""y"")"');
    expect(csvText("a=b", COMMA_DIALECT)).toBe("a=b");
  });
});

describe("minorToDecimal", () => {
  it("writes minor units as an exact decimal", () => {
    expect(minorToDecimal(1_250_050, 2)).toBe("12500.50");
    expect(minorToDecimal(5, 2)).toBe("0.05");
    expect(minorToDecimal(0, 2)).toBe("0.00");
    expect(minorToDecimal(-150, 2, ",")).toBe("-1,50");
    expect(minorToDecimal(1234, 0)).toBe("1234");
    expect(minorToDecimal("900719925474099312", 2)).toBe("9007199254740993.12"); // beyond 2^53: exact
  });
});

type Row = { title: string; minor: string | null; currency: string; p: number | null; day: string | null; at: string | null; n: number };
const columns: ExportColumn<Row>[] = [
  { header: "Title", kind: "text", value: (r) => r.title },
  { header: "Value", kind: "money", value: (r) => r.minor, currency: (r) => r.currency },
  { header: "Probability", kind: "percent", value: (r) => r.p },
  { header: "Close", kind: "date", value: (r) => r.day },
  { header: "Due", kind: "datetime", value: (r) => r.at },
  { header: "Count", kind: "decimal", value: (r) => r.n },
];
const row: Row = { title: "Café; Ørsted", minor: "1234567", currency: "DKK", p: 0.3, day: "2026-11-21", at: "2026-11-21 14:30", n: 2.5 };

describe("CSV rows", () => {
  it("formats each kind of cell for the dialect", () => {
    expect(columns.map((c) => csvCell(c, row, SEMI))).toEqual([
      '"Café; Ørsted"',
      "12345,67",
      "30",
      "2026-11-21",
      "2026-11-21 14:30",
      "2,5",
    ]);
    expect(columns.map((c) => csvCell(c, row, COMMA_DIALECT))).toEqual([
      "Café; Ørsted",
      "12345.67",
      "30",
      "2026-11-21",
      "2026-11-21 14:30",
      "2.5",
    ]);
    const empty = { ...row, title: "", minor: null, p: null, day: null, at: null };
    expect(columns.slice(0, 5).map((c) => csvCell(c, empty, SEMI))).toEqual(["", "", "", "", ""]);
  });

  it("marks percentages in the header and ends lines with CRLF", () => {
    expect(csvHeaderLine(columns, SEMI)).toBe("Title;Value;Probability (%);Close;Due;Count\r\n");
    expect(csvLines(columns, [row, row], COMMA_DIALECT).split("\r\n")).toHaveLength(3);
  });

  it("streams a BOM, the header and the rows", async () => {
    const text = await new Response(csvStream({ sheet: "T", columns, open: staticRows([row]) }, COMMA_DIALECT)).arrayBuffer();
    const decoded = new TextDecoder("utf-8", { ignoreBOM: true }).decode(text);
    expect(decoded).toBe(
      "\uFEFFTitle,Value,Probability (%),Close,Due,Count\r\nCafé; Ørsted,12345.67,30,2026-11-21,2026-11-21 14:30,2.5\r\n",
    );
  });
});

describe("XLSX cell helpers", () => {
  it("shows the currency in the number format", () => {
    expect(moneyFormat("DKK")).toBe('#,##0.00 "DKK"');
    expect(moneyFormat("INR")).toBe('#,##0.00 "INR"');
  });

  it("keeps the wall-clock time Excel should display", () => {
    expect(wallTimeToExcelDate("2026-11-21 14:30").toISOString()).toBe("2026-11-21T14:30:00.000Z");
    expect(wallTimeToExcelDate("2026-11-21").toISOString()).toBe("2026-11-21T00:00:00.000Z");
  });
});
