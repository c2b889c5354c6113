import { describe, expect, it } from "vitest";

import { localeDateOrder, parseImportDate } from "./dates";

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
