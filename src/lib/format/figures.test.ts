import { describe, expect, it } from "vitest";

import { compareValues } from "@/lib/kpi/change";

import { countOf, formatAmount, formatChange, formatCount, formatDay, formatDays, formatPercent } from "./figures";

describe("figure formatting", () => {
  it("formats money in the org's locale and currency, '—' when unknown", () => {
    expect(formatAmount(1_234_500, "DKK", "da-DK")).toMatch(/12\.345\s?kr\./);
    expect(formatAmount(1_234_500, "EUR", "fr-FR")).toMatch(/12\s345\s€/);
    expect(formatAmount(1_234_567_00, "INR", "en-IN")).toBe("₹12,34,567"); // lakh grouping
    expect(formatAmount(null, "DKK", "da-DK")).toBe("—");
  });

  it("groups counts in the locale's style", () => {
    const nbsp = (s: string) => s.replace(/\s/g, " ");
    expect(nbsp(formatCount(25_261, "fr-FR"))).toBe("25 261");
    expect(formatCount(25_261, "da-DK")).toBe("25.261");
    expect(formatCount(2_526_100, "en-IN")).toBe("25,26,100");
    expect(nbsp(countOf(25_261, "deal", "deals", "fr-FR"))).toBe("25 261 deals");
    expect(countOf(1, "deal", "deals", "da-DK")).toBe("1 deal");
  });

  it("formats ratios, days and day labels", () => {
    expect(formatPercent(0.256, "en-GB")).toBe("25.6%");
    expect(formatPercent(null, "en-GB")).toBe("—");
    expect(formatDays(1, "en-GB")).toBe("1 day");
    expect(formatDays(12.4, "en-GB")).toBe("12 days");
    expect(formatDays(2.25, "en-GB")).toBe("2.3 days");
    expect(formatDay("2026-11-02", "en-GB")).toBe("2 Nov");
  });

  it("describes changes: relative for amounts, points for ratios, absolute from zero", () => {
    expect(formatChange(compareValues(150, 100), { kind: "count" }, "en-GB")).toBe("+50%");
    expect(formatChange(compareValues(0.3, 0.25), { kind: "ratio" }, "en-GB")).toBe("+5 pp");
    expect(formatChange(compareValues(8, 10), { kind: "days" }, "en-GB")).toBe("−2 days");
    expect(formatChange(compareValues(50_000, 0), { kind: "money", currency: "EUR" }, "en-GB")).toBe("+€500");
    expect(formatChange(compareValues(3, 3), { kind: "count" }, "en-GB")).toBe("no change");
    expect(formatChange(compareValues(null, 3), { kind: "count" }, "en-GB")).toBeNull();
  });
});
