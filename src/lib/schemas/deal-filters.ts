import { z } from "zod";

import { isoDateParam, type SearchParamsInput, searchParamsReader } from "./search-params";

/**
 * The deals list state lives in the URL (shareable, back-button friendly). Every parameter is
 * parsed on its own and falls back to its default when it is malformed, so a hand-edited or stale
 * link shows a sensible list instead of an error page.
 */
export const DEAL_STATUS_FILTERS = ["open", "won", "lost", "all"] as const;
export type DealStatusFilter = (typeof DEAL_STATUS_FILTERS)[number];
export const DEAL_STATUS_FILTER_LABELS: Record<DealStatusFilter, string> = { open: "Open", won: "Won", lost: "Lost", all: "All" };

export const DEAL_SORT_KEYS = ["created", "title", "value", "weighted", "stage", "owner", "close", "due"] as const;
export type DealSortKey = (typeof DEAL_SORT_KEYS)[number];
export type SortDirection = "asc" | "desc";

/** The direction a column sorts in when first clicked: amounts and recency high-first, the rest A→Z / soonest first. */
export const DEFAULT_SORT_DIRECTION: Record<DealSortKey, SortDirection> = {
  created: "desc",
  title: "asc",
  value: "desc",
  weighted: "desc",
  stage: "asc",
  owner: "asc",
  close: "asc",
  due: "asc",
};

export const DEAL_PAGE_SIZES = [25, 50, 100] as const;
export type DealPageSize = (typeof DEAL_PAGE_SIZES)[number];

/** Which date the from/to range applies to. */
export const DEAL_DATE_FIELDS = ["close", "created"] as const;
export type DealDateField = (typeof DEAL_DATE_FIELDS)[number];
export const DEAL_DATE_FIELD_LABELS: Record<DealDateField, string> = { close: "Expected close", created: "Created" };

export type DealFilters = {
  stageIds: string[];
  ownerId: string | null;
  sector: string | null;
  dateField: DealDateField;
  from: string | null;
  to: string | null;
  q: string;
  overdue: boolean;
  status: DealStatusFilter;
  sort: DealSortKey;
  dir: SortDirection;
  page: number;
  pageSize: DealPageSize;
};

export const DEFAULT_DEAL_FILTERS: DealFilters = {
  stageIds: [],
  ownerId: null,
  sector: null,
  dateField: "close",
  from: null,
  to: null,
  q: "",
  overdue: false,
  status: "open",
  sort: "created",
  dir: "desc",
  page: 1,
  pageSize: 25,
};

const MAX_STAGES = 20;
const MAX_PAGE = 100_000;

const fields = {
  stageIds: z.array(z.string()).transform((ids) => [...new Set(ids.filter((id) => z.uuid().safeParse(id).success))].slice(0, MAX_STAGES)),
  ownerId: z.uuid().nullable().catch(null),
  sector: z
    .string()
    .trim()
    .max(80)
    .nullable()
    .catch(null)
    .transform((s) => s || null),
  dateField: z.enum(DEAL_DATE_FIELDS).catch("close"),
  from: isoDateParam,
  to: isoDateParam,
  q: z
    .string()
    .trim()
    .catch("")
    .transform((s) => s.slice(0, 100)),
  overdue: z
    .literal("1")
    .nullable()
    .catch(null)
    .transform((v) => v === "1"),
  status: z.enum(DEAL_STATUS_FILTERS).catch("open"),
  sort: z.enum(DEAL_SORT_KEYS).catch("created"),
  dir: z.enum(["asc", "desc"]).nullable().catch(null),
  page: z.coerce.number().int().min(1).max(MAX_PAGE).catch(1),
  pageSize: z.coerce
    .number()
    .refine((n): n is DealPageSize => (DEAL_PAGE_SIZES as readonly number[]).includes(n))
    .catch(25),
};

/** URL search params → filters. Never throws. */
export function parseDealFilters(input: SearchParamsInput): DealFilters {
  const p = searchParamsReader(input);
  // Stages may come repeated (?stage=a&stage=b) or comma-separated (?stage=a,b).
  const stageIds = fields.stageIds.parse(p.all("stage").flatMap((s) => s.split(",")));
  const sort = fields.sort.parse(p.one("sort"));
  let from = fields.from.parse(p.one("from"));
  let to = fields.to.parse(p.one("to"));
  if (from && to && from > to) [from, to] = [to, from];
  return {
    stageIds,
    ownerId: fields.ownerId.parse(p.one("owner")),
    sector: fields.sector.parse(p.one("sector")),
    dateField: fields.dateField.parse(p.one("date")),
    from,
    to,
    q: fields.q.parse(p.one("q")),
    overdue: fields.overdue.parse(p.one("overdue")),
    status: fields.status.parse(p.one("status")),
    sort,
    dir: fields.dir.parse(p.one("dir")) ?? DEFAULT_SORT_DIRECTION[sort],
    page: fields.page.parse(p.one("page") ?? undefined),
    pageSize: fields.pageSize.parse(p.one("size") ?? undefined) as DealPageSize,
  };
}

/**
 * Filters → query string (without "?"), leaving out defaults so links stay short. `patch` changes
 * some fields first; any change other than the page itself sends the user back to page 1.
 */
export function dealFiltersToQuery(filters: DealFilters, patch: Partial<DealFilters> = {}): string {
  const f = { ...filters, ...patch };
  if (!("page" in patch) && Object.keys(patch).length > 0) f.page = 1;
  const params = new URLSearchParams();
  if (f.q) params.set("q", f.q);
  if (f.status !== DEFAULT_DEAL_FILTERS.status) params.set("status", f.status);
  for (const id of f.stageIds) params.append("stage", id);
  if (f.ownerId) params.set("owner", f.ownerId);
  if (f.sector) params.set("sector", f.sector);
  if (f.from || f.to) {
    if (f.dateField !== DEFAULT_DEAL_FILTERS.dateField) params.set("date", f.dateField);
    if (f.from) params.set("from", f.from);
    if (f.to) params.set("to", f.to);
  }
  if (f.overdue) params.set("overdue", "1");
  if (f.sort !== DEFAULT_DEAL_FILTERS.sort) params.set("sort", f.sort);
  if (f.dir !== DEFAULT_SORT_DIRECTION[f.sort]) params.set("dir", f.dir);
  if (f.pageSize !== DEFAULT_DEAL_FILTERS.pageSize) params.set("size", String(f.pageSize));
  if (f.page > 1) params.set("page", String(f.page));
  return params.toString();
}

/** True when something narrows the set (sorting, paging and the default "open" status do not). */
export function hasActiveDealFilters(f: DealFilters): boolean {
  return (
    f.stageIds.length > 0 ||
    f.ownerId !== null ||
    f.sector !== null ||
    f.from !== null ||
    f.to !== null ||
    f.q !== "" ||
    f.overdue ||
    f.status !== DEFAULT_DEAL_FILTERS.status
  );
}

/** The link target of a sortable column header: same column flips direction, a new column starts at its default. */
export function sortToggle(filters: DealFilters, key: DealSortKey): Partial<DealFilters> {
  const dir = filters.sort === key ? (filters.dir === "asc" ? "desc" : "asc") : DEFAULT_SORT_DIRECTION[key];
  return { sort: key, dir };
}
