import { z } from "zod";

import { daysBetween, type IsoDate, shiftDate } from "@/lib/kpi/period";

import { isoDateParam, type SearchParamsInput, searchParamsReader } from "./search-params";

/**
 * The dashboard's filters live in the URL (shareable, bookmarkable): ?stage=…&sector=…&owner=…
 * (each repeatable) and either ?range=7d|30d|90d|365d or a custom ?from=YYYY-MM-DD&to=YYYY-MM-DD.
 * Every parameter is parsed on its own and falls back to its default when malformed, so a
 * hand-edited or stale link shows a sensible dashboard rather than an error page.
 */
export const RANGE_PRESETS = ["7d", "30d", "90d", "365d"] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];
export type DashboardRange = RangePreset | "custom";
export const DEFAULT_RANGE: RangePreset = "30d";
export const RANGE_LABELS: Record<DashboardRange, string> = {
  "7d": "Last 7 days",
  "30d": "Last 30 days",
  "90d": "Last 90 days",
  "365d": "Last 12 months",
  custom: "Custom range",
};
const PRESET_DAYS: Record<RangePreset, number> = { "7d": 7, "30d": 30, "90d": 90, "365d": 365 };

/** Longest custom period: its previous period doubles the scanned history. */
export const MAX_RANGE_DAYS = 731;
const MAX_VALUES = 20;

export type DashboardFilters = {
  stageIds: string[];
  sectors: string[];
  ownerIds: string[];
  range: DashboardRange;
  /** Only for a custom range; presets are relative to today and resolved by resolveRange. */
  from: IsoDate | null;
  to: IsoDate | null;
};

export const DEFAULT_DASHBOARD_FILTERS: DashboardFilters = {
  stageIds: [],
  sectors: [],
  ownerIds: [],
  range: DEFAULT_RANGE,
  from: null,
  to: null,
};

const uuids = z.array(z.string()).transform((ids) => [...new Set(ids.filter((id) => z.uuid().safeParse(id).success))].slice(0, MAX_VALUES));
const sectorList = z
  .array(z.string())
  .transform((values) => [...new Set(values.map((s) => s.trim().slice(0, 80)).filter(Boolean))].slice(0, MAX_VALUES));
const preset = z.enum(RANGE_PRESETS).nullable().catch(null);

/** URL search params → filters. Never throws. */
export function parseDashboardFilters(input: SearchParamsInput): DashboardFilters {
  const p = searchParamsReader(input);
  // Ids may come repeated (?stage=a&stage=b) or comma-separated (?stage=a,b); sectors only repeated
  // (a sector name may contain a comma).
  const stageIds = uuids.parse(p.all("stage").flatMap((s) => s.split(",")));
  const ownerIds = uuids.parse(p.all("owner").flatMap((s) => s.split(",")));
  const sectors = sectorList.parse(p.all("sector"));
  let from = isoDateParam.parse(p.one("from"));
  let to = isoDateParam.parse(p.one("to"));
  if (from && to && from > to) [from, to] = [to, from];
  const named = preset.parse(p.one("range"));
  if (named || (!from && !to)) return { stageIds, sectors, ownerIds, range: named ?? DEFAULT_RANGE, from: null, to: null };
  return { stageIds, sectors, ownerIds, range: "custom", from, to };
}

/**
 * The concrete inclusive period for "today" (an ISO date in the org's zone). A custom range with
 * one end missing gets a 30-day span; one longer than MAX_RANGE_DAYS keeps its end and is shortened.
 */
export function resolveRange(filters: DashboardFilters, today: IsoDate): { from: IsoDate; to: IsoDate } {
  if (filters.range !== "custom") return { from: shiftDate(today, -(PRESET_DAYS[filters.range] - 1)), to: today };
  const span = PRESET_DAYS[DEFAULT_RANGE] - 1;
  const to = filters.to ?? (filters.from ? shiftDate(filters.from, span) : today);
  let from = filters.from ?? shiftDate(to, -span);
  if (daysBetween(from, to) + 1 > MAX_RANGE_DAYS) from = shiftDate(to, -(MAX_RANGE_DAYS - 1));
  return { from, to };
}

/** Filters → query string (without "?"), leaving out defaults so links stay short. */
export function dashboardFiltersToQuery(filters: DashboardFilters, patch: Partial<DashboardFilters> = {}): string {
  const f = { ...filters, ...patch };
  const params = new URLSearchParams();
  for (const id of f.stageIds) params.append("stage", id);
  for (const s of f.sectors) params.append("sector", s);
  for (const id of f.ownerIds) params.append("owner", id);
  if (f.range === "custom") {
    if (f.from) params.set("from", f.from);
    if (f.to) params.set("to", f.to);
  } else if (f.range !== DEFAULT_RANGE) {
    params.set("range", f.range);
  }
  return params.toString();
}

export function hasActiveDashboardFilters(f: DashboardFilters): boolean {
  return f.stageIds.length > 0 || f.sectors.length > 0 || f.ownerIds.length > 0 || f.range !== DEFAULT_RANGE;
}
