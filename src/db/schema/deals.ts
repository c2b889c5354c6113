import "server-only";

import { type SQL, sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  check,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
  varchar,
} from "drizzle-orm/pg-core";

import { createdAt, id, updatedAt } from "./_columns";
import { organizations, users } from "./organizations";
import { lossReasons, pipelineStages } from "./pipeline";

export const dealStatus = pgEnum("deal_status", ["open", "won", "lost"]);
export const actionType = pgEnum("action_type", ["call", "email", "meeting", "task"]);

export const deals = pgTable(
  "deals",
  {
    id: id(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    /** Free-text company/person until the contacts capability lands. */
    contactName: text("contact_name").notNull(),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => users.id),
    /** Minor units (øre, cents, paise): money is never a float. */
    valueMinor: bigint("value_minor", { mode: "number" }).notNull().default(0),
    currency: varchar("currency", { length: 3 }).notNull(),
    stageId: uuid("stage_id").notNull(),
    /** Follows the stage's probability unless overridden; mirrored from the stage kind by trigger. */
    probability: integer("probability").notNull(),
    weightedMinor: bigint("weighted_minor", { mode: "number" }).generatedAlwaysAs(
      (): SQL => sql`(${deals.valueMinor} * ${deals.probability}) / 100`,
    ),
    /** Kept equal to the stage's kind by the trigger deals_sync_status: indexes and invariants read it. */
    status: dealStatus("status").notNull().default("open"),
    sector: text("sector"),
    source: text("source"),
    expectedCloseDate: date("expected_close_date", { mode: "string" }),
    lossReasonId: uuid("loss_reason_id"),
    lossNote: text("loss_note"),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    /** Kanban order within a stage (fractional: a move writes one row). */
    position: doublePrecision("position").notNull().default(0),
    stageEnteredAt: timestamp("stage_entered_at", { withTimezone: true }).notNull().defaultNow(),
    /** Time of the last completed action: the staleness signal. */
    lastActivityAt: timestamp("last_activity_at", { withTimezone: true }),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique("deals_org_id_id_key").on(t.orgId, t.id),
    foreignKey({ name: "deals_stage_fk", columns: [t.orgId, t.stageId], foreignColumns: [pipelineStages.orgId, pipelineStages.id] }),
    foreignKey({ name: "deals_loss_reason_fk", columns: [t.orgId, t.lossReasonId], foreignColumns: [lossReasons.orgId, lossReasons.id] }),
    check("deals_value_nonnegative", sql`${t.valueMinor} >= 0`),
    check("deals_probability_range", sql`${t.probability} between 0 and 100`),
    check("deals_currency_format", sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check("deals_title_length", sql`length(${t.title}) between 1 and 200`),
    check("deals_lost_has_reason", sql`${t.status} <> 'lost' or ${t.lossReasonId} is not null`),
    check("deals_closed_at_matches_status", sql`(${t.status} = 'open') = (${t.closedAt} is null)`),
    // A deal cannot close before it exists: an inverted pair made the average sales cycle negative.
    check("deals_closed_after_created", sql`${t.closedAt} is null or ${t.closedAt} >= ${t.createdAt}`),
    // Board and pipeline summaries: open deals per stage in Kanban order.
    index("deals_org_stage_position_idx")
      .on(t.orgId, t.stageId, t.position)
      .where(sql`${t.deletedAt} is null`),
    // Rep views: a rep's deals by stage.
    index("deals_org_owner_stage_idx")
      .on(t.orgId, t.ownerId, t.stageId, t.position)
      .where(sql`${t.deletedAt} is null`),
    // Deals list default order (newest first) and date-range filters.
    index("deals_org_created_idx")
      .on(t.orgId, t.createdAt)
      .where(sql`${t.deletedAt} is null`),
    index("deals_org_close_date_idx")
      .on(t.orgId, t.expectedCloseDate)
      .where(sql`${t.deletedAt} is null`),
    // Deals-list totals (count, value, weighted per currency) as an index-only scan; owner third so a
    // rep's totals are a narrow range of it.
    index("deals_org_status_owner_totals_idx")
      .on(t.orgId, t.status, t.ownerId, t.currency, t.valueMinor, t.weightedMinor)
      .where(sql`${t.deletedAt} is null`),
    // Sector filter options and the sector filter.
    index("deals_org_sector_idx")
      .on(t.orgId, t.sector)
      .where(sql`${t.deletedAt} is null`),
    // Closed deals by close time: revenue trend, leaderboard, loss reasons, "closed in the period".
    index("deals_org_closed_idx")
      .on(t.orgId, t.closedAt)
      .where(sql`${t.deletedAt} is null and ${t.closedAt} is not null`),
    // search_fold (0016): lower-cased and unaccented, so "osterbro" finds "Østerbro" and back.
    index("deals_org_search_idx").using("gin", sql`search_fold(${t.title} || ' ' || ${t.contactName}) gin_trgm_ops`),
    // The few soft-deleted deals: "pending actions of the org except on deleted deals" becomes an
    // anti-join against this tiny index instead of a join with every deal (a lead's Today counts).
    index("deals_org_deleted_idx")
      .on(t.orgId, t.id)
      .where(sql`${t.deletedAt} is not null`),
  ],
);

/** Next steps. The invariants live in the database: see drizzle/*_next-action-invariants.sql. */
export const actions = pgTable(
  "actions",
  {
    id: id(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    dealId: uuid("deal_id").notNull(),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => users.id),
    type: actionType("type").notNull(),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    details: text("details").notNull(),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    completedBy: uuid("completed_by").references(() => users.id, { onDelete: "set null" }),
    outcome: text("outcome"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({ name: "actions_deal_fk", columns: [t.orgId, t.dealId], foreignColumns: [deals.orgId, deals.id] }).onDelete("cascade"),
    // At most one pending action per deal.
    uniqueIndex("actions_one_pending_per_deal")
      .on(t.orgId, t.dealId)
      .where(sql`${t.completedAt} is null`),
    // The Today queue: one rep's pending actions by due time.
    index("actions_org_owner_pending_due_idx")
      .on(t.orgId, t.ownerId, t.dueAt)
      .where(sql`${t.completedAt} is null`),
    // Org-wide pending actions by due time (managers' queue, overdue counts).
    index("actions_org_pending_due_idx")
      .on(t.orgId, t.dueAt)
      .where(sql`${t.completedAt} is null`),
    // A deal's timeline.
    index("actions_org_deal_completed_idx").on(t.orgId, t.dealId, t.completedAt),
    check("actions_details_length", sql`length(${t.details}) between 1 and 2000`),
    check("actions_completion_consistent", sql`(${t.completedAt} is null) = (${t.completedBy} is null)`),
  ],
);

/** One row per stay of a deal in a stage (entered/exited): time in stage, velocity, conversion. */
export const dealStageHistory = pgTable(
  "deal_stage_history",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    orgId: uuid("org_id").notNull(),
    dealId: uuid("deal_id").notNull(),
    stageId: uuid("stage_id").notNull(),
    enteredAt: timestamp("entered_at", { withTimezone: true }).notNull(),
    exitedAt: timestamp("exited_at", { withTimezone: true }),
    changedBy: uuid("changed_by"),
  },
  (t) => [
    foreignKey({ name: "deal_stage_history_deal_fk", columns: [t.orgId, t.dealId], foreignColumns: [deals.orgId, deals.id] }).onDelete(
      "cascade",
    ),
    foreignKey({
      name: "deal_stage_history_stage_fk",
      columns: [t.orgId, t.stageId],
      foreignColumns: [pipelineStages.orgId, pipelineStages.id],
    }),
    index("deal_stage_history_org_deal_idx").on(t.orgId, t.dealId, t.enteredAt),
    index("deal_stage_history_org_stage_idx").on(t.orgId, t.stageId, t.enteredAt),
    uniqueIndex("deal_stage_history_one_current")
      .on(t.orgId, t.dealId)
      .where(sql`${t.exitedAt} is null`),
  ],
);
