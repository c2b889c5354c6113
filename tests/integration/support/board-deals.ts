import { and, eq, sql } from "drizzle-orm";

import { getDb } from "../../../src/db/client";
import { actions, deals } from "../../../src/db/schema";
import { createDeal } from "../../../src/server/data/deals";
import { listStages, type Stage } from "../../../src/server/data/stages";
import type { TenantContext } from "../../../src/server/tenant";

export const DAY = 86_400_000;

/** The org's stages by role: open ones in order, plus won and lost. */
export async function stagesOf(ctx: TenantContext) {
  const all = await listStages(ctx);
  const open = all.filter((s) => s.kind === "open");
  return { all, open, won: all.find((s) => s.kind === "won")!, lost: all.find((s) => s.kind === "lost")! };
}

type DealOptions = { title?: string; value?: number; ownerId?: string; probability?: number; dueAt?: Date };

/** A deal through the real write path (with its first next action); new deals go to the top of their column. */
export async function makeDeal(ctx: TenantContext, stage: Stage, options: DealOptions = {}) {
  const { dealId, actionId } = await createDeal(ctx, {
    title: options.title ?? `Deal ${Math.random().toString(36).slice(2, 8)}`,
    contactName: "Nordic Offices ApS",
    value: options.value ?? 100_000,
    ownerId: options.ownerId,
    probability: options.probability,
    stageId: stage.id,
    firstAction: { type: "call", dueAt: options.dueAt ?? new Date(Date.now() + DAY), details: "Call about the scope" },
  });
  return { dealId, actionId };
}

/** Test-only backdating: the clocks the stale and due badges read. */
export async function setDealClock(orgId: string, dealId: string, clock: { createdAt?: Date; lastActivityAt?: Date | null }) {
  await getDb()
    .update(deals)
    .set({
      ...(clock.createdAt ? { createdAt: clock.createdAt } : {}),
      ...(clock.lastActivityAt !== undefined ? { lastActivityAt: clock.lastActivityAt } : {}),
    })
    .where(and(eq(deals.orgId, orgId), eq(deals.id, dealId)));
}

export async function setPendingDue(orgId: string, dealId: string, dueAt: Date) {
  await getDb()
    .update(actions)
    .set({ dueAt })
    .where(and(eq(actions.orgId, orgId), eq(actions.dealId, dealId), sql`${actions.completedAt} is null`));
}

export async function dealRow(orgId: string, dealId: string) {
  const [row] = await getDb()
    .select()
    .from(deals)
    .where(and(eq(deals.orgId, orgId), eq(deals.id, dealId)));
  return row!;
}
