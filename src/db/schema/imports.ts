import "server-only";

import { sql } from "drizzle-orm";
import {
  bigserial,
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
  varchar,
} from "drizzle-orm/pg-core";

import { createdAt, id, updatedAt } from "./_columns";
import { deals } from "./deals";
import { organizations, users } from "./organizations";

/** draft: uploaded, being mapped · queued/running: the job · completed | failed · reverted (terminal). */
export const importStatus = pgEnum("import_status", ["draft", "queued", "running", "completed", "failed", "reverted"]);
/** What happens to rows that match an existing deal (see src/lib/import/fields.ts). */
export const importMode = pgEnum("import_mode", ["create", "create_update", "update_only"]);
export const importChangeKind = pgEnum("import_change_kind", ["created", "updated"]);
/** invalid: the row could not be read; skipped: readable, but deliberately not imported (duplicate, locked…). */
export const importIssueKind = pgEnum("import_issue_kind", ["invalid", "skipped"]);

/** One uploaded CSV file and, once started, its run: mapping, options, progress and outcome. */
export const imports = pgTable(
  "imports",
  {
    id: id(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    fileName: text("file_name").notNull(),
    fileSize: integer("file_size").notNull(),
    encoding: varchar("encoding", { length: 20 }).notNull(),
    delimiter: varchar("delimiter", { length: 2 }).notNull(),
    /** The header row as written in the file, and its first records for the mapping preview. */
    headers: jsonb("headers").$type<string[]>().notNull(),
    sample: jsonb("sample").$type<{ line: number; cells: string[] }[]>().notNull(),
    /** The decoded file, kept until the run completes (the job reads it; a failed run can be retried). */
    source: text("source"),
    /**
     * Per column, its distinct values with their counts (most frequent first), read once at upload
     * for the value-mapping step; null for a column with too many distinct values to map one by one.
     */
    valueCounts: jsonb("value_counts").$type<({ value: string; count: number }[] | null)[]>(),
    mapping: jsonb("mapping").$type<(string | null)[]>(),
    options: jsonb("options").$type<Record<string, unknown>>(),
    mode: importMode("mode").notNull().default("create"),
    status: importStatus("status").notNull().default("draft"),
    totalRows: integer("total_rows").notNull(),
    processedRows: integer("processed_rows").notNull().default(0),
    createdCount: integer("created_count").notNull().default(0),
    updatedCount: integer("updated_count").notNull().default(0),
    skippedCount: integer("skipped_count").notNull().default(0),
    failedCount: integer("failed_count").notNull().default(0),
    error: text("error"),
    queuedAt: timestamp("queued_at", { withTimezone: true }),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    revertedAt: timestamp("reverted_at", { withTimezone: true }),
    revertedBy: uuid("reverted_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique("imports_org_id_id_key").on(t.orgId, t.id),
    // The history page: newest first.
    index("imports_org_created_idx").on(t.orgId, t.createdAt),
    check(
      "imports_counts_nonnegative",
      sql`least(${t.totalRows}, ${t.processedRows}, ${t.createdCount}, ${t.updatedCount}, ${t.skippedCount}, ${t.failedCount}) >= 0`,
    ),
  ],
);

/** The per-row report: which file line and column, and why it was not imported. */
export const importRowErrors = pgTable(
  "import_row_errors",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    orgId: uuid("org_id").notNull(),
    importId: uuid("import_id").notNull(),
    kind: importIssueKind("kind").notNull(),
    /** Line in the file where the record starts (1 = the header). */
    line: integer("line").notNull(),
    /** The file's column header, or null when the issue concerns the whole row. */
    column: text("column"),
    value: text("value"),
    message: text("message").notNull(),
  },
  (t) => [
    foreignKey({
      name: "import_row_errors_import_fk",
      columns: [t.orgId, t.importId],
      foreignColumns: [imports.orgId, imports.id],
    }).onDelete("cascade"),
    index("import_row_errors_org_import_line_idx").on(t.orgId, t.importId, t.line),
  ],
);

/**
 * The deals an import updated, each with its before-image (restored on revert) and the fingerprint
 * of the deal and its pending action as the import left them (revert refuses if it changed since).
 * Deals an import created are listed per batch in import_created_batches instead.
 */
export const importChanges = pgTable(
  "import_changes",
  {
    orgId: uuid("org_id").notNull(),
    importId: uuid("import_id").notNull(),
    dealId: uuid("deal_id").notNull(),
    kind: importChangeKind("kind").notNull(),
    before: jsonb("before"),
    afterHash: text("after_hash").notNull(),
  },
  (t) => [
    primaryKey({ name: "import_changes_pkey", columns: [t.orgId, t.importId, t.dealId] }),
    foreignKey({ name: "import_changes_import_fk", columns: [t.orgId, t.importId], foreignColumns: [imports.orgId, imports.id] }).onDelete(
      "cascade",
    ),
    foreignKey({ name: "import_changes_deal_fk", columns: [t.orgId, t.dealId], foreignColumns: [deals.orgId, deals.id] }).onDelete(
      "cascade",
    ),
    // Deleting a deal cascades here: without this index every deleted deal would scan the table.
    index("import_changes_org_deal_idx").on(t.orgId, t.dealId),
  ],
);

/**
 * The deals an import created, one row per batch of up to 2 000: writing one change row per created
 * deal (with its foreign-key check and row lock on the deal) cost more than a tenth of a 100 000-row
 * import. after_hash fingerprints the whole batch (every deal and its pending action, in id order),
 * so revert can still refuse when any of them has changed since.
 */
export const importCreatedBatches = pgTable(
  "import_created_batches",
  {
    orgId: uuid("org_id").notNull(),
    importId: uuid("import_id").notNull(),
    batch: integer("batch").notNull(),
    dealIds: uuid("deal_ids").array().notNull(),
    afterHash: text("after_hash").notNull(),
  },
  (t) => [
    primaryKey({ name: "import_created_batches_pkey", columns: [t.orgId, t.importId, t.batch] }),
    foreignKey({
      name: "import_created_batches_import_fk",
      columns: [t.orgId, t.importId],
      foreignColumns: [imports.orgId, imports.id],
    }).onDelete("cascade"),
  ],
);
