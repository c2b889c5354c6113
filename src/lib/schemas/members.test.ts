import { describe, expect, it } from "vitest";
import { z } from "zod";

import {
  acceptInvitationSchema,
  changeRoleSchema,
  inviteMemberSchema,
  removeMemberSchema,
  revokeInvitationSchema,
  signInSchema,
} from "./members";

const UUID = "6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f";

function fieldErrors(schema: z.ZodType, input: unknown) {
  const parsed = schema.safeParse(input);
  if (parsed.success) throw new Error("expected the input to be refused");
  return z.flattenError(parsed.error).fieldErrors as Record<string, string[]>;
}

describe("inviteMemberSchema", () => {
  it("normalises the email and keeps the role", () => {
    expect(inviteMemberSchema.parse({ email: " New.Rep@Example.COM", role: "rep" })).toEqual({ email: "new.rep@example.com", role: "rep" });
  });

  it("names each bad field", () => {
    expect(fieldErrors(inviteMemberSchema, { email: "nope", role: "owner" })).toEqual({
      email: ["Enter a valid email address"],
      role: ["Choose a role"],
    });
  });

  it("drops fields it does not list", () => {
    expect(inviteMemberSchema.parse({ email: "a@example.com", role: "admin", orgId: UUID })).not.toHaveProperty("orgId");
  });
});

describe("member id schemas", () => {
  it("accept uuids", () => {
    expect(changeRoleSchema.parse({ userId: UUID, role: "manager" })).toEqual({ userId: UUID, role: "manager" });
    expect(removeMemberSchema.parse({ userId: UUID })).toEqual({ userId: UUID });
    expect(revokeInvitationSchema.parse({ invitationId: UUID })).toEqual({ invitationId: UUID });
  });

  it("refuse anything else with a human message", () => {
    expect(fieldErrors(changeRoleSchema, { userId: "1 or 1=1", role: "rep" })).toEqual({ userId: ["Unknown member"] });
    expect(fieldErrors(removeMemberSchema, {})).toEqual({ userId: ["Unknown member"] });
    expect(fieldErrors(revokeInvitationSchema, { invitationId: 7 })).toEqual({ invitationId: ["Unknown invitation"] });
  });
});

describe("acceptInvitationSchema", () => {
  const valid = { token: "t".repeat(32), name: "  Nanna Poulsen ", password: "correct horse battery" };

  it("trims the name", () => {
    expect(acceptInvitationSchema.parse(valid).name).toBe("Nanna Poulsen");
  });

  it.each([
    [{ password: "short" }, "password", "Use at least 10 characters"],
    [{ password: "x".repeat(201) }, "password", "That password is too long"],
    [{ password: undefined }, "password", "Enter a password"],
    [{ name: " A " }, "name", "Enter your name"],
    [{ name: "x".repeat(81) }, "name", "Name is too long"],
  ])("refuses %j", (patch, field, message) => {
    expect(fieldErrors(acceptInvitationSchema, { ...valid, ...patch })[field]).toEqual([message]);
  });

  it("refuses a token of the wrong length", () => {
    expect(fieldErrors(acceptInvitationSchema, { ...valid, token: "short" })).toHaveProperty("token");
  });
});

describe("signInSchema", () => {
  it("normalises the email and requires a password", () => {
    expect(signInSchema.parse({ email: "Mette@Momentum.demo", password: "x" })).toEqual({ email: "mette@momentum.demo", password: "x" });
    expect(fieldErrors(signInSchema, { email: "mette@momentum.demo", password: "" })).toEqual({ password: ["Enter your password"] });
  });
});
