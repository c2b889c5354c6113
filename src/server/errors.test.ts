import { describe, expect, it } from "vitest";

import {
  AppError,
  ConflictError,
  constraintOf,
  ForbiddenError,
  isSerializationFailure,
  isUniqueViolation,
  NotFoundError,
  pgErrorOf,
  ValidationError,
} from "./errors";

// The shape postgres.js gives a server error (a PostgresError), and drizzle's wrapping of it.
const uniqueViolation = Object.assign(new Error('duplicate key value violates unique constraint "users_email_key"'), {
  code: "23505",
  constraint_name: "users_email_key",
});
const wrapped = (cause: unknown) => Object.assign(new Error("Failed query: insert into ..."), { cause });

describe("pgErrorOf", () => {
  it("returns a PostgreSQL error itself", () => {
    expect(pgErrorOf(uniqueViolation)).toBe(uniqueViolation);
  });

  it("unwraps drizzle's cause chain", () => {
    expect(pgErrorOf(wrapped(uniqueViolation))).toBe(uniqueViolation);
    expect(pgErrorOf(wrapped(wrapped(wrapped(uniqueViolation))))).toBe(uniqueViolation);
  });

  it("gives up after a few levels instead of walking a cycle forever", () => {
    const cyclic: { cause?: unknown } = new Error("loop");
    cyclic.cause = cyclic;
    expect(pgErrorOf(cyclic)).toBeUndefined();
  });

  it.each([
    ["a Node system error", Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" })],
    ["a lower-case code", { code: "abcde" }],
    ["a numeric code", { code: 23505 }],
    ["null", null],
    ["a string", "23505"],
    ["undefined", undefined],
  ])("ignores %s", (_label, err) => {
    expect(pgErrorOf(err)).toBeUndefined();
  });
});

describe("constraintOf", () => {
  it("reads postgres.js' constraint_name, also through a wrapper", () => {
    expect(constraintOf(uniqueViolation)).toBe("users_email_key");
    expect(constraintOf(wrapped({ code: "23514", constraint_name: "memberships_last_admin" }))).toBe("memberships_last_admin");
  });

  it("falls back to `constraint` (node-postgres' name)", () => {
    expect(constraintOf({ code: "23514", constraint: "organizations_tax_rate_range" })).toBe("organizations_tax_rate_range");
  });

  it("is undefined for errors without one", () => {
    expect(constraintOf({ code: "40001" })).toBeUndefined();
    expect(constraintOf(new Error("boom"))).toBeUndefined();
  });
});

describe("error classifiers", () => {
  it("recognise unique violations", () => {
    expect(isUniqueViolation(wrapped(uniqueViolation))).toBe(true);
    expect(isUniqueViolation({ code: "23503" })).toBe(false);
  });

  it("treat serialization failures and deadlocks as retryable conflicts", () => {
    expect(isSerializationFailure({ code: "40001" })).toBe(true);
    expect(isSerializationFailure(wrapped({ code: "40P01" }))).toBe(true);
    expect(isSerializationFailure(uniqueViolation)).toBe(false);
    expect(isSerializationFailure(new Error("x"))).toBe(false);
  });
});

describe("AppError subclasses", () => {
  it.each([
    [new NotFoundError("Invitation"), "NOT_FOUND", "Invitation was not found."],
    [new NotFoundError(), "NOT_FOUND", "That record was not found."],
    [new ForbiddenError(), "FORBIDDEN", "You don't have permission to do that."],
    [new ConflictError("Already a member."), "CONFLICT", "Already a member."],
    [new ValidationError("Fix it.", { email: ["Bad"] }), "VALIDATION", "Fix it."],
  ])("%s carries its code and message", (err, code, message) => {
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code, message });
  });

  it("keeps field errors of a validation error", () => {
    expect(new ValidationError("Fix it.", { email: ["Bad"] }).fieldErrors).toEqual({ email: ["Bad"] });
  });
});
