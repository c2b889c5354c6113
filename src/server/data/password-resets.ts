import "server-only";

import crypto from "node:crypto";

import { and, eq, gt, isNull, ne, sql } from "drizzle-orm";

import { memberships, passwordResets, users } from "@/db/schema";
import { hashPassword } from "@/server/auth/password";
import { NotFoundError, ValidationError } from "@/server/errors";
import { requirePermission, type TenantContext } from "@/server/tenant";

import { recordAudit } from "./audit";
import { type DbContext, inTransaction } from "./context";
import { hashToken } from "./members";
import { unsafeEndSessions } from "./sessions";

const RESET_HOURS = 24;

export type IssuePasswordResetParams = { userId: string };
export type PasswordResetLink = { token: string; expiresAt: Date };

/**
 * An admin issues a one-time link to set a member's password (shown to the admin to pass on until
 * outgoing email exists). A newer link replaces older unused ones. Refused for a member who also
 * belongs to an org the admin does not administer: the account (and so the way into that org) is
 * not this admin's to take over. Your own password is changed on the profile.
 */
export async function issuePasswordReset(ctx: TenantContext, { userId }: IssuePasswordResetParams): Promise<PasswordResetLink> {
  requirePermission(ctx, "members.manage");
  if (userId === ctx.userId) {
    throw new ValidationError("Change your own password on your profile.", { userId: ["That is you"] });
  }
  return inTransaction(ctx, async (txCtx) => {
    const tx = txCtx.db;
    const [member] = await tx
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.orgId, ctx.orgId), eq(memberships.userId, userId)));
    if (!member) throw new NotFoundError("Member");
    const [elsewhere] = await tx
      .select({ orgId: memberships.orgId })
      .from(memberships)
      .where(
        and(
          eq(memberships.userId, userId),
          ne(memberships.orgId, ctx.orgId),
          sql`not exists (select 1 from ${memberships} mine where mine.org_id = ${memberships.orgId}
                and mine.user_id = ${ctx.userId} and mine.role = 'admin')`,
        ),
      )
      .limit(1);
    if (elsewhere) {
      throw new ValidationError("This member also belongs to another organization: only they can change their password.", {
        userId: ["Member of another organization"],
      });
    }
    await tx.delete(passwordResets).where(and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt)));
    const token = crypto.randomBytes(24).toString("base64url");
    const expiresAt = new Date(Date.now() + RESET_HOURS * 3_600_000);
    await tx.insert(passwordResets).values({ tokenHash: hashToken(token), userId, orgId: ctx.orgId, createdBy: ctx.userId, expiresAt });
    await recordAudit(txCtx, { entity: "membership", entityId: userId, action: "issue_password_reset", after: { expiresAt } });
    return { token, expiresAt };
  });
}

export type PasswordResetTokenParams = { token: string };

/** The account a reset link is for, while it works (not used, not expired); else undefined. */
export async function unsafeFindPasswordReset(ctx: DbContext, { token }: PasswordResetTokenParams) {
  const [row] = await ctx.db
    .select({ email: users.email, name: users.name })
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .where(and(eq(passwordResets.tokenHash, hashToken(token)), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, sql`now()`)));
  return row;
}

export type ResetPasswordParams = PasswordResetTokenParams & { password: string };

/**
 * Sets the password through a link and uses the link up (the conditional UPDATE lets one of two
 * simultaneous uses win). Every session of the account ends: whoever held it before is out.
 */
export async function unsafeResetPassword(ctx: DbContext, { token, password }: ResetPasswordParams): Promise<{ email: string }> {
  return inTransaction(ctx, async (txCtx) => {
    const [reset] = await txCtx.db
      .update(passwordResets)
      .set({ usedAt: sql`now()` })
      .where(and(eq(passwordResets.tokenHash, hashToken(token)), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, sql`now()`)))
      .returning({ userId: passwordResets.userId });
    if (!reset) throw new NotFoundError("This reset link");
    const [user] = await txCtx.db
      .update(users)
      .set({ passwordHash: await hashPassword(password) })
      .where(eq(users.id, reset.userId))
      .returning({ email: users.email });
    await unsafeEndSessions(txCtx, { userId: reset.userId });
    return { email: user!.email };
  });
}
