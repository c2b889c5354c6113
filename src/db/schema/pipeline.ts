import "server-only";

import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgEnum, pgTable, text, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";

import { createdAt, id } from "./_columns";
import { organizations } from "./organizations";

export const stageKind = pgEnum("stage_kind", ["open", "won", "lost"]);

/** The org's pipeline. Exactly one won and one lost stage; open stages are ordered by position. */
export const pipelineStages = pgTable(
  "pipeline_stages",
  {
    id: id(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    position: integer("position").notNull(),
    probability: integer("probability").notNull(),
    kind: stageKind("kind").notNull().default("open"),
    /** A deal whose last completed action is older than this many days is "stale" in this stage. */
    staleAfterDays: integer("stale_after_days").notNull().default(10),
    /**
     * The first next step of a deal imported into this open stage ("Send the proposal" for Proposal).
     * Null: the step the stage's name suggests (src/lib/import/first-steps.ts), else the import's own.
     */
    firstStep: text("first_step"),
    createdAt: createdAt(),
  },
  (t) => [
    // Lets deals reference (org_id, stage_id) so a deal can never point at another org's stage.
    unique("pipeline_stages_org_id_id_key").on(t.orgId, t.id),
    uniqueIndex("pipeline_stages_org_name_key").on(t.orgId, sql`lower(${t.name})`),
    index("pipeline_stages_org_position_idx").on(t.orgId, t.position),
    uniqueIndex("pipeline_stages_one_won_key")
      .on(t.orgId)
      .where(sql`${t.kind} = 'won'`),
    uniqueIndex("pipeline_stages_one_lost_key")
      .on(t.orgId)
      .where(sql`${t.kind} = 'lost'`),
    check("pipeline_stages_probability_range", sql`${t.probability} between 0 and 100`),
    check("pipeline_stages_stale_days_range", sql`${t.staleAfterDays} between 1 and 365`),
    check("pipeline_stages_name_length", sql`length(${t.name}) between 1 and 40`),
    check("pipeline_stages_first_step_length", sql`length(${t.firstStep}) between 1 and 200`),
  ],
);

/** Why deals are lost: a per-org list (free notes go on the deal). */
export const lossReasons = pgTable(
  "loss_reasons",
  {
    id: id(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    label: text("label").notNull(),
    position: integer("position").notNull().default(0),
    active: boolean("active").notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [
    unique("loss_reasons_org_id_id_key").on(t.orgId, t.id),
    uniqueIndex("loss_reasons_org_label_key").on(t.orgId, sql`lower(${t.label})`),
  ],
);
