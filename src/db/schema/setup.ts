import "server-only";

import { pgTable, varchar } from "drizzle-orm/pg-core";

import { createdAt } from "./_columns";

/**
 * The one-time setup link's token, as a SHA-256 hash (a leaked database does not leak a usable
 * link). The primary writes a fresh one at each start while the database has no user, so only the
 * link printed by the latest start works; the setup that creates the first admin deletes it.
 * Not a tenant table: it exists before any org.
 */
export const setupTokens = pgTable("setup_tokens", {
  tokenHash: varchar("token_hash", { length: 64 }).primaryKey(),
  createdAt: createdAt(),
});
