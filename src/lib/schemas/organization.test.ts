import { describe, expect, it } from "vitest";
import { z } from "zod";

import { type OrgSettingsInput, orgSettingsSchema } from "./organization";

const valid: OrgSettingsInput = {
  name: "Rendetalje",
  currency: "DKK",
  locale: "da-DK",
  timeZone: "Europe/Copenhagen",
  defaultTaxRate: 25,
  saleNumberPrefix: "rs",
};

function errorsFor(patch: Partial<Record<keyof OrgSettingsInput, unknown>>) {
  const parsed = orgSettingsSchema.safeParse({ ...valid, ...patch });
  if (parsed.success) throw new Error("expected the input to be refused");
  return z.flattenError(parsed.error).fieldErrors as Record<string, string[]>;
}

describe("orgSettingsSchema", () => {
  it("stores the tax rate in basis points and upper-cases the prefix", () => {
    expect(orgSettingsSchema.parse(valid)).toEqual({ ...valid, defaultTaxRate: 2500, saleNumberPrefix: "RS" });
  });

  it("accepts form strings and rounds the tax rate to two decimals", () => {
    expect(orgSettingsSchema.parse({ ...valid, defaultTaxRate: "12.345" }).defaultTaxRate).toBe(1235);
    expect(orgSettingsSchema.parse({ ...valid, defaultTaxRate: "0" }).defaultTaxRate).toBe(0);
    expect(orgSettingsSchema.parse({ ...valid, defaultTaxRate: 100 }).defaultTaxRate).toBe(10000);
  });

  it("accepts IANA time zones", () => {
    for (const timeZone of ["UTC", "Asia/Kolkata", "America/Argentina/Buenos_Aires"]) {
      expect(orgSettingsSchema.parse({ ...valid, timeZone }).timeZone).toBe(timeZone);
    }
  });

  it.each<[Partial<Record<keyof OrgSettingsInput, unknown>>, string, string]>([
    [{ timeZone: "Mars/Olympus_Mons" }, "timeZone", "Unknown time zone (use an IANA name such as Europe/Copenhagen)"],
    [{ timeZone: "" }, "timeZone", "Unknown time zone (use an IANA name such as Europe/Copenhagen)"],
    [{ defaultTaxRate: 100.01 }, "defaultTaxRate", "Tax rate cannot exceed 100 %"],
    [{ defaultTaxRate: -1 }, "defaultTaxRate", "Tax rate cannot be negative"],
    [{ defaultTaxRate: "abc" }, "defaultTaxRate", "Enter a number such as 25 or 25,5"],
    [{ defaultTaxRate: "" }, "defaultTaxRate", "Enter a tax rate"],
    [{ saleNumberPrefix: "RS-" }, "saleNumberPrefix", "Use 1–8 letters or digits"],
    [{ saleNumberPrefix: "" }, "saleNumberPrefix", "Use 1–8 letters or digits"],
    [{ saleNumberPrefix: "ABCDEFGHI" }, "saleNumberPrefix", "Use 1–8 letters or digits"],
    [{ name: " x " }, "name", "Name must be at least 2 characters"],
    [{ name: "x".repeat(81) }, "name", "Name is too long"],
    [{ currency: "BTC" }, "currency", "Choose a supported currency"],
    [{ locale: "xx-XX" }, "locale", "Choose a supported locale"],
  ])("refuses %j on %s", (patch, field, message) => {
    expect(errorsFor(patch)).toEqual({ [field]: [message] });
  });

  it("reads a decimal comma as people type it", () => {
    const parsed = orgSettingsSchema.safeParse({ ...valid, defaultTaxRate: "25,5" });
    expect(parsed.success && parsed.data.defaultTaxRate).toBe(2550);
  });
});
