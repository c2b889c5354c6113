import { describe, expect, it } from "vitest";

import { emailSchema, normalizeEmail } from "./email";

function messageOf(input: unknown): string | undefined {
  const parsed = emailSchema.safeParse(input);
  return parsed.success ? undefined : parsed.error.issues[0]?.message;
}

describe("normalizeEmail", () => {
  it("trims and lower-cases", () => {
    expect(normalizeEmail("  Mette.Hansen@Momentum.DEMO \n")).toBe("mette.hansen@momentum.demo");
  });

  it("is idempotent", () => {
    const once = normalizeEmail(" A@B.Co ");
    expect(normalizeEmail(once)).toBe(once);
  });
});

describe("emailSchema", () => {
  it("accepts and normalises a valid address", () => {
    expect(emailSchema.parse("  Sofie@Rendetalje.DEMO ")).toBe("sofie@rendetalje.demo");
  });

  it.each([
    ["", "Enter an email address"],
    ["   ", "Enter an email address"],
    [undefined, "Enter an email address"],
    [42, "Enter an email address"],
    ["not-an-email", "Enter a valid email address"],
    ["a@b", "Enter a valid email address"],
    ["two@@example.com", "Enter a valid email address"],
    [`${"a".repeat(250)}@example.com`, "That email address is too long"],
  ])("rejects %j with %j", (input, message) => {
    expect(messageOf(input)).toBe(message);
  });
});
