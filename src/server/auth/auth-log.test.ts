import { describe, expect, it } from "vitest";

import { authLogEntry } from "./auth-log";

function named(name: string, message = "x", cause?: unknown) {
  const error = new Error(message, { cause });
  error.name = name;
  return error;
}

describe("authLogEntry", () => {
  it("logs nothing for a wrong password or a throttled sign-in", () => {
    expect(authLogEntry(named("CredentialsSignin"))).toBeNull();
    expect(authLogEntry(named("RateLimitedSignIn"))).toBeNull();
  });

  it("logs a forged or expired session cookie as one line without a stack", () => {
    const entry = authLogEntry(
      named("JWTSessionError", "Read more at https://errors.authjs.dev", new Error("decryption operation failed\n  at x")),
    );
    expect(entry).toHaveLength(1);
    expect(typeof entry![0]).toBe("string");
    expect(entry![0]).toBe("[auth] JWTSessionError: unreadable session cookie refused (decryption operation failed)");
    expect(entry![0]).not.toContain("\n");
  });

  it("recognises Auth.js errors by their static type when the class name was minified", () => {
    const error = Object.assign(named("e", "x"), { type: "JWTSessionError" });
    expect(authLogEntry(error)).toEqual(["[auth] JWTSessionError: unreadable session cookie refused"]);
    expect(authLogEntry(Object.assign(named("t"), { type: "CredentialsSignin" }))).toBeNull();
  });

  it("keeps the whole error for anything unexpected", () => {
    const error = named("AdapterError");
    expect(authLogEntry(error)).toEqual(["[auth]", error]);
  });
});
