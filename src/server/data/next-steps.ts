import "server-only";

import { and, eq, sql } from "drizzle-orm";

import { actions, deals, users } from "@/db/schema";
import { can } from "@/lib/permissions";
import type { NextActionInput } from "@/lib/schemas/deals";
import { ConflictError, NotFoundError } from "@/server/errors";
import { requirePermission, type TenantContext } from "@/server/tenant";

import { recordAudit } from "./audit";
import { inTransaction } from "./context";
import { assertNextStepOwner, type LockedDeal, setActor } from "./deal-scope";
import { type CloseInput, closeLockedDeal } from "./deal-transitions";

export type CompleteNextStepParams = { actionId: string; outcome: string; followUp: FollowUp };
export type SnoozeNextStepParams = { actionId: string; dueAt: Date; reason: string };

export type FollowUp =
  { then: "next"; next: NextActionInput } | ({ then: "won" } | { then: "lost"; lossReasonId: string; lossNote?: string | null });

/** Who may act on an action: the org's leads, the deal's owner, or the action's owner. */
function actionVisible(ctx: TenantContext) {
  return can(ctx.role, "deals.viewAll") ? sql`true` : sql`(${deals.ownerId} = ${ctx.userId} or ${actions.ownerId} = ${ctx.userId})`;
}

/**
 * Complete & plan next — the product's core transaction. The conditional UPDATE takes the row
 * lock, so of two people completing the same action at once exactly one succeeds; the other
 * re-reads the committed row and gets "already completed by X".
 */
export async function completeNextStep(ctx: TenantContext, input: CompleteNextStepParams) {
  requirePermission(ctx, "actions.complete");
  return inTransaction(ctx, async (txCtx) => {
    const tx = txCtx.db;
    await setActor(txCtx);
    const now = new Date();
    const [done] = await tx
      .update(actions)
      .set({ completedAt: now, completedBy: ctx.userId, outcome: input.outcome })
      .from(deals)
      .where(
        and(
          eq(actions.orgId, ctx.orgId),
          eq(actions.id, input.actionId),
          sql`${actions.completedAt} is null`,
          eq(deals.orgId, actions.orgId),
          eq(deals.id, actions.dealId),
          sql`${deals.deletedAt} is null`,
          actionVisible(ctx),
        ),
      )
      .returning({ dealId: actions.dealId });
    if (!done) throw await explainMissingNextStep(txCtx, { actionId: input.actionId });

    const [deal] = await tx
      .select()
      .from(deals)
      .where(and(eq(deals.orgId, ctx.orgId), eq(deals.id, done.dealId)))
      .for("update");
    if (input.followUp.then === "next") {
      const next = input.followUp.next;
      const ownerId = next.ownerId ?? deal!.ownerId;
      await assertNextStepOwner(txCtx, { userId: ownerId, dealOwnerId: deal!.ownerId, field: "followUp.next.ownerId" });
      const [created] = await tx
        .insert(actions)
        .values({
          orgId: ctx.orgId,
          dealId: deal!.id,
          ownerId,
          type: next.type,
          dueAt: next.dueAt,
          details: next.details,
          createdBy: ctx.userId,
        })
        .returning({
          id: actions.id,
          type: actions.type,
          details: actions.details,
          dueAt: actions.dueAt,
          ownerId: actions.ownerId,
          // The owner's name in the same statement: the caller shows the new step without another read.
          ownerName: sql<string>`(select ${users.name} from ${users} where ${users.id} = ${actions.ownerId})`,
        });
      await tx
        .update(deals)
        .set({ lastActivityAt: now })
        .where(and(eq(deals.orgId, ctx.orgId), eq(deals.id, deal!.id)));
      return { actionId: input.actionId, dealId: deal!.id, status: "open" as const, nextActionId: created!.id, next: created! };
    }
    const close: CloseInput =
      input.followUp.then === "won"
        ? { outcome: "won" }
        : { outcome: "lost", lossReasonId: input.followUp.lossReasonId, lossNote: input.followUp.lossNote };
    await closeLockedDeal(txCtx, { deal: deal as LockedDeal, close: close, outcomeNote: null });
    return { actionId: input.actionId, dealId: deal!.id, status: close.outcome, nextActionId: null, next: null };
  });
}

/** Turns "0 rows updated" into the precise reason: unknown/hidden, or completed by whom and when. */
async function explainMissingNextStep(ctx: TenantContext, { actionId }: { actionId: string }) {
  const [row] = await ctx.db
    .select({ completedAt: actions.completedAt, completedByName: users.name })
    .from(actions)
    .innerJoin(deals, and(eq(deals.orgId, actions.orgId), eq(deals.id, actions.dealId)))
    .leftJoin(users, eq(users.id, actions.completedBy))
    .where(and(eq(actions.orgId, ctx.orgId), eq(actions.id, actionId), sql`${deals.deletedAt} is null`, actionVisible(ctx)));
  if (!row) return new NotFoundError("Action");
  if (row.completedAt) {
    const who = row.completedByName ?? "someone";
    const when = row.completedAt.toLocaleTimeString(ctx.org.locale, { timeZone: ctx.org.timeZone, hour: "2-digit", minute: "2-digit" });
    return new ConflictError(`Already completed by ${who} at ${when}. The list now shows the current next step.`);
  }
  return new NotFoundError("Action");
}

/** Move a pending action's due time, with the reason kept on the deal's timeline. */
export async function snoozeNextStep(ctx: TenantContext, input: SnoozeNextStepParams) {
  requirePermission(ctx, "actions.complete");
  return inTransaction(ctx, async (txCtx) => {
    const tx = txCtx.db;
    const [before] = await tx
      .select({ dueAt: actions.dueAt, dealId: actions.dealId })
      .from(actions)
      .innerJoin(deals, and(eq(deals.orgId, actions.orgId), eq(deals.id, actions.dealId)))
      .where(
        and(
          eq(actions.orgId, ctx.orgId),
          eq(actions.id, input.actionId),
          sql`${actions.completedAt} is null`,
          sql`${deals.deletedAt} is null`,
          actionVisible(ctx),
        ),
      )
      .for("update", { of: actions });
    if (!before) throw await explainMissingNextStep(txCtx, { actionId: input.actionId });
    await tx
      .update(actions)
      .set({ dueAt: input.dueAt })
      .where(and(eq(actions.orgId, ctx.orgId), eq(actions.id, input.actionId)));
    await recordAudit(txCtx, {
      entity: "action",
      entityId: input.actionId,
      action: "snooze",
      before: { dueAt: before.dueAt, dealId: before.dealId },
      after: { dueAt: input.dueAt, dealId: before.dealId, reason: input.reason },
    });
    return { actionId: input.actionId, dealId: before.dealId, dueAt: input.dueAt };
  });
}
