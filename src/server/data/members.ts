import "server-only";

import crypto from "node:crypto";

import { and, asc, desc, eq, gt, isNull, sql } from "drizzle-orm";

import { actions, deals, invitations, memberships, users } from "@/db/schema";
import { can, type Role } from "@/lib/permissions";
import { AppError, NotFoundError, ValidationError } from "@/server/errors";
import { requirePermission, type TenantContext } from "@/server/tenant";

import { recordAudit } from "./audit";
import { inTransaction } from "./context";
import { setActor } from "./deal-scope";
import { unsafeEndSessionsIfNoOrgLeft } from "./sessions";

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
/** One shape whatever the email: the response must not tell whether the address has an account. */
export type InviteOutcome = { kind: "invited"; invitationId: string; token: string };

/**
 * Everyone joins through the invitation link (shown to the admin to pass on until outgoing email
 * lands) and accepts it themselves: with a new account, or by signing in to their existing one.
 * Only an address that is already a member of this org is refused (the admin sees the members).
 */
export async function inviteMember(ctx: TenantContext, input: InviteMemberParams): Promise<InviteOutcome> {
  requirePermission(ctx, "members.manage");
  return inTransaction(ctx, async (txCtx) => {
    const tx = txCtx.db;
    const [member] = await tx
      .select({ id: users.id })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.orgId, ctx.orgId), eq(users.email, input.email)));
    // On the email field (the dotted path of the action's input), where the admin typed it.
    if (member) throw new AppError("CONFLICT", `${input.email} is already a member.`, { email: ["Already a member of this organization"] });
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

/** `handoffTo` takes over the member's open deals and pending next steps; default: the admin removing them. */
export type RemoveMemberParams = { userId: string; handoffTo?: string };

export async function removeMember(ctx: TenantContext, { userId, handoffTo = ctx.userId }: RemoveMemberParams) {
  requirePermission(ctx, "members.manage");
  return inTransaction(ctx, async (txCtx) => {
    const tx = txCtx.db;
    const before = await lockMembership(txCtx, { userId });
    if (before.role === "admin") await assertAnotherAdmin(txCtx, { userId });
    await handOffWork(txCtx, { from: userId, to: handoffTo });
    await tx.delete(memberships).where(and(eq(memberships.orgId, ctx.orgId), eq(memberships.userId, userId)));
    // Removed from their last org: their sessions end with it (in this transaction, so both or neither).
    await unsafeEndSessionsIfNoOrgLeft(txCtx, { userId });
    await recordAudit(txCtx, { entity: "membership", entityId: userId, action: "remove", before: { role: before.role } });
  });
}

/**
 * Moves a leaving member's open deals (deleted ones too, so a restore brings back no orphan) and
 * pending next steps, so none of them drops out of every queue. A step on someone else's deal
 * goes to the target only if they may see every deal; otherwise it follows that deal's owner.
 */
async function handOffWork(ctx: TenantContext, { from, to }: { from: string; to: string }) {
  const [target] =
    to === from
      ? []
      : await ctx.db
          .select({ role: memberships.role })
          .from(memberships)
          .where(and(eq(memberships.orgId, ctx.orgId), eq(memberships.userId, to)))
          .for("share");
  if (to !== from && !target)
    throw new ValidationError("That person is not a member of this organization.", { handoffTo: ["Not a member"] });
  await setActor(ctx);
  const moved = await ctx.db
    .update(deals)
    .set({ ownerId: to })
    .where(and(eq(deals.orgId, ctx.orgId), eq(deals.ownerId, from), eq(deals.status, "open")))
    .returning({ id: deals.id });
  const targetSeesAll = target ? can(target.role, "deals.viewAll") : false;
  const steps = await ctx.db
    .update(actions)
    .set({ ownerId: sql`case when ${targetSeesAll} or ${deals.ownerId} = ${to} then ${to}::uuid else ${deals.ownerId} end` })
    .from(deals)
    .where(
      and(
        eq(actions.orgId, ctx.orgId),
        eq(actions.ownerId, from),
        isNull(actions.completedAt),
        eq(deals.orgId, actions.orgId),
        eq(deals.id, actions.dealId),
      ),
    )
    .returning({ id: actions.id, ownerId: actions.ownerId });
  // Checked after the updates (the transaction rolls them back): with nothing to hand over, a
  // leaving admin needs no one to take over.
  if (to === from && moved.length + steps.length > 0) {
    throw new ValidationError("Choose who takes over the open deals and next steps.", { handoffTo: ["Choose someone who stays"] });
  }
  await recordAudit(ctx, [
    ...moved.map(({ id }) => ({ entity: "deal", entityId: id, action: "update", before: { ownerId: from }, after: { ownerId: to } })),
    ...steps.map((step) => ({
      entity: "action",
      entityId: step.id,
      action: "update",
      before: { ownerId: from },
      after: { ownerId: step.ownerId },
    })),
  ]);
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
