import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { userIdOf } from "./page-session";

const NAME = "authjs.session-token";
const SECRET = "test-secret-of-the-page-session-0123456789";

describe("userIdOf (the page's session decode)", () => {
  // Read once by env() (lazily, at the first decode), so it is set before any test runs.
  beforeAll(() => {
    vi.stubEnv("AUTH_SECRET", SECRET);
  });
  afterAll(() => {
    vi.unstubAllEnvs();
  });
  const seal = (claims: Record<string, unknown>, maxAge = 60, salt = NAME) => encode({ token: claims, secret: SECRET, salt, maxAge });

  it("reads the user id next-auth's jwt callback stored, and again from its cache", async () => {
    const token = await seal({ uid: "user-1" });
    expect(await userIdOf(token, NAME)).toBe("user-1");
    expect(await userIdOf(token, NAME)).toBe("user-1");
  });

  it("refuses a tampered token, one sealed for another cookie name, and an expired one", async () => {
    const token = await seal({ uid: "user-2" });
    const tampered = `${token.slice(0, -4)}${token.slice(-4) === "AAAA" ? "BBBB" : "AAAA"}`;
    expect(await userIdOf(tampered, NAME)).toBeNull();
    expect(await userIdOf(await seal({ uid: "user-2" }, 60, `__Secure-${NAME}`), NAME)).toBeNull();
    // Past the decoder's 15 s clock tolerance.
    expect(await userIdOf(await seal({ uid: "user-3" }, -60), NAME)).toBeNull();
  });

  it("refuses a token without a user id", async () => {
    expect(await userIdOf(await seal({ name: "no uid" }), NAME)).toBeNull();
  });
});
