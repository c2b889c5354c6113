import { describe, expect, it } from "vitest";

import {
  actionExportFiltersToQuery,
  exportFileName,
  monthRange,
  parseActionExportFilters,
  parseCsvDelimiter,
  parseExportFormat,
  parseReportMonth,
  recentMonths,
} from "./export-params";

const A = "0b6f2a59-3f6e-4e0c-9d55-0c1a7f4d2b11";
const q = (s: string) => new URLSearchParams(s);

describe("export parameters", () => {
  it("read the format and the CSV delimiter, falling back on anything else", () => {
    expect(parseExportFormat(q("format=xlsx"))).toBe("xlsx");
    expect(parseExportFormat(q("format=pdf"))).toBe("csv");
    expect(parseExportFormat(q(""))).toBe("csv");
    expect(parseCsvDelimiter(q("delimiter=comma"))).toBe("comma");
    expect(parseCsvDelimiter(q("delimiter=tab"))).toBeNull();
  });

  it("read the actions export filters leniently and write them back", () => {
    expect(parseActionExportFilters(q(`status=pending&from=2026-11-30&to=2026-11-01&owner=${A}`))).toEqual({
      status: "pending",
      from: "2026-11-01",
      to: "2026-11-30",
      ownerId: A,
    });
    expect(parseActionExportFilters(q("status=nope&from=2026-02-31&owner=me"))).toEqual({
      status: "all",
      from: null,
      to: null,
      ownerId: null,
    });
    expect(parseActionExportFilters(q("from=&to=&owner="))).toEqual({ status: "all", from: null, to: null, ownerId: null });
    const f = parseActionExportFilters(q(`status=completed&from=2026-10-01&owner=${A}`));
    expect(parseActionExportFilters(q(actionExportFiltersToQuery(f)))).toEqual(f);
  });

  it("take the report month as YYYY-MM, else the current month", () => {
    expect(parseReportMonth("2026-02", "2026-11-21")).toBe("2026-02");
    for (const bad of [null, "2026-13", "2026-2", "banana", "1999-12"]) expect(parseReportMonth(bad, "2026-11-21")).toBe("2026-11");
  });

  it("know each month's days, leap years included", () => {
    expect(monthRange("2026-11")).toEqual({ from: "2026-11-01", to: "2026-11-30", days: 30 });
    expect(monthRange("2028-02")).toEqual({ from: "2028-02-01", to: "2028-02-29", days: 29 });
    expect(monthRange("2026-12")).toEqual({ from: "2026-12-01", to: "2026-12-31", days: 31 });
  });

  it("offer this month first, then the ones before, across a year end", () => {
    expect(recentMonths("2026-02-10", 4)).toEqual(["2026-02", "2026-01", "2025-12", "2025-11"]);
    expect(recentMonths("2026-11-21")).toHaveLength(24);
  });

  it("name files after the org, the content and the day", () => {
    expect(exportFileName("rendetalje", "deals", "2026-11-21", "xlsx")).toBe("rendetalje-deals-2026-11-21.xlsx");
  });
});
