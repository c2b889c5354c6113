import { describe, expect, it } from "vitest";

import { barPercents, describeChange, formatFieldValue, formatStay } from "./timeline-format";

const dk = { locale: "da-DK", timeZone: "Europe/Copenhagen", currency: "DKK" };
const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

describe("formatFieldValue", () => {
  it("formats money in the org's currency and locale", () => {
    expect(nbsp(formatFieldValue("valueMinor", 1_250_000, dk))).toBe("12.500 kr.");
  });
  it("formats percentages, dates and empty values", () => {
    expect(formatFieldValue("probability", 45, dk)).toBe("45 %");
    expect(formatFieldValue("expectedCloseDate", "2026-12-31", { ...dk, locale: "en-GB" })).toBe("31 Dec 2026");
    expect(formatFieldValue("sector", null, dk)).toBe("none");
    expect(formatFieldValue("source", "", dk)).toBe("none");
    expect(formatFieldValue("title", "Canteen", dk)).toBe("Canteen");
  });
});

describe("describeChange", () => {
  it("labels the field and both values", () => {
    expect(describeChange({ field: "contactName", before: "A/S", after: "ApS" }, dk)).toEqual({
      label: "contact",
      before: "A/S",
      after: "ApS",
    });
  });
});

describe("formatStay", () => {
  it.each([
    [0, "under a minute"],
    [59, "under a minute"],
    [60, "1 min"],
    [3600, "1 h"],
    [3600 + 600, "1 h 10 min"],
    [86_400, "1 day"],
    [86_400 + 7200, "1 day 2 h"],
    [3 * 86_400, "3 days"],
    [12 * 86_400 + 7200, "12 days"],
    [-5, "under a minute"],
  ])("%s s → %s", (s, text) => expect(formatStay(s)).toBe(text));
});

describe("barPercents", () => {
  it("scales to the longest with a minimum width", () => {
    expect(barPercents([100, 50, 1])).toEqual([100, 50, 3]);
    expect(barPercents([0, 0])).toEqual([3, 3]);
    expect(barPercents([])).toEqual([]);
  });
});
