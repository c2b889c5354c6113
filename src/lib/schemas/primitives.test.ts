import { describe, expect, it } from "vitest";
import { z } from "zod";

import { calendarDate, instant, isCalendarDate, isSafeText, moneyAmount, parseDecimalText, safeText } from "./primitives";

describe("calendarDate", () => {
  it.each(["2026-02-28", "2028-02-29", "1900-01-01", "2999-12-31", " 2026-12-31 "])("accepts %j", (s) => {
    expect(calendarDate.parse(s)).toBe(s.trim());
  });
  it.each([
    "2026-02-30",
    "2027-02-29",
    "2026-13-01",
    "2026-00-10",
    "2026-04-31",
    "0000-01-01",
    "1899-12-31",
    "3000-01-01",
    "2026-1-1",
    "275760-01-01",
  ])("refuses %j", (s) => {
    expect(calendarDate.safeParse(s).success).toBe(false);
    expect(isCalendarDate(s.trim())).toBe(false);
  });
});

describe("instant", () => {
  const due = instant("Choose when it is due");
  it("reads ISO instants and Dates", () => {
    expect(due.parse("2026-12-31T09:00:00.000Z").toISOString()).toBe("2026-12-31T09:00:00.000Z");
    expect(due.parse("2026-12-31T10:00+01:00").toISOString()).toBe("2026-12-31T09:00:00.000Z");
    expect(due.parse(new Date("2026-12-31T09:00:00Z")).toISOString()).toBe("2026-12-31T09:00:00.000Z");
  });
  it.each([
    "",
    "tomorrow",
    "2026-02-30T09:00:00Z",
    "2026-12-31",
    "+275760-09-13T00:00:00Z",
    "0000-01-01T00:00:00Z",
    "2026-12-31T24:00:00Z",
  ])("refuses %j", (s) => {
    expect(due.safeParse(s).success).toBe(false);
  });
  it("refuses invalid and far-away Dates and other types", () => {
    for (const v of [new Date(Number.NaN), new Date(8.64e15), new Date(-1e14), 1_700_000_000_000, null, {}]) {
      expect(due.safeParse(v).success).toBe(false);
    }
  });
});

describe("safeText", () => {
  const title = z.object({ title: safeText({ min: [1, "Give a title"], max: [5, "Too long"] }) });
  it("keeps trim, min and max", () => {
    expect(title.parse({ title: "  ab " })).toEqual({ title: "ab" });
    expect(title.safeParse({ title: "   " }).error?.issues[0]?.message).toBe("Give a title");
    expect(title.safeParse({ title: "abcdef" }).error?.issues[0]?.message).toBe("Too long");
  });
  it.each(["a\u0000b", "\uD800", "x\uDC00", "\uDBFF!"])("refuses NUL and lone surrogates: %j", (s) => {
    const r = title.safeParse({ title: s });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(["title"]);
    expect(isSafeText(s)).toBe(false);
  });
  it("accepts paired surrogates (emoji)", () => {
    expect(title.parse({ title: "😀" })).toEqual({ title: "😀" });
  });
  it("keeps passwords as typed when told", () => {
    expect(safeText({ trim: false, max: [10, "x"] }).parse(" pw ")).toBe(" pw ");
  });
});

describe("amounts", () => {
  it("moneyAmount reads people's formats into minor units and refuses odd ones", () => {
    const amount = moneyAmount();
    expect(amount.parse("12 500,50 €")).toBe(1_250_050);
    expect(amount.parse(12_500)).toBe(1_250_000);
    for (const v of ["12abc34", "1e308", 1e20, 12.345, -5, "", true]) expect(amount.safeParse(v).success, String(v)).toBe(false);
  });
  it("parseDecimalText reads plain decimals only", () => {
    expect(parseDecimalText(" 25,5 ")).toBe(25.5);
    expect(parseDecimalText("-3.75")).toBe(-3.75);
    for (const s of ["", "1e1", "0x1F", "12abc", "Infinity"]) expect(parseDecimalText(s)).toBeNaN();
  });
});
