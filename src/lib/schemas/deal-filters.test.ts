import { describe, expect, it } from "vitest";

import { dealFiltersToQuery, DEFAULT_DEAL_FILTERS, hasActiveDealFilters, parseDealFilters, sortToggle } from "./deal-filters";

const A = "0b6f2a59-3f6e-4e0c-9d55-0c1a7f4d2b11";
const B = "9a1d3c7e-52b4-4f8a-b3e2-6d0c5e8f7a22";

describe("parseDealFilters", () => {
  it("gives the defaults for an empty query", () => {
    expect(parseDealFilters({})).toEqual(DEFAULT_DEAL_FILTERS);
    expect(parseDealFilters(new URLSearchParams())).toEqual(DEFAULT_DEAL_FILTERS);
  });

  it("reads every parameter", () => {
    const f = parseDealFilters(
      new URLSearchParams(
        `stage=${A}&stage=${B}&owner=${A}&sector=Retail&date=created&from=2026-01-01&to=2026-03-31&q=%20clean%20&overdue=1&status=all&sort=value&dir=asc&page=3&size=50`,
      ),
    );
    expect(f).toEqual({
      stageIds: [A, B],
      ownerId: A,
      sector: "Retail",
      dateField: "created",
      from: "2026-01-01",
      to: "2026-03-31",
      q: "clean",
      overdue: true,
      status: "all",
      sort: "value",
      dir: "asc",
      page: 3,
      pageSize: 50,
    });
  });

  it("accepts Next's record form, with repeated and comma-separated stages", () => {
    expect(parseDealFilters({ stage: [A, B] }).stageIds).toEqual([A, B]);
    expect(parseDealFilters({ stage: `${A},${B},${A}` }).stageIds).toEqual([A, B]);
    expect(parseDealFilters({ q: ["first", "second"] }).q).toBe("first");
  });

  it("falls back field by field on bad input, never throwing", () => {
    const f = parseDealFilters({
      stage: ["not-a-uuid", A],
      owner: "1; drop table deals",
      date: "yesterday",
      from: "2026-02-31",
      to: "31/12/2026",
      overdue: "yes",
      status: "archived",
      sort: "password",
      dir: "sideways",
      page: "-4",
      size: "1000",
      sector: "x".repeat(81),
    });
    expect(f).toEqual({ ...DEFAULT_DEAL_FILTERS, stageIds: [A] });
    expect(parseDealFilters({ page: "2.5" }).page).toBe(1);
    expect(parseDealFilters({ page: "abc" }).page).toBe(1);
    expect(parseDealFilters({ page: "99999999999" }).page).toBe(1);
    expect(parseDealFilters({ size: "30" }).pageSize).toBe(25);
    expect(parseDealFilters({ from: "2026-13-01", to: "2026-00-10" })).toMatchObject({ from: null, to: null });
  });

  it("uses the column's default direction when none is given", () => {
    expect(parseDealFilters({ sort: "due" }).dir).toBe("asc");
    expect(parseDealFilters({ sort: "value" }).dir).toBe("desc");
    expect(parseDealFilters({ sort: "value", dir: "asc" }).dir).toBe("asc");
  });

  it("swaps a reversed date range and caps the search length", () => {
    const f = parseDealFilters({ from: "2026-12-31", to: "2026-01-01", q: "a".repeat(300) });
    expect([f.from, f.to]).toEqual(["2026-01-01", "2026-12-31"]);
    expect(f.q).toHaveLength(100);
  });

  it("treats a blank sector as no sector", () => {
    expect(parseDealFilters({ sector: "   " }).sector).toBeNull();
  });
});

describe("dealFiltersToQuery", () => {
  it("leaves defaults out", () => {
    expect(dealFiltersToQuery(DEFAULT_DEAL_FILTERS)).toBe("");
  });

  it("round-trips through parseDealFilters", () => {
    const f = parseDealFilters(
      new URLSearchParams(`stage=${A}&q=50%25_off&overdue=1&status=won&sort=close&dir=desc&page=2&size=100&date=created&from=2026-01-01`),
    );
    expect(parseDealFilters(new URLSearchParams(dealFiltersToQuery(f)))).toEqual(f);
  });

  it("goes back to page 1 when a filter changes, but not when the page does", () => {
    const f = { ...DEFAULT_DEAL_FILTERS, page: 4 };
    expect(dealFiltersToQuery(f, { q: "x" })).toBe("q=x");
    expect(dealFiltersToQuery(f, { page: 5 })).toBe("page=5");
    expect(dealFiltersToQuery(f)).toBe("page=4");
  });

  it("drops the date field when no range is set", () => {
    expect(dealFiltersToQuery({ ...DEFAULT_DEAL_FILTERS, dateField: "created" })).toBe("");
  });
});

describe("sortToggle and hasActiveDealFilters", () => {
  it("flips the current column and starts a new one at its default", () => {
    expect(sortToggle(DEFAULT_DEAL_FILTERS, "created")).toEqual({ sort: "created", dir: "asc" });
    expect(sortToggle(DEFAULT_DEAL_FILTERS, "title")).toEqual({ sort: "title", dir: "asc" });
    expect(sortToggle({ ...DEFAULT_DEAL_FILTERS, sort: "title", dir: "asc" }, "title")).toEqual({ sort: "title", dir: "desc" });
  });

  it("ignores sorting and paging", () => {
    expect(hasActiveDealFilters({ ...DEFAULT_DEAL_FILTERS, sort: "value", page: 3, pageSize: 100 })).toBe(false);
    expect(hasActiveDealFilters({ ...DEFAULT_DEAL_FILTERS, status: "all" })).toBe(true);
    expect(hasActiveDealFilters({ ...DEFAULT_DEAL_FILTERS, overdue: true })).toBe(true);
  });
});
