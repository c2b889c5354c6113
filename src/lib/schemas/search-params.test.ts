import { describe, expect, it } from "vitest";

import { isoDateParam, searchParamsReader } from "./search-params";

describe("search params", () => {
  it("reads one or all values from URLSearchParams and from a page's searchParams object alike", () => {
    const url = searchParamsReader(new URLSearchParams("stage=a&stage=b&q=x"));
    const page = searchParamsReader({ stage: ["a", "b"], q: "x", empty: undefined });
    for (const p of [url, page]) {
      expect(p.one("stage")).toBe("a");
      expect(p.all("stage")).toEqual(["a", "b"]);
      expect(p.one("q")).toBe("x");
      expect(p.one("missing")).toBeNull();
      expect(p.all("missing")).toEqual([]);
    }
    expect(page.all("empty")).toEqual([]);
  });

  it("accepts real calendar dates only, and never throws", () => {
    expect(isoDateParam.parse("2026-12-31")).toBe("2026-12-31");
    for (const bad of ["2026-02-31", "2026-13-01", "31/12/2026", "1999-12-31", "", null, undefined, 42]) {
      expect(isoDateParam.parse(bad)).toBeNull();
    }
  });
});
