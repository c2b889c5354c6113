import { describe, expect, it } from "vitest";

import { parseImportAmount } from "./amount";

const minor = (raw: string, currency = "EUR") => {
  const r = parseImportAmount(raw, currency);
  return r.ok ? r.minor : r.message;
};

describe("parseImportAmount", () => {
  it("reads amounts as people write them", () => {
    expect(minor("12 500,50 €")).toBe(1_250_050);
    expect(minor("12\u202f500,50\u00a0€")).toBe(1_250_050); // Intl's narrow no-break spaces
    expect(minor("12,500.50")).toBe(1_250_050);
    expect(minor("€12500")).toBe(1_250_000);
    expect(minor("1.234,5")).toBe(123_450);
    expect(minor("12,500")).toBe(1_250_000);
    expect(minor("8 000 €")).toBe(800_000);
    expect(minor("45 000,00 EUR")).toBe(4_500_000);
    expect(minor("2 500 euros")).toBe(250_000);
    expect(minor("DKK 4.500,-", "DKK")).toBe(450_000);
    expect(minor("4.500 kr.", "DKK")).toBe(450_000);
    expect(minor("₹1,50,000", "INR")).toBe(15_000_000); // Indian (lakh) grouping
    expect(minor("Rs 15000", "INR")).toBe(1_500_000);
    expect(minor("+300")).toBe(30_000);
  });

  it("refuses what a lenient reader would misread", () => {
    expect(minor("")).toBe("Amount is empty");
    expect(minor("15k")).toBe("Not an amount");
    expect(minor("n/a")).toBe("Not an amount");
    expect(minor("douze")).toBe("Not an amount");
    expect(minor("1000-2000")).toBe("Not an amount (a range?)");
    expect(minor("1.2.3")).toBe("Not an amount");
    expect(minor("0")).toBe("Amount must be more than 0");
    expect(minor("-20")).toBe("Amount must be more than 0");
    expect(minor("$4,000")).toBe("Amount is not in EUR");
    expect(minor("4 000 £")).toBe("Amount is not in EUR");
    expect(minor("12 500 €", "DKK")).toBe("Amount is not in DKK");
  });
});
