import { describe, expect, it } from "vitest";

import { isPlausibleLinkToken } from "./link-token";

describe("isPlausibleLinkToken", () => {
  it("accepts the lengths we issue and refuses what is far outside them", () => {
    expect(isPlausibleLinkToken("A".repeat(32))).toBe(true);
    expect(isPlausibleLinkToken("A".repeat(43))).toBe(true);
    expect(isPlausibleLinkToken("A".repeat(19))).toBe(false);
    expect(isPlausibleLinkToken("A".repeat(101))).toBe(false);
    expect(isPlausibleLinkToken(undefined)).toBe(false);
    expect(isPlausibleLinkToken(["A".repeat(32)])).toBe(false);
  });
});
