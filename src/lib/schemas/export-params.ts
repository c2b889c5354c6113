import { z } from "zod";

import { daysBetween, type IsoDate, shiftDate } from "@/lib/kpi/period";

import { isoDateParam } from "./search-params";

/**
 * The export links' own query parameters, shared by the buttons that build the links and the
 * route handlers that read them. Like the list filters, every parameter falls back to its default
 * when malformed: a hand-edited link still downloads something sensible.
 */
/** Excel first: it is what most people open these in. */
export const EXPORT_FORMATS = ["xlsx", "csv"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const EXPORT_FORMAT_LABELS: Record<ExportFormat, string> = { csv: "CSV", xlsx: "Excel (.xlsx)" };

/** Overrides the locale's CSV dialect (see src/server/exports/csv.ts): for scripts that want plain ",". */
export const CSV_DELIMITERS = ["comma", "semicolon"] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

/** The parameters that choose the file rather than the rows: left out when a page's filters are forwarded. */
export const FILE_PARAMS = ["format", "delimiter", "page", "size"] as const;

export function parseExportFormat(params: URLSearchParams): ExportFormat {
  return z.enum(EXPORT_FORMATS).catch("csv").parse(params.get("format"));
}

export function parseCsvDelimiter(params: URLSearchParams): CsvDelimiter | null {
  return z.enum(CSV_DELIMITERS).nullable().catch(null).parse(params.get("delimiter"));
}

/** The dashboard's tables that export (one file each, for the dashboard's URL filters). */
export const DASHBOARD_TABLES = ["deadlines", "leaderboard", "sectors", "funnel"] as const;
export type DashboardTable = (typeof DASHBOARD_TABLES)[number];
export const DASHBOARD_TABLE_LABELS: Record<DashboardTable, string> = {
  deadlines: "Deadlines",
  leaderboard: "Rep leaderboard",
  sectors: "Sectors",
  funnel: "Funnel",
};

/** Actions export: which actions (pending, completed or both) and a range of org-zone calendar days. */
export const ACTION_EXPORT_STATUSES = ["all", "pending", "completed"] as const;
export type ActionExportStatus = (typeof ACTION_EXPORT_STATUSES)[number];
export const ACTION_EXPORT_STATUS_LABELS: Record<ActionExportStatus, string> = {
  all: "All",
  pending: "Pending only",
  completed: "Completed only",
};

export type ActionExportFilters = {
  status: ActionExportStatus;
  /** Inclusive days, applied to the due time of pending actions and the completion time of completed ones. */
  from: IsoDate | null;
  to: IsoDate | null;
  /** The action's owner; a rep's export is limited to their own deals whatever this says. */
  ownerId: string | null;
};

export function parseActionExportFilters(params: URLSearchParams): ActionExportFilters {
  let from = isoDateParam.parse(params.get("from"));
  let to = isoDateParam.parse(params.get("to"));
  if (from && to && from > to) [from, to] = [to, from];
  return {
    status: z.enum(ACTION_EXPORT_STATUSES).catch("all").parse(params.get("status")),
    from,
    to,
    ownerId: z.uuid().nullable().catch(null).parse(params.get("owner")),
  };
}

export function actionExportFiltersToQuery(f: ActionExportFilters): string {
  const p = new URLSearchParams();
  if (f.status !== "all") p.set("status", f.status);
  if (f.from) p.set("from", f.from);
  if (f.to) p.set("to", f.to);
  if (f.ownerId) p.set("owner", f.ownerId);
  return p.toString();
}

/** Monthly report: ?month=YYYY-MM, defaulting to the current month (to date) in the org's zone. */
export type ReportMonth = string;

export function parseReportMonth(value: string | null, today: IsoDate): ReportMonth {
  const month = z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .refine((m) => m >= "2000-01" && m <= "2999-12")
    .nullable()
    .catch(null)
    .parse(value);
  return month ?? today.slice(0, 7);
}

/** First and last day of the month. */
export function monthRange(month: ReportMonth): { from: IsoDate; to: IsoDate; days: number } {
  const from = `${month}-01`;
  const [year, m] = month.split("-").map(Number) as [number, number];
  const next = m === 12 ? `${year + 1}-01-01` : `${year}-${String(m + 1).padStart(2, "0")}-01`;
  const to = shiftDate(next, -1);
  return { from, to, days: daysBetween(from, to) + 1 };
}

/** The month picker's choices: this month first, then the `count - 1` before it. */
export function recentMonths(today: IsoDate, count = 24): ReportMonth[] {
  const [year, month] = today.split("-").map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const total = year * 12 + (month - 1) - i;
    return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, "0")}`;
  });
}

/** "rendetalje-deals-2026-11-21.xlsx": the org, what, the org-zone day, the format. */
export function exportFileName(orgSlug: string, what: string, day: string, extension: string): string {
  return `${orgSlug}-${what}-${day}.${extension}`;
}
