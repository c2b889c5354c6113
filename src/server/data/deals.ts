import "server-only";

import { and, eq, sql } from "drizzle-orm";

import { actions, deals, lossReasons, pipelineStages, users } from "@/db/schema";
import { probabilityOnStageChange } from "@/lib/deals/rules";
import { can } from "@/lib/permissions";
import type { NextActionInput } from "@/lib/schemas/deals";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/server/errors";
import { requirePermission, type TenantContext } from "@/server/tenant";

import { recordAudit } from "./audit";
import { inTransaction } from "./context";
import { assertAssignable, assertNextStepOwner, type DealIdParams, lockDeal, setActor, visibleDeals } from "./deal-scope";
import { getStage } from "./stages";

export type DealFields = {
  title: string;
  contactName: string;
  value: number;
  ownerId?: string | null;
  probability?: number | null;
  sector?: string | null;
  source?: string | null;
  expectedCloseDate?: string | null;
};

export type CreateDealParams = DealFields & { stageId: string; firstAction: NextActionInput };

/** A deal is born with its first next action, in one transaction: the invariant holds from the start. */
export async function createDeal(ctx: TenantContext, input: CreateDealParams) {
  requirePermission(ctx, "deals.create");
  return inTransaction(ctx, async (txCtx) => {
    const tx = txCtx.db;
    await setActor(txCtx);
    const stage = await getStage(txCtx, { stageId: input.stageId });
    if (stage.kind !== "open") throw new ValidationError("New deals start in an open stage.", { stageId: ["Choose an open stage"] });
    const ownerId = input.ownerId ?? ctx.userId;
    await assertAssignable(txCtx, { userId: ownerId, field: "ownerId" });
    const actionOwner = input.firstAction.ownerId ?? ownerId;
    await assertNextStepOwner(txCtx, { userId: actionOwner, dealOwnerId: ownerId, field: "firstAction.ownerId" });
    const [top] = await tx
      .select({ min: sql<number | null>`min(${deals.position})` })
      .from(deals)
      .where(and(eq(deals.orgId, ctx.orgId), eq(deals.stageId, stage.id), sql`${deals.deletedAt} is null`));
    const [deal] = await tx
      .insert(deals)
      .values({
        orgId: ctx.orgId,
        title: input.title,
        contactName: input.contactName,
        ownerId,
        valueMinor: input.value,
        currency: ctx.org.currency,
        stageId: stage.id,
        probability: probabilityOnStageChange(stage, input.probability),
        sector: input.sector ?? null,
        source: input.source ?? null,
        expectedCloseDate: input.expectedCloseDate ?? null,
        position: (top?.min ?? 1024) - 1024, // new deals go to the top of their column
        createdBy: ctx.userId,
      })
      .returning({ id: deals.id });
    const [action] = await tx
      .insert(actions)
      .values({
        orgId: ctx.orgId,
        dealId: deal!.id,
        ownerId: actionOwner,
        type: input.firstAction.type,
        dueAt: input.firstAction.dueAt,
        details: input.firstAction.details,
        createdBy: ctx.userId,
      })
      .returning({ id: actions.id });
    await recordAudit(txCtx, { entity: "deal", entityId: deal!.id, action: "create", after: { ...input, firstAction: undefined } });
    return { dealId: deal!.id, actionId: action!.id };
  });
}

export type DealDetail = NonNullable<Awaited<ReturnType<typeof findDeal>>>;

function findDeal(ctx: TenantContext, { dealId }: DealIdParams) {
  return ctx.db
    .select({
      id: deals.id,
      title: deals.title,
      contactName: deals.contactName,
      ownerId: deals.ownerId,
      ownerName: users.name,
      valueMinor: deals.valueMinor,
      currency: deals.currency,
      weightedMinor: deals.weightedMinor,
      stageId: deals.stageId,
      stageName: pipelineStages.name,
      stageKind: pipelineStages.kind,
      stageProbability: pipelineStages.probability,
      staleAfterDays: pipelineStages.staleAfterDays,
      probability: deals.probability,
      status: deals.status,
      sector: deals.sector,
      source: deals.source,
      expectedCloseDate: deals.expectedCloseDate,
      lossReasonId: deals.lossReasonId,
      lossReason: lossReasons.label,
      lossNote: deals.lossNote,
      closedAt: deals.closedAt,
      stageEnteredAt: deals.stageEnteredAt,
      lastActivityAt: deals.lastActivityAt,
      createdAt: deals.createdAt,
      updatedAt: deals.updatedAt,
    })
    .from(deals)
    .innerJoin(pipelineStages, and(eq(pipelineStages.orgId, deals.orgId), eq(pipelineStages.id, deals.stageId)))
    .innerJoin(users, eq(users.id, deals.ownerId))
    .leftJoin(lossReasons, and(eq(lossReasons.orgId, deals.orgId), eq(lossReasons.id, deals.lossReasonId)))
    .where(and(visibleDeals(ctx), eq(deals.id, dealId)))
    .then((rows) => rows[0]);
}

export async function getDeal(ctx: TenantContext, { dealId }: DealIdParams): Promise<DealDetail> {
  const deal = await findDeal(ctx, { dealId });
  if (!deal) throw new NotFoundError("Deal");
  return deal;
}

/** The deal's one pending next step (null once the deal is closed). */
export async function getPendingNextStep(ctx: TenantContext, { dealId }: DealIdParams) {
  const [row] = await ctx.db
    .select({
      id: actions.id,
      type: actions.type,
      dueAt: actions.dueAt,
      details: actions.details,
      ownerId: actions.ownerId,
      ownerName: users.name,
      createdAt: actions.createdAt,
    })
    .from(actions)
    .innerJoin(deals, and(eq(deals.orgId, actions.orgId), eq(deals.id, actions.dealId)))
    .innerJoin(users, eq(users.id, actions.ownerId))
    .where(and(eq(actions.orgId, ctx.orgId), eq(actions.dealId, dealId), sql`${actions.completedAt} is null`, visibleDeals(ctx)));
  return row ?? null;
}

const EDITABLE = ["title", "contactName", "ownerId", "probability", "sector", "source", "expectedCloseDate"] as const;

export type UpdateDealParams = { dealId: string; patch: Partial<DealFields> };

/** Inline edits from the deal page; closed deals are locked (and the database refuses too). */
export async function updateDeal(ctx: TenantContext, { dealId, patch }: UpdateDealParams) {
  requirePermission(ctx, "deals.update");
  return inTransaction(ctx, async (txCtx) => {
    const tx = txCtx.db;
    await setActor(txCtx);
    const before = await lockDeal(txCtx, { dealId: dealId });
    if (before.status !== "open") throw new ConflictError(`This deal is ${before.status}. Reopen it to make changes.`);
    const set: Partial<typeof deals.$inferInsert> = {};
    for (const key of EDITABLE) if (patch[key] !== undefined) (set as Record<string, unknown>)[key] = patch[key];
    if (patch.value !== undefined) set.valueMinor = patch.value;
    if (patch.ownerId && patch.ownerId !== before.ownerId) {
      if (!can(ctx.role, "deals.viewAll")) throw new ForbiddenError("Only managers and admins can reassign deals.");
      await assertAssignable(txCtx, { userId: patch.ownerId, field: "patch.ownerId" });
      // The pending step follows the deal to its new owner when it was the old owner's.
      await tx
        .update(actions)
        .set({ ownerId: patch.ownerId })
        .where(
          and(
            eq(actions.orgId, ctx.orgId),
            eq(actions.dealId, dealId),
            eq(actions.ownerId, before.ownerId),
            sql`${actions.completedAt} is null`,
          ),
        );
    }
    if (patch.probability === null) {
      const stage = await getStage(txCtx, { stageId: before.stageId });
      set.probability = stage.probability; // clearing the override falls back to the stage's
    }
    if (Object.keys(set).length === 0) return { dealId };
    await tx
      .update(deals)
      .set(set)
      .where(and(eq(deals.orgId, ctx.orgId), eq(deals.id, dealId)));
    const changed = Object.fromEntries(Object.keys(set).map((k) => [k, (before as Record<string, unknown>)[k]]));
    await recordAudit(txCtx, { entity: "deal", entityId: dealId, action: "update", before: changed, after: set });
    return { dealId };
  });
}

/** Admin-only soft delete; the deal disappears from every list, queue and KPI. */
export async function deleteDeal(ctx: TenantContext, { dealId }: DealIdParams) {
  requirePermission(ctx, "deals.delete");
  return inTransaction(ctx, async (txCtx) => {
    const tx = txCtx.db;
    await lockDeal(txCtx, { dealId: dealId });
    await tx
      .update(deals)
      .set({ deletedAt: new Date() })
      .where(and(eq(deals.orgId, ctx.orgId), eq(deals.id, dealId)));
    await recordAudit(txCtx, { entity: "deal", entityId: dealId, action: "delete" });
    return { dealId };
  });
}

/** Undo for deleteDeal: the pending action was kept, so the invariant holds again at once. */
export async function restoreDeal(ctx: TenantContext, { dealId }: DealIdParams) {
  requirePermission(ctx, "deals.delete");
  return inTransaction(ctx, async (txCtx) => {
    const tx = txCtx.db;
    const [deal] = await tx
      .update(deals)
      .set({ deletedAt: null })
      .where(and(visibleDeals(ctx, { includeDeleted: true }), eq(deals.id, dealId), sql`${deals.deletedAt} is not null`))
      .returning({ id: deals.id });
    if (!deal) throw new NotFoundError("Deleted deal");
    await recordAudit(txCtx, { entity: "deal", entityId: dealId, action: "restore" });
    return { dealId };
  });
}
