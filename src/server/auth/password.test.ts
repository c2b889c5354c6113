import { performance } from "node:perf_hooks";

import { describe, expect, it } from "vitest";

import { hashPassword, verifyPassword } from "./password";

describe("password hashing", () => {
  it("hashes with bcrypt cost 11 and a fresh salt each time", async () => {
    const [a, b] = await Promise.all([hashPassword("correct horse battery"), hashPassword("correct horse battery")]);
    expect(a).toMatch(/^\$2b\$11\$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain("correct horse");
  });

  it("verifies the right password and refuses a wrong one", async () => {
    const hash = await hashPassword("correct horse battery");
    expect(await verifyPassword("correct horse battery", hash)).toBe(true);
    expect(await verifyPassword("correct horse batterY", hash)).toBe(false);
    expect(await verifyPassword("", hash)).toBe(false);
  });

  it("verifies the hashes bcryptjs made ($2a$ and $2b$: seeds and existing accounts)", async () => {
    // Made by bcryptjs 3 (cost 4 to keep the test quick); $2a$ and $2b$ hash a short password alike.
    const made = "$2b$04$qPulGyHVc74fJZg8UK2P9.YVmp6kuOUUmkLQYz21oKHny2Xj.McSW";
    for (const stored of [made, made.replace("$2b$", "$2a$")]) {
      expect(await verifyPassword("momentum-demo", stored)).toBe(true);
      expect(await verifyPassword("momentum-demO", stored)).toBe(false);
    }
  });

  it("hashes off the event loop: the loop stays idle while 20 verifications run", async () => {
    const hash = await hashPassword("correct horse battery");
    const before = performance.eventLoopUtilization();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => verifyPassword(i === 0 ? "correct horse battery" : "wrong", hash)),
    );
    const { utilization } = performance.eventLoopUtilization(before);
    expect(results.filter(Boolean)).toHaveLength(1);
    // Pure-JS bcrypt (bcryptjs, even its async API) keeps the loop busy ~100 % of the time, so
    // every page render in this process waits; a native hash in the thread pool leaves it idle.
    expect(utilization).toBeLessThan(0.2);
  }, 60_000);

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
