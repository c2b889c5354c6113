import "server-only";

import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from "drizzle-orm/pg-core";

import { createdAt, id, updatedAt } from "./_columns";

export const memberRole = pgEnum("member_role", ["admin", "manager", "rep"]);

export const organizations = pgTable(
  "organizations",
  {
    id: id(),
    name: text("name").notNull(),
    slug: varchar("slug", { length: 64 }).notNull(),
    currency: varchar("currency", { length: 3 }).notNull().default("EUR"),
    locale: varchar("locale", { length: 16 }).notNull().default("en-GB"),
    timeZone: varchar("time_zone", { length: 64 }).notNull().default("UTC"),
    /** Basis points: 2500 = 25 %. An integer so that tax maths never meets a float. */
    defaultTaxRateBp: integer("default_tax_rate_bp").notNull().default(0),
    saleNumberPrefix: varchar("sale_number_prefix", { length: 12 }).notNull().default("S"),
    /**
     * Bumped after every committed change to the org's data (src/server/data-changes.ts). Read with
     * the tenant on every request, it tells each process's caches of derived figures whether they
     * are still current, so a change made through one web worker is seen at once through another.
     */
    dataVersion: bigint("data_version", { mode: "number" }).notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("organizations_slug_key").on(t.slug),
    check("organizations_slug_format", sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
    check("organizations_currency_format", sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check("organizations_tax_rate_range", sql`${t.defaultTaxRateBp} between 0 and 10000`),
  ],
);

export const users = pgTable(
  "users",
  {
    id: id(),
    /** Always stored lower-cased and trimmed (normalised in src/lib/email.ts). */
    email: varchar("email", { length: 254 }).notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    /**
     * A session token carries the version it was issued at and is refused once this moves on:
     * sign-out, "sign out everywhere", a password change and removal from the last org bump it
     * (src/server/data/sessions.ts). Checked on the queries a request runs anyway (tenant.ts).
     */
    sessionVersion: integer("session_version").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("users_email_key").on(t.email), check("users_email_lowercase", sql`${t.email} = lower(${t.email})`)],
);

/**
 * One-time links an org admin issues to set a member's password (shown to the admin until outgoing
 * email exists). Only the token's SHA-256 is stored; a link works once (used_at) and expires.
 */
export const passwordResets = pgTable(
  "password_resets",
  {
    tokenHash: varchar("token_hash", { length: 64 }).primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The org whose admin issued it (for the audit trail). */
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index("password_resets_user_idx").on(t.userId)],
);

export const memberships = pgTable(
  "memberships",
  {
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: memberRole("role").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.userId] }), index("memberships_user_idx").on(t.userId)],
);

export const invitations = pgTable(
  "invitations",
  {
    id: id(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    email: varchar("email", { length: 254 }).notNull(),
    role: memberRole("role").notNull(),
    /** SHA-256 of the token in the link: a leaked database does not leak usable links. */
    tokenHash: varchar("token_hash", { length: 64 }).notNull(),
    invitedBy: uuid("invited_by").references(() => users.id, { onDelete: "set null" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("invitations_token_hash_key").on(t.tokenHash),
    index("invitations_org_idx").on(t.orgId, t.createdAt),
    uniqueIndex("invitations_org_email_pending_key")
      .on(t.orgId, t.email)
      .where(sql`${t.acceptedAt} is null`),
  ],
);
