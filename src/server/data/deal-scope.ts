import "server-only";

import { and, eq, isNull, type SQL, sql } from "drizzle-orm";

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
export async function setActor(ctx: TenantContext) {
  await ctx.db.execute(sql`select set_config('momentum.actor_id', ${ctx.userId}, true)`);
}

export type LockedDeal = typeof deals.$inferSelect;

export type DealIdParams = { dealId: string };

/** Row-locks a visible deal for the rest of the transaction (`ctx.db`). */
export async function lockDeal(ctx: TenantContext, { dealId }: DealIdParams): Promise<LockedDeal> {
  const [deal] = await ctx.db
    .select()
    .from(deals)
    .where(and(visibleDeals(ctx), eq(deals.id, dealId)))
    .for("update");
  if (!deal) throw new NotFoundError("Deal");
  return deal;
}

/** `field` is the form field an error is reported on (a dotted path, e.g. "firstAction.ownerId"). */
export type AssignParams = { userId: string; field: string };

/** Owners and next-step owners must be members of the org; reps may only assign to themselves. */
export async function assertAssignable(ctx: TenantContext, { userId, field }: AssignParams): Promise<Role> {
  if (!can(ctx.role, "deals.viewAll") && userId !== ctx.userId) {
    throw new ValidationError("Sales reps can only assign deals and actions to themselves.", { [field]: ["Only yourself"] });
  }
  if (userId === ctx.userId) return ctx.role;
  const [member] = await ctx.db
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
export async function assertNextStepOwner(ctx: TenantContext, { userId, dealOwnerId, field }: AssignParams & { dealOwnerId: string }) {
  if (userId === dealOwnerId) return;
  const role = await assertAssignable(ctx, { userId, field });
  if (!can(role, "deals.viewAll")) {
    throw new ValidationError("A rep can only hold next steps on their own deals. Reassign the deal instead.", {
      [field]: ["Not this deal's owner"],
    });
  }
}
