import "server-only";

import { and, eq, inArray, sql } from "drizzle-orm";

import { actions, deals, lossReasons } from "@/db/schema";
import { positionBetween, probabilityOnStageChange } from "@/lib/deals/rules";
import type { NextActionInput } from "@/lib/schemas/deals";
import { ConflictError, ValidationError } from "@/server/errors";
import { requirePermission, type TenantContext } from "@/server/tenant";

import { recordAudit } from "./audit";
import { inTransaction } from "./context";
import { assertNextStepOwner, lockDeal, type LockedDeal, setActor } from "./deal-scope";
import { findStageOfKind, getStage } from "./stages";

export type CloseInput = { outcome: "won" } | { outcome: "lost"; lossReasonId: string; lossNote?: string | null };

export type CloseLockedDealParams = { deal: LockedDeal; close: CloseInput; outcomeNote: string | null };

/**
 * Closing a deal closes its pending next step in the same transaction (recorded as completed with
 * the closing as outcome), so the database invariant "closed deals have no pending action" holds.
 * The deal was locked (lockDeal) in the transaction that `ctx.db` is.
 */
export async function closeLockedDeal(ctx: TenantContext, { deal, close, outcomeNote }: CloseLockedDealParams) {
  const tx = ctx.db;
  if (deal.status !== "open") throw new ConflictError(`This deal is already ${deal.status}.`);
  const lossReasonId = close.outcome === "lost" ? close.lossReasonId : null;
  if (close.outcome === "lost") {
    const [reason] = await tx
      .select({ id: lossReasons.id })
      .from(lossReasons)
      .where(and(eq(lossReasons.orgId, ctx.orgId), eq(lossReasons.id, close.lossReasonId)));
    if (!reason) throw new ValidationError("Choose why the deal was lost.", { lossReasonId: ["Choose a reason"] });
  }
  const stageId = await findStageOfKind(ctx, { kind: close.outcome });
  const label = close.outcome === "won" ? "Closed as won" : "Closed as lost";
  await tx
    .update(actions)
    .set({ completedAt: new Date(), completedBy: ctx.userId, outcome: outcomeNote ? `${label}: ${outcomeNote}` : label })
    .where(and(eq(actions.orgId, ctx.orgId), eq(actions.dealId, deal.id), sql`${actions.completedAt} is null`));
  await tx
    .update(deals)
    .set({
      stageId,
      lossReasonId,
      lossNote: close.outcome === "lost" ? (close.lossNote ?? null) : null,
      lastActivityAt: new Date(),
    })
    .where(and(eq(deals.orgId, ctx.orgId), eq(deals.id, deal.id)));
  await recordAudit(ctx, {
    entity: "deal",
    entityId: deal.id,
    action: `close_${close.outcome}`,
    before: { stageId: deal.stageId },
    after: { stageId, lossReasonId },
  });
  return { dealId: deal.id, status: close.outcome };
}

export type CloseDealParams = CloseInput & { dealId: string; note?: string | null };

export async function closeDeal(ctx: TenantContext, { dealId, ...close }: CloseDealParams) {
  requirePermission(ctx, "deals.update");
  return inTransaction(ctx, async (txCtx) => {
    await setActor(txCtx);
    const deal = await lockDeal(txCtx, { dealId: dealId });
    return closeLockedDeal(txCtx, {
      deal,
      close: close,
      outcomeNote: close.outcome === "won" ? (close.note ?? null) : (close.lossNote ?? null),
    });
  });
}

export type MoveDealParams = {
  dealId: string;
  stageId: string;
  beforeId?: string | null;
  afterId?: string | null;
  lossReasonId?: string | null;
  lossNote?: string | null;
};

/**
 * The Kanban drop: reorder within a column, move to another open stage (probability follows the
 * stage), or close as won / lost (lost needs a reason). Reopening goes through reopenDeal, since it
 * needs a new next action.
 */
export async function moveDeal(ctx: TenantContext, { dealId, ...move }: MoveDealParams) {
  requirePermission(ctx, "deals.update");
  return inTransaction(ctx, async (txCtx) => {
    const tx = txCtx.db;
    await setActor(txCtx);
    const deal = await lockDeal(txCtx, { dealId: dealId });
    const target = await getStage(txCtx, { stageId: move.stageId });
    if (deal.status !== "open") throw new ConflictError(`This deal is ${deal.status}. Reopen it from the deal page.`);
    if (target.kind === "won") return closeLockedDeal(txCtx, { deal, close: { outcome: "won" }, outcomeNote: null });
    if (target.kind === "lost") {
      if (!move.lossReasonId) throw new ValidationError("Choose why the deal was lost.", { lossReasonId: ["Choose a reason"] });
      return closeLockedDeal(txCtx, {
        deal,
        close: { outcome: "lost", lossReasonId: move.lossReasonId, lossNote: move.lossNote },
        outcomeNote: null,
      });
    }
    const position = await neighbourPosition(txCtx, { stageId: target.id, beforeId: move.beforeId, afterId: move.afterId });
    const stageChanged = target.id !== deal.stageId;
    await tx
      .update(deals)
      .set(stageChanged ? { stageId: target.id, probability: probabilityOnStageChange(target), position } : { position })
      .where(and(eq(deals.orgId, ctx.orgId), eq(deals.id, deal.id)));
    if (stageChanged) {
      await recordAudit(txCtx, {
        entity: "deal",
        entityId: deal.id,
        action: "move",
        before: { stageId: deal.stageId },
        after: { stageId: target.id },
      });
    }
    return { dealId: deal.id, status: "open" as const, position };
  });
}

/** Position between the neighbours the card was dropped between (ids outside the stage are ignored); `ctx.db` is the move's transaction. */
async function neighbourPosition(
  ctx: TenantContext,
  { stageId, beforeId, afterId }: { stageId: string; beforeId?: string | null; afterId?: string | null },
) {
  const tx = ctx.db;
  const ids = [beforeId, afterId].filter((x): x is string => !!x);
  const rows = ids.length
    ? await tx
        .select({ id: deals.id, position: deals.position })
        .from(deals)
        .where(and(eq(deals.orgId, ctx.orgId), eq(deals.stageId, stageId), inArray(deals.id, ids)))
    : [];
  const pos = (id?: string | null) => rows.find((r) => r.id === id)?.position;
  if (ids.length === 0) {
    const [top] = await tx
      .select({ min: sql<number | null>`min(${deals.position})` })
      .from(deals)
      .where(and(eq(deals.orgId, ctx.orgId), eq(deals.stageId, stageId), sql`${deals.deletedAt} is null`));
    return positionBetween(null, top?.min ?? null);
  }
  return positionBetween(pos(beforeId), pos(afterId));
}

export type ReopenDealParams = { dealId: string; stageId: string; nextAction: NextActionInput };

/** Managers and admins may reopen a closed deal into an open stage, with a new next action. */
export async function reopenDeal(ctx: TenantContext, { dealId, ...input }: ReopenDealParams) {
  requirePermission(ctx, "deals.reopen");
  return inTransaction(ctx, async (txCtx) => {
    const tx = txCtx.db;
    await setActor(txCtx);
    const deal = await lockDeal(txCtx, { dealId: dealId });
    if (deal.status === "open") throw new ConflictError("This deal is already open.");
    const stage = await getStage(txCtx, { stageId: input.stageId });
    if (stage.kind !== "open") throw new ValidationError("Reopen into an open stage.", { stageId: ["Choose an open stage"] });
    const actionOwner = input.nextAction.ownerId ?? deal.ownerId;
    await assertNextStepOwner(txCtx, { userId: actionOwner, dealOwnerId: deal.ownerId, field: "nextAction.ownerId" });
    await tx
      .update(deals)
      .set({ stageId: stage.id, probability: stage.probability })
      .where(and(eq(deals.orgId, ctx.orgId), eq(deals.id, deal.id)));
    const [action] = await tx
      .insert(actions)
      .values({
        orgId: ctx.orgId,
        dealId: deal.id,
        ownerId: actionOwner,
        type: input.nextAction.type,
        dueAt: input.nextAction.dueAt,
        details: input.nextAction.details,
        createdBy: ctx.userId,
      })
      .returning({ id: actions.id });
    await recordAudit(txCtx, {
      entity: "deal",
      entityId: deal.id,
      action: "reopen",
      before: { status: deal.status },
      after: { stageId: stage.id },
    });
    return { dealId: deal.id, actionId: action!.id };
  });
}
