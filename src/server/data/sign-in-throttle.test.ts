import { describe, expect, it } from "vitest";

import { accountDelaySeconds, SIGN_IN_LIMITS } from "./sign-in-throttle";

describe("accountDelaySeconds", () => {
  it("lets the first failures through, then doubles the wait up to the cap", () => {
    const free = SIGN_IN_LIMITS.freeAccountFailures;
    expect(Array.from({ length: free }, (_, i) => accountDelaySeconds(i))).toEqual(Array(free).fill(0));
    expect([free, free + 1, free + 2, free + 3].map(accountDelaySeconds)).toEqual([1, 2, 4, 8]);
    expect(accountDelaySeconds(free + 40)).toBe(SIGN_IN_LIMITS.maxDelaySeconds);
  });
});
