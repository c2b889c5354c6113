import { describe, expect, it } from "vitest";

import { fail, ok } from "@/lib/result";

import { callAction, UNREACHABLE_MESSAGE } from "./call-action";

describe("callAction", () => {
  it("passes the action's result through, success and refusal alike", async () => {
    expect(await callAction(async (n: number) => ok(n + 1), 1)).toEqual({ ok: true, data: 2 });
    const refusal = fail("CONFLICT", "Someone else changed this.");
    expect(await callAction(async () => refusal, undefined)).toBe(refusal);
  });

  it("turns a thrown call (no network) into a refusal that says so", async () => {
    const result = await callAction(async () => {
      throw new TypeError("Failed to fetch");
    }, {});
    expect(result).toEqual({ ok: false, code: "INTERNAL", message: UNREACHABLE_MESSAGE });
  });
});
