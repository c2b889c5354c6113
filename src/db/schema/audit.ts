import "server-only";

import { bigserial, index, jsonb, pgTable, text, timestamp, uuid, varchar } from "drizzle-orm/pg-core";

import { organizations, users } from "./organizations";

/** Who changed what, with the before/after images, per org. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    entity: varchar("entity", { length: 40 }).notNull(),
    entityId: text("entity_id").notNull(),
    action: varchar("action", { length: 40 }).notNull(),
    before: jsonb("before"),
    after: jsonb("after"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("audit_log_org_created_idx").on(t.orgId, t.createdAt), index("audit_log_org_entity_idx").on(t.orgId, t.entity, t.entityId)],
);
