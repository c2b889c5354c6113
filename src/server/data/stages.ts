import "server-only";

import { and, asc, eq, sql } from "drizzle-orm";

import { deals, dealStageHistory, lossReasons, pipelineStages } from "@/db/schema";
import type { StageKind } from "@/lib/deals/pipeline-defaults";
import { ConflictError, NotFoundError, ValidationError } from "@/server/errors";
import { requirePermission, type TenantContext } from "@/server/tenant";

import { recordAudit } from "./audit";
import { inTransaction } from "./context";

export type Stage = {
  id: string;
  name: string;
  position: number;
  probability: number;
  kind: StageKind;
  staleAfterDays: number;
  /** The first next step of deals imported into this stage; null: suggested from the name (lib/import/first-steps.ts). */
  firstStep: string | null;
};

const STAGE_COLUMNS = {
  id: pipelineStages.id,
  name: pipelineStages.name,
  position: pipelineStages.position,
  probability: pipelineStages.probability,
  kind: pipelineStages.kind,
  staleAfterDays: pipelineStages.staleAfterDays,
  firstStep: pipelineStages.firstStep,
};

export async function listStages(ctx: TenantContext): Promise<Stage[]> {
  return ctx.db
    .select(STAGE_COLUMNS)
    .from(pipelineStages)
    .where(eq(pipelineStages.orgId, ctx.orgId))
    .orderBy(sql`case ${pipelineStages.kind} when 'open' then 0 when 'won' then 1 else 2 end`, asc(pipelineStages.position));
}

export type StageIdParams = { stageId: string };

export async function getStage(ctx: TenantContext, { stageId }: StageIdParams): Promise<Stage> {
  const [stage] = await ctx.db
    .select(STAGE_COLUMNS)
    .from(pipelineStages)
    .where(and(eq(pipelineStages.orgId, ctx.orgId), eq(pipelineStages.id, stageId)));
  if (!stage) throw new NotFoundError("Stage");
  return stage;
}

export type StageKindParams = { kind: "won" | "lost" };

/** The id of the org's won or lost stage (each org has exactly one of each). */
export async function findStageOfKind(ctx: TenantContext, { kind }: StageKindParams): Promise<string> {
  const [stage] = await ctx.db
    .select({ id: pipelineStages.id })
    .from(pipelineStages)
    .where(and(eq(pipelineStages.orgId, ctx.orgId), eq(pipelineStages.kind, kind)));
  if (!stage) throw new NotFoundError(`The ${kind} stage`);
  return stage.id;
}

export async function listLossReasons(ctx: TenantContext) {
  return ctx.db
    .select({ id: lossReasons.id, label: lossReasons.label, active: lossReasons.active })
    .from(lossReasons)
    .where(eq(lossReasons.orgId, ctx.orgId))
    .orderBy(asc(lossReasons.position), asc(lossReasons.label));
}

export type UpdateStageParams = {
  stageId: string;
  name: string;
  probability: number;
  staleAfterDays: number;
  /** undefined: unchanged; null: the step the stage's name suggests (see Stage). */
  firstStep?: string | null;
};

export async function updateStage(ctx: TenantContext, input: UpdateStageParams) {
  requirePermission(ctx, "pipeline.configure");
  return inTransaction(ctx, async (txCtx) => {
    const tx = txCtx.db;
    const before = await getStage(txCtx, { stageId: input.stageId });
    if (before.kind !== "open" && input.probability !== before.probability) {
      throw new ValidationError("Won is always 100 % and Lost always 0 %.", { probability: ["Fixed for won and lost stages"] });
    }
    await tx
      .update(pipelineStages)
      .set({
        name: input.name,
        probability: input.probability,
        staleAfterDays: input.staleAfterDays,
        ...(input.firstStep !== undefined && before.kind === "open" ? { firstStep: input.firstStep } : {}),
      })
      .where(and(eq(pipelineStages.orgId, ctx.orgId), eq(pipelineStages.id, input.stageId)));
    await recordAudit(txCtx, { entity: "stage", entityId: input.stageId, action: "update", before, after: input });
  });
}

export type ReorderStagesParams = { stageIds: string[] };

/** Open stages in their new order (won and lost always come last). */
export async function reorderStages(ctx: TenantContext, { stageIds: orderedOpenStageIds }: ReorderStagesParams) {
  requirePermission(ctx, "pipeline.configure");
  return inTransaction(ctx, async (txCtx) => {
    const tx = txCtx.db;
    const open = await tx
      .select({ id: pipelineStages.id })
      .from(pipelineStages)
      .where(and(eq(pipelineStages.orgId, ctx.orgId), eq(pipelineStages.kind, "open")))
      .for("update");
    const known = new Set(open.map((s) => s.id));
    if (orderedOpenStageIds.length !== known.size || !orderedOpenStageIds.every((id) => known.has(id))) {
      throw new ValidationError("The new order must list every open stage exactly once.");
    }
    for (const [i, id] of orderedOpenStageIds.entries()) {
      await tx
        .update(pipelineStages)
        .set({ position: i })
        .where(and(eq(pipelineStages.orgId, ctx.orgId), eq(pipelineStages.id, id)));
    }
    await recordAudit(txCtx, { entity: "pipeline", entityId: ctx.orgId, action: "reorder", after: orderedOpenStageIds });
  });
}

export type AddStageParams = Omit<UpdateStageParams, "stageId" | "firstStep">;

export async function addStage(ctx: TenantContext, input: AddStageParams) {
  requirePermission(ctx, "pipeline.configure");
  return inTransaction(ctx, async (txCtx) => {
    const tx = txCtx.db;
    const [max] = await tx
      .select({ max: sql<number>`coalesce(max(${pipelineStages.position}), -1)`.mapWith(Number) })
      .from(pipelineStages)
      .where(and(eq(pipelineStages.orgId, ctx.orgId), eq(pipelineStages.kind, "open")));
    const [stage] = await tx
      .insert(pipelineStages)
      .values({ orgId: ctx.orgId, kind: "open", position: (max?.max ?? -1) + 1, ...input })
      .returning({ id: pipelineStages.id });
    await recordAudit(txCtx, { entity: "stage", entityId: stage!.id, action: "create", after: input });
    return stage!;
  });
}

export type RemoveStageParams = { stageId: string };

/** Only open stages that no deal (not even a deleted one, whose history must stay readable) uses. */
export async function removeStage(ctx: TenantContext, { stageId }: RemoveStageParams) {
  requirePermission(ctx, "pipeline.configure");
  return inTransaction(ctx, async (txCtx) => {
    const tx = txCtx.db;
    const stage = await getStage(txCtx, { stageId });
    if (stage.kind !== "open") throw new ValidationError("The won and lost stages cannot be removed.");
    const [used] = await tx
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(deals)
      .where(and(eq(deals.orgId, ctx.orgId), eq(deals.stageId, stageId)));
    const n = used?.n ?? 0;
    if (n > 0)
      throw new ConflictError(`${n === 1 ? "1 deal is" : `${n} deals are`} in “${stage.name}”. Move ${n === 1 ? "it" : "them"} first.`);
    const [remaining] = await tx
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(pipelineStages)
      .where(and(eq(pipelineStages.orgId, ctx.orgId), eq(pipelineStages.kind, "open")));
    if ((remaining?.n ?? 0) <= 1) throw new ValidationError("A pipeline needs at least one open stage.");
    // Past stays in the stage feed time-in-stage and conversion reports: keep them readable.
    const [history] = await tx
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(dealStageHistory)
      .where(and(eq(dealStageHistory.orgId, ctx.orgId), eq(dealStageHistory.stageId, stageId)));
    if ((history?.n ?? 0) > 0) {
      throw new ConflictError(`Deals have passed through “${stage.name}”, so reports still need it. Rename it instead.`);
    }
    await tx.delete(pipelineStages).where(and(eq(pipelineStages.orgId, ctx.orgId), eq(pipelineStages.id, stageId)));
    await recordAudit(txCtx, { entity: "stage", entityId: stageId, action: "delete", before: stage });
  });
}
