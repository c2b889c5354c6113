import "server-only";

import crypto from "node:crypto";

import { eq, ne, sql } from "drizzle-orm";
import type { z } from "zod";

import { setupTokens, users } from "@/db/schema";
import type { setupSchema } from "@/lib/schemas/setup";
import { hashPassword } from "@/server/auth/password";
import { NotFoundError } from "@/server/errors";

import { recordAudit } from "./audit";
import { type DbContext, inTransaction } from "./context";
import { hashToken } from "./members";
import { createOrganization } from "./organizations";

/**
 * The first run: while the database has no user, the server prints a one-time setup link, and the
 * setup page behind it creates the first organization and its admin. Unscoped by design: there is
 * no org yet, and the link's token is the credential (only its hash is stored).
 */
export type SetupParams = z.output<typeof setupSchema>;

/**
 * A fresh setup token when the database has no user (null otherwise). Every earlier token stops
 * working: only the link of the latest start is valid. Called by the primary at start.
 */
export async function unsafeIssueSetupToken(ctx: DbContext): Promise<string | null> {
  return inTransaction(ctx, async ({ db }) => {
    if (await anyUser({ db })) return null;
    const token = crypto.randomBytes(32).toString("base64url");
    const tokenHash = hashToken(token);
    await db.insert(setupTokens).values({ tokenHash });
    await db.delete(setupTokens).where(ne(setupTokens.tokenHash, tokenHash));
    return token;
  });
}

export type SetupTokenParams = { token: string };

/** Whether the setup page may be shown: the token is the current one and no user exists yet. */
export async function unsafeIsSetupOpen({ db }: DbContext, { token }: SetupTokenParams): Promise<boolean> {
  const [row] = await db.execute<{ open: boolean }>(
    sql`select exists (select 1 from ${setupTokens} where ${setupTokens.tokenHash} = ${hashToken(token)})
      and not exists (select 1 from ${users}) as open`,
  );
  return row?.open === true;
}

/**
 * Creates the first admin, their organization (default pipeline and all) and the admin
 * membership in one transaction that also uses up the token. The token's row lock orders
 * concurrent submits: the first commits and deletes it, and every other then finds no token.
 * Refused as not found, like the page, when the token is wrong or used, or a user exists.
 */
export async function unsafeCompleteSetup(ctx: DbContext, params: SetupParams): Promise<{ orgSlug: string; email: string }> {
  const passwordHash = await hashPassword(params.admin.password);
  return inTransaction(ctx, async (txCtx) => {
    const { db } = txCtx;
    const [token] = await db
      .select({ tokenHash: setupTokens.tokenHash })
      .from(setupTokens)
      .where(eq(setupTokens.tokenHash, hashToken(params.token)))
      .for("update");
    if (!token || (await anyUser(txCtx))) throw new NotFoundError("This setup link");
    const { email, name } = params.admin;
    const [user] = await db.insert(users).values({ email, name, passwordHash }).returning({ id: users.id });
    const org = await createOrganization({ db, userId: user!.id }, params);
    await db.delete(setupTokens).where(eq(setupTokens.tokenHash, token.tokenHash));
    await recordAudit(
      { db, orgId: org.id, userId: user!.id },
      { entity: "user", entityId: user!.id, action: "setup", after: { email, name, role: "admin" } },
    );
    return { orgSlug: org.slug, email };
  });
}

async function anyUser({ db }: DbContext): Promise<boolean> {
  const [row] = await db.select({ id: users.id }).from(users).limit(1);
  return row !== undefined;
}
