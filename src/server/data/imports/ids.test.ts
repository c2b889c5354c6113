import { describe, expect, it } from "vitest";

import { uuidV7Generator } from "./ids";

describe("uuidV7Generator", () => {
  it("makes RFC 9562 version 7 ids carrying the time, unique and ascending even within one millisecond", () => {
    const next = uuidV7Generator(() => 1_795_000_000_123);
    const ids = Array.from({ length: 10_000 }, next); // more than the 4 096 a millisecond's counter holds
    expect(ids.every((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    expect(parseInt(ids[0]!.replace(/-/g, "").slice(0, 12), 16)).toBe(1_795_000_000_123);
  });

  it("keeps ascending when the clock goes back", () => {
    const times = [1000, 1000, 999, 1001];
    const next = uuidV7Generator(() => times.shift()!);
    const ids = [next(), next(), next(), next()];
    expect([...ids].sort()).toEqual(ids);
  });
});
