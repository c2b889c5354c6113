import { parseImportAmount } from "./amount";
import {
  type DateOrder,
  type DateOrderInference,
  dateOrderInference,
  type DateReading,
  type DateResult,
  inferDateOrder,
  localeDateOrder,
  parseImportDate,
} from "./dates";
import { columnsByField, type ImportField, type ImportMapping, type UnknownOwnerPolicy } from "./fields";
import { type ImportMember, ownerMatcher } from "./owners";
import type { ImportStage } from "./stages";
import { readDealStatus, stageWithStatus } from "./status";
import { type StageValueChoice, valueStageMatcher } from "./value-map";

/** A record read into deal fields, ready to write. */
export type ImportRow = {
  line: number;
  contact: string;
  title: string;
  /** False when the title was made from the client and what is sold (no title column, or a blank cell). */
  titleGiven: boolean;
  stage: ImportStage;
  /** False when the stage and status cells are blank or unmapped: new deals start in the first open stage, updates keep theirs. */
  stageGiven: boolean;
  /** Minor units; null when no column is mapped to the value. */
  valueMinor: number | null;
  sector: string | null;
  source: string | null;
  expectedCloseDate: string | null;
  /** The deal's history from the file (ISO dates): when it was created, won, lost. */
  createdDate: string | null;
  wonDate: string | null;
  lostDate: string | null;
  dateReading: DateReading | null;
  /** null: nobody named (new deals go to the importer, updates keep their owner). */
  owner: ImportMember | null;
  notes: string | null;
};

export type RowIssue = { line: number; column: string | null; value: string | null; message: string };
export type RowResult = { ok: true; row: ImportRow } | { ok: false; issues: RowIssue[] };

export type RowReaderContext = {
  headers: string[];
  mapping: ImportMapping;
  stages: ImportStage[];
  /** The value-mapping step's choices for the stage column (values not listed are matched by name). */
  stageValues?: StageValueChoice[];
  members: ImportMember[];
  currency: string;
  locale: string;
  /** The date column's order, for every row (columnDateOrder); null: each value by itself, then the locale. */
  dateOrder?: DateOrder | null;
  /** The history date columns' own orders (columnDateOrder with their field). */
  historyDateOrders?: Partial<Record<HistoryDateField, DateOrder>>;
  unknownOwner: UnknownOwnerPolicy;
  /** Lost deals need a reason; imports use the org's "Other" one (null if the org has none). */
  lossReasonId: string | null;
};

const LIMITS = { contact: 200, title: 200, sector: 80, source: 80 } as const;

/** Caches a pure function of a string, up to a few thousand distinct inputs. */
function memo<T>(fn: (raw: string) => T, limit = 5000): (raw: string) => T {
  const cache = new Map<string, T>();
  return (raw) => {
    let hit = cache.get(raw);
    if (hit === undefined && !cache.has(raw)) {
      hit = fn(raw);
      if (cache.size < limit) cache.set(raw, hit);
    }
    return hit as T;
  };
}

export type ColumnDateOrder = { order: DateOrder; inference: DateOrderInference };
export const HISTORY_DATE_FIELDS = ["createdDate", "wonDate", "lostDate"] as const;
export type HistoryDateField = (typeof HISTORY_DATE_FIELDS)[number];

/**
 * The order every numeric date of the close-date column is read with: the user's choice, else the
 * one the whole column proves, else the locale's. A column that proves both orders is read with
 * the locale's, so the rows that contradict it are refused (flagged) until the user picks one.
 */
export function columnDateOrder(
  mapping: ImportMapping,
  records: Iterable<{ cells: string[] }>,
  locale: string,
  chosen?: DateOrder | null,
  field: "expectedCloseDate" | HistoryDateField = "expectedCloseDate",
): ColumnDateOrder {
  const col = columnsByField(mapping)[field];
  const values = function* () {
    if (col === undefined) return;
    for (const r of records) yield r.cells[col] ?? "";
  };
  const inference = inferDateOrder(values());
  return { order: chosen ?? inference.order ?? localeDateOrder(locale), inference };
}

export type ImportDateOrders = { dateOrder: DateOrder; historyDateOrders: Partial<Record<HistoryDateField, DateOrder>> };

/**
 * The order of every mapped date column, from one pass over the records (a run re-reads its file
 * for this, so one pass rather than one per column): the close date's as the user chose it, else
 * as the column proves it; each history date column's as it proves it; else the locale's.
 */
export function importDateOrders(
  mapping: ImportMapping,
  records: Iterable<{ cells: string[] }>,
  locale: string,
  chosen?: DateOrder | null,
): ImportDateOrders {
  const cols = columnsByField(mapping);
  const history = HISTORY_DATE_FIELDS.filter((f) => cols[f] !== undefined);
  const scanned = [...(chosen ? [] : (["expectedCloseDate"] as const)), ...history].filter((f) => cols[f] !== undefined);
  const inferences = scanned.map((field) => ({ col: cols[field]!, field, inference: dateOrderInference() }));
  if (inferences.length > 0) {
    for (const r of records) {
      for (const { col, inference } of inferences) inference.see(r.cells[col] ?? "");
      if (inferences.every(({ inference }) => inference.settled())) break;
    }
  }
  const orderOf = (field: "expectedCloseDate" | HistoryDateField) =>
    inferences.find((i) => i.field === field)?.inference.result().order ?? localeDateOrder(locale);
  return {
    dateOrder: chosen ?? orderOf("expectedCloseDate"),
    historyDateOrders: Object.fromEntries(history.map((f) => [f, orderOf(f)])),
  };
}

/** A title as a person would write it: the client and what is sold ("Maison Lavande – Site web"), or the client alone. */
export function defaultTitle(contact: string, product: string | null): string {
  return (product ? `${contact} – ${product}` : contact).slice(0, LIMITS.title);
}

/**
 * Builds the per-row reader once (stage and owner lookups are prepared up front) and returns a
 * function that turns one record into an ImportRow, or into every issue it has, each naming the
 * file's line and column.
 */
export function rowReader(ctx: RowReaderContext): (cells: string[], line: number) => RowResult {
  const cols = columnsByField(ctx.mapping);
  // Statuses, owners and dates repeat across a file: each distinct text is read once.
  const matchStage = memo(valueStageMatcher(ctx.stages, ctx.stageValues ?? []));
  const readStatus = memo(readDealStatus);
  const matchOwner = memo(ownerMatcher(ctx.members));
  const readDate = memo((raw: string) => parseImportDate(raw, ctx.locale, ctx.dateOrder));
  const readHistoryDate = Object.fromEntries(
    HISTORY_DATE_FIELDS.map((f) => [f, memo((raw: string) => parseImportDate(raw, ctx.locale, ctx.historyDateOrders?.[f] ?? null))]),
  ) as Record<HistoryDateField, (raw: string) => DateResult>;
  const firstOpen = ctx.stages.find((s) => s.kind === "open") ?? null;

  return (cells, line) => {
    const issues: RowIssue[] = [];
    const cell = (field: ImportField) => {
      const i = cols[field];
      return i === undefined ? null : (cells[i] ?? "").trim();
    };
    const fail = (field: ImportField, message: string) => {
      const i = cols[field]!;
      issues.push({ line, column: ctx.headers[i] ?? null, value: cells[i]?.trim() || null, message });
    };
    const text = (field: "sector" | "source", label: string) => {
      const v = cell(field);
      if (v && v.length > LIMITS[field]) fail(field, `${label} is longer than ${LIMITS[field]} characters`);
      return v || null;
    };

    const contact = cell("contact");
    if (cols.contact === undefined)
      issues.push({ line, column: null, value: null, message: "No column is mapped to the contact (client)" });
    else if (!contact) fail("contact", "Client is required");
    else if (contact.length > LIMITS.contact) fail("contact", `Client is longer than ${LIMITS.contact} characters`);

    const givenTitle = cell("title");
    if (givenTitle && givenTitle.length > LIMITS.title) fail("title", `Title is longer than ${LIMITS.title} characters`);

    let stage = firstOpen;
    const stageText = cell("stage");
    let named: ImportStage | null = null;
    if (stageText) {
      named = matchStage(stageText);
      if (!named) fail("stage", `Unknown status “${stageText}”: use one of ${ctx.stages.map((s) => s.name).join(", ")}`);
    }
    const statusText = cell("status");
    const status = statusText ? readStatus(statusText) : null;
    if (statusText && !status) fail("status", `Unknown status “${statusText}”: use open, won or lost`);
    const combined = stageWithStatus(named, status, ctx.stages);
    if (!combined.ok) fail(cols.status !== undefined ? "status" : "stage", combined.message);
    else stage = combined.stage ?? (stageText ? null : firstOpen);
    if (stage?.kind === "lost" && !ctx.lossReasonId)
      fail(status === "lost" ? "status" : "stage", "Lost deals need a loss reason, and this organization has no “Other” reason");

    let valueMinor: number | null = null;
    const rawValue = cell("value");
    if (rawValue !== null) {
      const amount = parseImportAmount(rawValue, ctx.currency);
      if (amount.ok) valueMinor = amount.minor;
      else fail("value", amount.message);
    }

    let expectedCloseDate: string | null = null;
    let dateReading: DateReading | null = null;
    const rawDate = cell("expectedCloseDate");
    if (rawDate) {
      const date = readDate(rawDate);
      if (date.ok) {
        expectedCloseDate = date.iso;
        dateReading = date.reading;
      } else fail("expectedCloseDate", date.message);
    }

    const history = (field: HistoryDateField): string | null => {
      const raw = cell(field);
      if (!raw) return null;
      const date = readHistoryDate[field](raw);
      if (date.ok) return date.iso;
      fail(field, date.message);
      return null;
    };
    const [createdDate, wonDate, lostDate] = HISTORY_DATE_FIELDS.map(history) as [string | null, string | null, string | null];

    let owner: ImportMember | null = null;
    const rawOwner = cell("owner");
    if (rawOwner) {
      const match = matchOwner(rawOwner);
      if (match.ok) owner = match.member;
      else if (ctx.unknownOwner === "error") fail("owner", match.message);
    }

    const product = cell("product");
    if (product && product.length > LIMITS.title) fail("product", `Product is longer than ${LIMITS.title} characters`);
    const sector = text("sector", "Sector");
    const source = text("source", "Source");
    if (issues.length > 0 || !contact || !stage) return { ok: false, issues };
    return {
      ok: true,
      row: {
        line,
        contact,
        title: givenTitle || defaultTitle(contact, product || null),
        titleGiven: !!givenTitle,
        stage,
        stageGiven: !!stageText || (status !== null && status !== "open"),
        valueMinor,
        sector,
        source,
        expectedCloseDate,
        dateReading,
        createdDate,
        wonDate,
        lostDate,
        owner,
        notes: cell("notes") || null,
      },
    };
  };
}
