import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { sessionOf } from "./page-session";

const NAME = "authjs.session-token";
const SECRET = "test-secret-of-the-page-session-0123456789";

describe("sessionOf (the page's session decode)", () => {
  // Read once by env() (lazily, at the first decode), so it is set before any test runs.
  beforeAll(() => {
    vi.stubEnv("AUTH_SECRET", SECRET);
  });
  afterAll(() => {
    vi.unstubAllEnvs();
  });
  const seal = (claims: Record<string, unknown>, maxAge = 60, salt = NAME) => encode({ token: claims, secret: SECRET, salt, maxAge });

  it("reads the user id and session version next-auth's jwt callback stored, and again from its cache", async () => {
    const token = await seal({ uid: "user-1", sv: 3 });
    expect(await sessionOf(token, NAME)).toEqual({ userId: "user-1", sessionVersion: 3 });
    expect(await sessionOf(token, NAME)).toEqual({ userId: "user-1", sessionVersion: 3 });
  });

  it("reads a token issued before session versions as version 0 (the column's default)", async () => {
    expect(await sessionOf(await seal({ uid: "user-0" }), NAME)).toEqual({ userId: "user-0", sessionVersion: 0 });
  });

  it("refuses a tampered token, one sealed for another cookie name, and an expired one", async () => {
    const token = await seal({ uid: "user-2" });
    const tampered = `${token.slice(0, -4)}${token.slice(-4) === "AAAA" ? "BBBB" : "AAAA"}`;
    expect(await sessionOf(tampered, NAME)).toBeNull();
    expect(await sessionOf(await seal({ uid: "user-2" }, 60, `__Secure-${NAME}`), NAME)).toBeNull();
    // Past the decoder's 15 s clock tolerance.
    expect(await sessionOf(await seal({ uid: "user-3" }, -60), NAME)).toBeNull();
  });

  it("refuses a token without a user id", async () => {
    expect(await sessionOf(await seal({ name: "no uid" }), NAME)).toBeNull();
  });
});
