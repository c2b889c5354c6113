import crypto from "node:crypto";

import { describe, expect, it } from "vitest";

import { getDb } from "@/db/client";
import { createUser } from "@/db/seed/factories";
import { createAuthenticate } from "@/server/auth/authenticate";
import { createHashBudget, HASH_BUDGET } from "@/server/auth/hash-budget";
import { newEmail } from "@tests/integration/support/org-state";

const PASSWORD = "password123"; // the factories' default
const address = () => `10.${crypto.randomBytes(3).join(".")}`;

describe("a sign-in flood from many addresses", () => {
  it("hashes the burst, sheds the rest unhashed with a 1 s wait, and costs the shed attempts nothing", async () => {
    let now = 0; // the budget's clock stands still during the flood, so the count is exact on a slow machine
    const authenticate = createAuthenticate(createHashBudget(HASH_BUDGET, () => now));
    const user = await createUser(getDb());
    const flood = Array.from({ length: HASH_BUDGET.burst + 6 }, () => ({ email: newEmail("flood"), ip: address() }));
    const outcomes = await Promise.all(flood.map((a) => authenticate(a.email, "wrong password", a.ip)));
    expect(outcomes.filter((o) => !o.ok && o.reason === "invalid")).toHaveLength(HASH_BUDGET.burst);
    const shed = outcomes.filter((o) => !o.ok && o.reason === "rate_limited");
    expect(shed.map((o) => !o.ok && o.reason === "rate_limited" && o.retryAfterSeconds)).toEqual(Array(6).fill(1));

    // The owner is shed too while the budget is empty, and signs in once it refills: nothing was locked.
    const from = address();
    expect(await authenticate(user.email, PASSWORD, from)).toMatchObject({ ok: false, reason: "rate_limited" });
    now += 1000 / HASH_BUDGET.perSecond;
    expect(await authenticate(user.email, PASSWORD, from)).toMatchObject({ ok: true });
    // A shed attempt was given back: the address's and the account's budgets are as if it never came.
    now += 3000 / HASH_BUDGET.perSecond;
    const retried = await Promise.all(flood.slice(-3).map((a) => authenticate(a.email, "wrong password", a.ip)));
    expect(retried.every((o) => !o.ok && o.reason === "invalid")).toBe(true);
  }, 60_000);
});
