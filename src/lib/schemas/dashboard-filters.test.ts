import { describe, expect, it } from "vitest";

import {
  dashboardFiltersToQuery,
  DEFAULT_DASHBOARD_FILTERS,
  hasActiveDashboardFilters,
  MAX_RANGE_DAYS,
  parseDashboardFilters,
  resolveRange,
} from "./dashboard-filters";

const A = "0b0e7a4e-6a8b-4a57-9b1e-2f7a5c1d9e01";
const B = "1c1f8b5f-7b9c-4b68-8c2f-3a8b6d2e0f12";

describe("parseDashboardFilters", () => {
  it("defaults to the last 30 days with nothing narrowed", () => {
    expect(parseDashboardFilters({})).toEqual(DEFAULT_DASHBOARD_FILTERS);
    expect(hasActiveDashboardFilters(parseDashboardFilters({}))).toBe(false);
  });

  it("reads repeated and comma-separated ids, drops junk and duplicates", () => {
    const f = parseDashboardFilters(new URLSearchParams(`stage=${A},${B}&stage=nope&stage=${A}&owner=${B}&owner=x`));
    expect(f.stageIds).toEqual([A, B]);
    expect(f.ownerIds).toEqual([B]);
  });

  it("keeps sector names whole (commas included), trimmed and de-duplicated", () => {
    const f = parseDashboardFilters({ sector: ["Retail, food", " Tech ", "Tech", ""] });
    expect(f.sectors).toEqual(["Retail, food", "Tech"]);
  });

  it("reads presets, custom ranges (swapped when reversed) and falls back on bad dates", () => {
    expect(parseDashboardFilters({ range: "90d" })).toMatchObject({ range: "90d", from: null, to: null });
    expect(parseDashboardFilters({ range: "2y" }).range).toBe("30d");
    expect(parseDashboardFilters({ from: "2026-03-10", to: "2026-02-01" })).toMatchObject({
      range: "custom",
      from: "2026-02-01",
      to: "2026-03-10",
    });
    expect(parseDashboardFilters({ from: "2026-02-31", to: "garbage" })).toMatchObject({ range: "30d", from: null, to: null });
    expect(parseDashboardFilters({ from: "2026-02-01" })).toMatchObject({ range: "custom", from: "2026-02-01", to: null });
    // A preset wins over stray dates.
    expect(parseDashboardFilters({ range: "7d", from: "2026-02-01" })).toMatchObject({ range: "7d", from: null });
  });
});

describe("resolveRange", () => {
  const today = "2026-11-21";
  it("resolves presets relative to today, inclusive", () => {
    expect(resolveRange({ ...DEFAULT_DASHBOARD_FILTERS }, today)).toEqual({ from: "2026-10-23", to: today });
    expect(resolveRange({ ...DEFAULT_DASHBOARD_FILTERS, range: "7d" }, today)).toEqual({ from: "2026-11-15", to: today });
    expect(resolveRange({ ...DEFAULT_DASHBOARD_FILTERS, range: "365d" }, today)).toEqual({ from: "2025-11-22", to: today });
  });

  it("completes a half-open custom range and caps a long one", () => {
    const custom = { ...DEFAULT_DASHBOARD_FILTERS, range: "custom" as const };
    expect(resolveRange({ ...custom, from: "2026-01-01" }, today)).toEqual({ from: "2026-01-01", to: "2026-01-30" });
    expect(resolveRange({ ...custom, to: "2026-01-30" }, today)).toEqual({ from: "2026-01-01", to: "2026-01-30" });
    const long = resolveRange({ ...custom, from: "2020-01-01", to: "2026-01-01" }, today);
    expect(long.to).toBe("2026-01-01");
    expect(long.from).toBe("2024-01-02"); // 731 days inclusive (2024 is a leap year)
    expect(MAX_RANGE_DAYS).toBe(731);
  });
});

describe("dashboardFiltersToQuery", () => {
  it("round-trips and leaves out defaults", () => {
    const f = parseDashboardFilters({ stage: A, sector: ["Retail, food"], owner: B, from: "2026-01-01", to: "2026-01-31" });
    const q = dashboardFiltersToQuery(f);
    expect(parseDashboardFilters(new URLSearchParams(q))).toEqual(f);
    expect(dashboardFiltersToQuery(DEFAULT_DASHBOARD_FILTERS)).toBe("");
    expect(dashboardFiltersToQuery(DEFAULT_DASHBOARD_FILTERS, { range: "90d" })).toBe("range=90d");
  });
});
