import { describe, expect, it } from "vitest";

import { formatDifference, formatLeverPct, formatRate, formatSignedMoney, formatSignedRatio } from "./format";

// Intl separates numbers from units with (narrow) no-break spaces; compare with plain spaces.
const plain = (s: string | null) => s?.replace(/[\u00a0\u202f]/g, " ") ?? null;

describe("what-if formatting", () => {
  it("signs money with + and a real minus, in the org's locale", () => {
    expect(plain(formatSignedMoney(12_000_000, "DKK", "da-DK"))).toBe("+120.000 kr.");
    expect(plain(formatSignedMoney(-450_000, "EUR", "en-IE"))).toBe("−€4,500");
    expect(plain(formatSignedMoney(0, "EUR", "fr-FR"))).toBe("0 €");
  });

  it("signs ratios, and has nothing to say without one", () => {
    expect(plain(formatSignedRatio(0.08, "en-GB"))).toBe("+8%");
    expect(plain(formatSignedRatio(-0.125, "da-DK"))).toBe("−12,5 %");
    expect(formatSignedRatio(null, "en-GB")).toBeNull();
    expect(formatSignedRatio(Number.NaN, "en-GB")).toBeNull();
  });

  it("describes a lever", () => {
    expect(plain(formatLeverPct(20, "en-GB"))).toBe("+20%");
    expect(plain(formatLeverPct(-50, "fr-FR"))).toBe("−50 %");
    expect(formatLeverPct(0, "en-GB")).toBe("no change");
  });

  it("writes a horizon's difference with its share of the baseline", () => {
    expect(plain(formatDifference(12_000_000, 0.08, "DKK", "da-DK"))).toBe("+120.000 kr. (+8 %)");
    expect(plain(formatDifference(500_000, null, "INR", "en-IN"))).toBe("+₹5,000");
    expect(formatDifference(0, 0, "DKK", "da-DK")).toBe("no change");
  });

  it("rounds small rates to one decimal", () => {
    expect(formatRate(9.1666, "en-GB")).toBe("9.2");
    expect(formatRate(12, "da-DK")).toBe("12");
  });
});
