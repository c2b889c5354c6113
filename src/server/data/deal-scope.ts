import "server-only";

import { and, eq, isNull, type SQL, sql } from "drizzle-orm";

import type { DbOrTx } from "@/db/client";
import { deals, memberships } from "@/db/schema";
import { can, type Role } from "@/lib/permissions";
import { NotFoundError, ValidationError } from "@/server/errors";
import type { TenantContext } from "@/server/tenant";

/**
 * Which deals the actor may see: the org's (always first), not deleted, and for reps only their own.
 * Every deal read and write starts from this condition, so a foreign or hidden id is "not found".
 */
export function visibleDeals(ctx: TenantContext, options: { includeDeleted?: boolean } = {}): SQL {
  return and(
    eq(deals.orgId, ctx.orgId),
    options.includeDeleted ? undefined : isNull(deals.deletedAt),
    can(ctx.role, "deals.viewAll") ? undefined : eq(deals.ownerId, ctx.userId),
  )!;
}

/** Makes the actor visible to the database triggers that write deal_stage_history. */
export async function setActor(tx: DbOrTx, ctx: TenantContext) {
  await tx.execute(sql`select set_config('momentum.actor_id', ${ctx.userId}, true)`);
}

export type LockedDeal = typeof deals.$inferSelect;

/** Row-locks a visible deal for the rest of the transaction. */
export async function lockDeal(tx: DbOrTx, ctx: TenantContext, dealId: string): Promise<LockedDeal> {
  const [deal] = await tx
    .select()
    .from(deals)
    .where(and(visibleDeals(ctx), eq(deals.id, dealId)))
    .for("update");
  if (!deal) throw new NotFoundError("Deal");
  return deal;
}

/** Owners and action owners must be members of the org; reps may only assign to themselves. */
export async function assertAssignable(tx: DbOrTx, ctx: TenantContext, userId: string, field: string): Promise<Role> {
  if (!can(ctx.role, "deals.viewAll") && userId !== ctx.userId) {
    throw new ValidationError("Sales reps can only assign deals and actions to themselves.", { [field]: ["Only yourself"] });
  }
  if (userId === ctx.userId) return ctx.role;
  const [member] = await tx
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.orgId, ctx.orgId), eq(memberships.userId, userId)));
  if (!member) throw new ValidationError("That person is not a member of this organization.", { [field]: ["Not a member"] });
  return member.role;
}

/**
 * A deal's next step belongs to its owner, or to a manager/admin (who see every deal). A rep who
 * does not own the deal could not see it — the step would vanish from every rep's queue — so
 * that assignment is refused: reassign the deal instead.
 */
export async function assertActionOwner(tx: DbOrTx, ctx: TenantContext, userId: string, dealOwnerId: string, field: string) {
  if (userId === dealOwnerId) return;
  const role = await assertAssignable(tx, ctx, userId, field);
  if (!can(role, "deals.viewAll")) {
    throw new ValidationError("A rep can only hold next steps on their own deals. Reassign the deal instead.", {
      [field]: ["Not this deal's owner"],
    });
  }
}
