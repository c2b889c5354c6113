import bcrypt from "bcryptjs";
import { describe, expect, it } from "vitest";

import { hashPassword, verifyPassword } from "./password";

describe("password hashing", () => {
  it("hashes with bcrypt cost 11 and a fresh salt each time", async () => {
    const [a, b] = await Promise.all([hashPassword("correct horse battery"), hashPassword("correct horse battery")]);
    expect(bcrypt.getRounds(a)).toBe(11);
    expect(a).not.toBe(b);
    expect(a).not.toContain("correct horse");
  });

  it("verifies the right password and refuses a wrong one", async () => {
    const hash = await hashPassword("correct horse battery");
    expect(await verifyPassword("correct horse battery", hash)).toBe(true);
    expect(await verifyPassword("correct horse batterY", hash)).toBe(false);
    expect(await verifyPassword("", hash)).toBe(false);
  });

  it("refuses an unknown account (no hash), whatever the password", async () => {
    expect(await verifyPassword("anything", undefined)).toBe(false);
    expect(await verifyPassword("", undefined)).toBe(false);
  });

  it("spends about as long on an unknown account as on a wrong password", async () => {
    // Timing must not reveal which emails have accounts. Generous bounds: the point is that
    // the unknown-account path really runs a cost-11 bcrypt comparison, not that timings match.
    const hash = await hashPassword("correct horse battery");
    // Fastest of three runs: load on the machine only ever adds time, so minima compare fairly.
    const time = async (fn: () => Promise<unknown>) => {
      let best = Infinity;
      for (let i = 0; i < 3; i++) {
        const t0 = performance.now();
        await fn();
        best = Math.min(best, performance.now() - t0);
      }
      return best;
    };
    const wrong = await time(() => verifyPassword("wrong password", hash));
    const unknown = await time(() => verifyPassword("wrong password", undefined));
    expect(unknown).toBeGreaterThan(wrong * 0.25);
  });
});
