import { describe, expect, it } from "vitest";

import { formatMoney, minorToInput, parseMoneyToMinor } from "./money";

describe("parseMoneyToMinor", () => {
  it.each([
    ["12 500,50 €", 1_250_050],
    ["12,500.50", 1_250_050],
    ["€12500", 1_250_000],
    ["12.500,5", 1_250_050],
    ["1 234", 123_400],
    ["1\u00a0234,99 kr.", 123_499],
    ["₹1,25,000", 12_500_000], // Indian (lakh) grouping, as formatMoney writes it for en-IN
    ["12,34,56,789.50", 12_345_678_950],
    ["0,5", 50],
    ["1,234,567.89", 123_456_789],
    ["-40", -4_000],
  ])("reads %s", (input, expected) => {
    expect(parseMoneyToMinor(input)).toBe(expected);
  });

  it.each(["", "abc", "12,34,5", "1.2.3", "--5", "1,2,345", "1.25.000", "12abc34", "1e308", "1e5", "12€34", "€-€5", "99999999999999999"])(
    "refuses %j",
    (input) => {
      expect(parseMoneyToMinor(input)).toBeNull();
    },
  );

  it("reads a currency mark on either side and a trailing separator", () => {
    expect(parseMoneyToMinor("EUR 12 500")).toBe(1_250_000);
    expect(parseMoneyToMinor("kr. 1.234", "DKK")).toBe(123_400);
    expect(parseMoneyToMinor("-€40")).toBe(-4_000);
    expect(parseMoneyToMinor("1234,")).toBe(123_400);
  });

  it("reads back what formatMoney writes, in every demo locale", () => {
    for (const [currency, locale] of [
      ["INR", "en-IN"],
      ["EUR", "fr-FR"],
      ["DKK", "da-DK"],
    ] as const) {
      expect(parseMoneyToMinor(formatMoney(123_456_700, currency, locale), currency)).toBe(123_456_700);
    }
  });

  it("accepts numbers", () => {
    expect(parseMoneyToMinor(99.99)).toBe(9_999);
    expect(parseMoneyToMinor(Number.NaN)).toBeNull();
    expect(parseMoneyToMinor(12_500)).toBe(1_250_000);
  });

  it("refuses numbers beyond the safe range of minor units, or finer than a cent", () => {
    for (const n of [1e20, 1e308, Number.MAX_SAFE_INTEGER, 90_071_992_547_410, 12.345, 1e-7, Infinity]) {
      expect(parseMoneyToMinor(n), String(n)).toBeNull();
    }
    expect(parseMoneyToMinor(90_071_992_547_409)).toBe(9_007_199_254_740_900);
  });
});

describe("formatMoney", () => {
  it("formats in the org's locale and currency", () => {
    expect(formatMoney(1_250_050, "EUR", "fr-FR").replace(/\s/g, " ")).toBe("12 501 €");
    expect(formatMoney(1_250_000, "DKK", "da-DK").replace(/\s/g, " ")).toBe("12.500 kr.");
    expect(formatMoney(12_500_000, "INR", "en-IN")).toBe("₹1,25,000");
  });
  it("is exact to the minor unit on a deal's own page, whole units elsewhere, compact only when asked", () => {
    const nbsp = (s: string) => s.replace(/\s/g, " ");
    expect(nbsp(formatMoney(1_250_050, "DKK", "da-DK", { exact: true }))).toBe("12.500,50 kr.");
    expect(nbsp(formatMoney(1_250_000, "DKK", "da-DK", { exact: true }))).toBe("12.500 kr.");
    expect(nbsp(formatMoney(1_250_005, "EUR", "fr-FR", { exact: true }))).toBe("12 500,05 €");
    expect(nbsp(formatMoney(1_250_050, "DKK", "da-DK"))).toBe("12.501 kr.");
    expect(nbsp(formatMoney(123_456_789_00, "DKK", "da-DK", { compact: true }))).toBe("123,5 mio. kr.");
  });
  it("round-trips through the form field format", () => {
    expect(minorToInput(1_250_050, "EUR")).toBe("12500.5");
    expect(minorToInput(1_250_000, "EUR")).toBe("12500");
  });
});
