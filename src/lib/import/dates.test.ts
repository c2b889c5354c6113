import { describe, expect, it } from "vitest";

import { inferDateOrder, localeDateOrder, parseImportDate } from "./dates";
import { columnDateOrder } from "./rows";

const read = (raw: string, locale = "fr-FR") => {
  const r = parseImportDate(raw, locale);
  return r.ok ? `${r.iso} ${r.reading}` : r.message;
};

describe("parseImportDate", () => {
  it("knows which locales write the day first", () => {
    expect(localeDateOrder("da-DK")).toBe("day-first");
    expect(localeDateOrder("fr-FR")).toBe("day-first");
    expect(localeDateOrder("en-GB")).toBe("day-first");
    expect(localeDateOrder("en-IN")).toBe("day-first");
    expect(localeDateOrder("en-US")).toBe("month-first");
  });

  it("reads ISO dates, with or without a time", () => {
    expect(read("2026-12-31")).toBe("2026-12-31 iso");
    expect(read("2026/1/5")).toBe("2026-01-05 iso");
    expect(read("2026-12-31 00:00:00")).toBe("2026-12-31 iso");
    expect(read("2026-12-31T09:30:00Z")).toBe("2026-12-31 iso");
  });

  it("lets the org's locale decide ambiguous dates, but not unambiguous ones", () => {
    expect(read("05/11/2026", "fr-FR")).toBe("2026-11-05 day-first");
    expect(read("05/11/2026", "en-US")).toBe("2026-05-11 month-first");
    expect(read("05.11.2026", "da-DK")).toBe("2026-11-05 day-first");
    expect(read("31/12/2026", "en-US")).toBe("2026-12-31 day-first");
    expect(read("12/31/2026", "fr-FR")).toBe("2026-12-31 month-first");
    expect(read("31-12-26", "da-DK")).toBe("2026-12-31 day-first");
    expect(read("1/2/2027 14:00", "en-GB")).toBe("2027-02-01 day-first");
  });

  it("reads month names in French and English", () => {
    expect(read("31 déc. 2026")).toBe("2026-12-31 month-name");
    expect(read("5 Novembre 2026")).toBe("2026-11-05 month-name");
    expect(read("Dec 31, 2026", "en-US")).toBe("2026-12-31 month-name");
    expect(read("1er janvier 2027")).toBe("2027-01-01 month-name");
  });

  it("refuses dates that do not exist and text that is not a date", () => {
    expect(read("31/02/2026")).toBe("That date does not exist");
    expect(read("29/02/2027")).toBe("That date does not exist");
    expect(read("2026-13-01")).toBe("That date does not exist");
    expect(read("demain")).toBe("Not a date (use e.g. 31/12/2026 or 2026-12-31)");
    expect(read("")).toBe("Date is empty");
  });
});

describe("one date order per column", () => {
  it("infers the order from any value that proves it, and flags a column that proves both", () => {
    expect(inferDateOrder(["01-03-17", "02-04-17", "20-10-16"])).toEqual({
      order: "day-first",
      dayFirstExample: "20-10-16",
      monthFirstExample: null,
      conflict: false,
    });
    expect(inferDateOrder(["01/03/2017", "12/31/2016 10:30"]).order).toBe("month-first");
    expect(inferDateOrder(["01/03/2017", "2026-12-31", "", "demain"]).order).toBeNull();
    expect(inferDateOrder(["20-10-16", "10-20-16"])).toEqual({
      order: null,
      dayFirstExample: "20-10-16",
      monthFirstExample: "10-20-16",
      conflict: true,
    });
  });

  it("reads every row of the column with its order, so an ambiguous row is not read the other way", () => {
    const dayFirst = (raw: string) => {
      const r = parseImportDate(raw, "en-US", "day-first");
      return r.ok ? `${r.iso} ${r.reading}` : r.message;
    };
    expect(dayFirst("01-03-17")).toBe("2017-03-01 day-first");
    expect(dayFirst("20-10-16")).toBe("2016-10-20 day-first");
    expect(dayFirst("10-20-16")).toBe("Not a day-first date like the rest of the column");
    expect(dayFirst("31-02-16")).toBe("That date does not exist");
    // ISO and month names are not numeric orders: unchanged.
    expect(dayFirst("2026-03-01")).toBe("2026-03-01 iso");
  });

  it("reads two-digit years 00–69 as 20xx and 70–99 as 19xx", () => {
    expect(read("31-12-69")).toBe("2069-12-31 day-first");
    expect(read("01-01-70")).toBe("1970-01-01 day-first");
    expect(read("15/06/99")).toBe("1999-06-15 day-first");
    expect(read("15/06/00")).toBe("2000-06-15 day-first");
  });

  it("takes the user's choice over the column, the column over the locale, and the locale for a contradicting column", () => {
    const mapping = ["contact", "expectedCloseDate"] as const;
    const rows = (...dates: string[]) => dates.map((d) => ({ cells: ["Acme", d] }));
    expect(columnDateOrder([...mapping], rows("01-03-17", "20-10-16"), "en-US").order).toBe("day-first");
    expect(columnDateOrder([...mapping], rows("01-03-17", "20-10-16"), "en-US", "month-first").order).toBe("month-first");
    expect(columnDateOrder([...mapping], rows("01-03-17"), "en-US").order).toBe("month-first");
    const mixed = columnDateOrder([...mapping], rows("20-10-16", "10-20-16"), "fr-FR");
    expect([mixed.order, mixed.inference.conflict]).toEqual(["day-first", true]);
    expect(columnDateOrder(["contact", null], rows("20-10-16"), "en-US").inference.order).toBeNull();
  });
});
