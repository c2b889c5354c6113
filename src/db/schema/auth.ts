import "server-only";

import { integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Budgets of rate-limiter-flexible's RateLimiterDrizzle store (the columns it expects): one row per
 * key (`<limiter>:<subject>`, e.g. a sign-in account or client address) with the points used and
 * when they expire. In PostgreSQL, so a budget holds across web workers and instances. Not a
 * tenant table: sign-in happens before anyone is in an org. The limiters delete rows an hour past
 * their expiry themselves.
 */
export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  points: integer("points").notNull(),
  expire: timestamp("expire", { withTimezone: true }),
});
