import "server-only";

import crypto from "node:crypto";

import { and, asc, desc, eq, gt, isNull, sql } from "drizzle-orm";

import { invitations, memberships, users } from "@/db/schema";
import type { Role } from "@/lib/permissions";
import { AppError, NotFoundError, ValidationError } from "@/server/errors";
import { requirePermission, type TenantContext } from "@/server/tenant";

import { recordAudit } from "./audit";
import { inTransaction } from "./context";

const INVITATION_DAYS = 7;

export type Member = { userId: string; name: string; email: string; role: Role; joinedAt: Date };

export async function listMembers(ctx: TenantContext): Promise<Member[]> {
  return ctx.db
    .select({ userId: users.id, name: users.name, email: users.email, role: memberships.role, joinedAt: memberships.createdAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.orgId, ctx.orgId))
    .orderBy(asc(users.name));
}

export async function listPendingInvitations(ctx: TenantContext) {
  requirePermission(ctx, "members.manage");
  return ctx.db
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      expiresAt: invitations.expiresAt,
      createdAt: invitations.createdAt,
    })
    .from(invitations)
    .where(and(eq(invitations.orgId, ctx.orgId), isNull(invitations.acceptedAt), gt(invitations.expiresAt, sql`now()`)))
    .orderBy(desc(invitations.createdAt));
}

export type InviteMemberParams = { email: string; role: Role };
export type InviteOutcome = { kind: "added"; userId: string; name: string } | { kind: "invited"; invitationId: string; token: string };

/**
 * Someone who already has a Momentum account is added at once; anyone else gets an invitation
 * link (shown to the admin to pass on until outgoing email lands) to set their name and password.
 */
export async function inviteMember(ctx: TenantContext, input: InviteMemberParams): Promise<InviteOutcome> {
  requirePermission(ctx, "members.manage");
  return inTransaction(ctx, async (txCtx) => {
    const tx = txCtx.db;
    const [existing] = await tx.select({ id: users.id, name: users.name }).from(users).where(eq(users.email, input.email));
    if (existing) {
      const inserted = await tx
        .insert(memberships)
        .values({ orgId: ctx.orgId, userId: existing.id, role: input.role })
        .onConflictDoNothing()
        .returning({ userId: memberships.userId });
      // On the email field (the dotted path of the action's input), where the admin typed it.
      if (inserted.length === 0) {
        throw new AppError("CONFLICT", `${input.email} is already a member.`, { email: ["Already a member of this organization"] });
      }
      await recordAudit(txCtx, { entity: "membership", entityId: existing.id, action: "add", after: input });
      return { kind: "added", userId: existing.id, name: existing.name };
    }
    // A fresh invitation replaces an older pending one for the same address.
    await tx
      .delete(invitations)
      .where(and(eq(invitations.orgId, ctx.orgId), eq(invitations.email, input.email), isNull(invitations.acceptedAt)));
    const token = crypto.randomBytes(24).toString("base64url");
    const [inv] = await tx
      .insert(invitations)
      .values({
        orgId: ctx.orgId,
        email: input.email,
        role: input.role,
        tokenHash: hashToken(token),
        invitedBy: ctx.userId,
        expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
      })
      .returning({ id: invitations.id });
    await recordAudit(txCtx, { entity: "invitation", entityId: inv!.id, action: "create", after: input });
    return { kind: "invited", invitationId: inv!.id, token };
  });
}

export type RevokeInvitationParams = { invitationId: string };

export async function revokeInvitation(ctx: TenantContext, { invitationId }: RevokeInvitationParams) {
  requirePermission(ctx, "members.manage");
  return inTransaction(ctx, async (txCtx) => {
    const tx = txCtx.db;
    const [deleted] = await tx
      .delete(invitations)
      .where(and(eq(invitations.orgId, ctx.orgId), eq(invitations.id, invitationId), isNull(invitations.acceptedAt)))
      .returning({ id: invitations.id, email: invitations.email, role: invitations.role });
    if (!deleted) throw new NotFoundError("Invitation");
    await recordAudit(txCtx, {
      entity: "invitation",
      entityId: deleted.id,
      action: "revoke",
      before: { email: deleted.email, role: deleted.role },
    });
  });
}

export type ChangeMemberRoleParams = { userId: string; role: Role };

export async function changeMemberRole(ctx: TenantContext, input: ChangeMemberRoleParams) {
  requirePermission(ctx, "members.manage");
  return inTransaction(ctx, async (txCtx) => {
    const tx = txCtx.db;
    const before = await lockMembership(txCtx, { userId: input.userId });
    if (before.role === input.role) return;
    if (before.role === "admin") await assertAnotherAdmin(txCtx, { userId: input.userId });
    await tx
      .update(memberships)
      .set({ role: input.role })
      .where(and(eq(memberships.orgId, ctx.orgId), eq(memberships.userId, input.userId)));
    await recordAudit(txCtx, {
      entity: "membership",
      entityId: input.userId,
      action: "change_role",
      before: { role: before.role },
      after: { role: input.role },
    });
  });
}

export type RemoveMemberParams = { userId: string };

export async function removeMember(ctx: TenantContext, { userId }: RemoveMemberParams) {
  requirePermission(ctx, "members.manage");
  return inTransaction(ctx, async (txCtx) => {
    const tx = txCtx.db;
    const before = await lockMembership(txCtx, { userId });
    if (before.role === "admin") await assertAnotherAdmin(txCtx, { userId });
    await tx.delete(memberships).where(and(eq(memberships.orgId, ctx.orgId), eq(memberships.userId, userId)));
    await recordAudit(txCtx, { entity: "membership", entityId: userId, action: "remove", before: { role: before.role } });
  });
}

/**
 * Locks every admin row of the org (and the target) so two admins demoting each other at the
 * same moment cannot both succeed; the deferred trigger `memberships_last_admin` is the backstop.
 */
async function lockMembership(ctx: TenantContext, { userId }: { userId: string }) {
  const rows = await ctx.db
    .select({ userId: memberships.userId, role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.orgId, ctx.orgId), sql`(${memberships.role} = 'admin' or ${memberships.userId} = ${userId})`))
    .orderBy(asc(memberships.userId))
    .for("update");
  const target = rows.find((r) => r.userId === userId);
  if (!target) throw new NotFoundError("Member");
  return target;
}

async function assertAnotherAdmin(ctx: TenantContext, { userId }: { userId: string }) {
  const [row] = await ctx.db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(memberships)
    .where(and(eq(memberships.orgId, ctx.orgId), eq(memberships.role, "admin"), sql`${memberships.userId} <> ${userId}`));
  if ((row?.n ?? 0) === 0) throw new ValidationError("An organization must keep at least one admin. Make someone else admin first.");
}

export function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}
