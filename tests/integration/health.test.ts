import { describe, expect, it } from "vitest";

import { GET } from "@/app/api/health/route";

describe("/api/health", () => {
  it("answers the status and nothing else", async () => {
    const res = await GET();
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.json()).toEqual({ status: "ok" });
  });
});
