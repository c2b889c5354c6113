import "server-only";

import { bigserial, boolean, index, pgTable, timestamp, varchar } from "drizzle-orm/pg-core";

/**
 * Sign-in attempts, kept in PostgreSQL so that rate limiting holds across app instances.
 * Not a tenant table: an attempt happens before anyone is in an org.
 */
export const signInAttempts = pgTable(
  "sign_in_attempts",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    email: varchar("email", { length: 254 }).notNull(),
    ip: varchar("ip", { length: 64 }).notNull(),
    succeeded: boolean("succeeded").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("sign_in_attempts_email_idx").on(t.email, t.createdAt), index("sign_in_attempts_ip_idx").on(t.ip, t.createdAt)],
);
