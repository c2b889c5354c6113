import "server-only";

import { and, eq } from "drizzle-orm";

import type { Database } from "@/db/client";
import { actions, deals, dealStageHistory, lossReasons, pipelineStages } from "@/db/schema";
import { minorDigits } from "@/lib/money";

import type { SeededOrg } from "./demo";
import { DEMO_CATALOG, DEMO_NEXT_STEPS, DEMO_OUTCOMES, DEMO_SOURCES } from "./demo-deals-data";
import { seededRandom } from "./random";

const DAY = 86_400_000;
const DEALS_PER_ORG = 36;

/**
 * Demo pipeline for one org: open deals in every stage with a pending action (some overdue, some
 * due today, most upcoming), a history of completed actions, and won/lost deals. Times are relative
 * to now so that the Today queue always has something to do.
 */
export async function seedDemoDeals(db: Database, seeded: SeededOrg[], now = new Date()) {
  for (const [orgIndex, { org, demo, members }] of seeded.entries()) {
    const rnd = seededRandom(1000 + orgIndex);
    const catalog = DEMO_CATALOG[org.slug];
    if (!catalog) continue;
    const stages = await db.select().from(pipelineStages).where(eq(pipelineStages.orgId, org.id)).orderBy(pipelineStages.position);
    const open = stages.filter((s) => s.kind === "open");
    const won = stages.find((s) => s.kind === "won")!;
    const lost = stages.find((s) => s.kind === "lost")!;
    const reasons = await db.select({ id: lossReasons.id }).from(lossReasons).where(eq(lossReasons.orgId, org.id));
    const reps = members.filter((m) => m.role === "rep");
    const factor = 10 ** minorDigits(org.currency);

    for (let i = 0; i < DEALS_PER_ORG; i++) {
      const roll = rnd.next();
      const stage = roll < 0.15 ? won : roll < 0.25 ? lost : open[Math.min(open.length - 1, Math.floor(rnd.next() * open.length))]!;
      const owner = reps[i % reps.length]!;
      const createdAt = new Date(now.getTime() - rnd.int(5, 120) * DAY);
      const stageIndex = stage.kind === "open" ? open.indexOf(stage) : rnd.int(1, open.length - 1);
      const stageEnteredAt = new Date(createdAt.getTime() + (now.getTime() - createdAt.getTime()) * (0.3 + 0.6 * rnd.next()));
      const [minV, maxV] = catalog.valueRange;
      const value = Math.round(rnd.int(minV, maxV) / 500) * 500 * factor;
      const [deal] = await db
        .insert(deals)
        .values({
          orgId: org.id,
          title: `${rnd.pick(catalog.offers)}`,
          contactName: rnd.pick(catalog.customers),
          ownerId: owner.userId,
          valueMinor: value,
          currency: org.currency,
          stageId: stage.id,
          probability: stage.probability,
          sector: rnd.pick(demo.sectors),
          source: rnd.pick(DEMO_SOURCES),
          expectedCloseDate: new Date(now.getTime() + rnd.int(-20, 90) * DAY).toISOString().slice(0, 10),
          lossReasonId: stage.kind === "lost" ? rnd.pick(reasons).id : null,
          closedAt: stage.kind === "open" ? null : stageEnteredAt,
          position: i * 1024,
          stageEnteredAt,
          createdBy: owner.userId,
          createdAt,
        })
        .returning({ id: deals.id });
      const dealId = deal!.id;
      await backfillStageHistory(
        db,
        org.id,
        dealId,
        open.slice(0, stageIndex).map((s) => s.id),
        createdAt,
        stageEnteredAt,
        owner.userId,
      );

      // Completed steps so far, spread between creation and now.
      const history = rnd.int(1, 5);
      let last = createdAt;
      for (let h = 0; h < history; h++) {
        const at = new Date(last.getTime() + rnd.int(1, 9) * DAY);
        if (at > now) break;
        const step = rnd.pick(DEMO_NEXT_STEPS);
        await db.insert(actions).values({
          orgId: org.id,
          dealId,
          ownerId: owner.userId,
          type: step.type,
          details: step.details,
          dueAt: at,
          completedAt: at,
          completedBy: owner.userId,
          outcome: rnd.pick(DEMO_OUTCOMES),
          createdAt: last,
          createdBy: owner.userId,
        });
        last = at;
      }
      if (stage.kind === "open") {
        const bucket = rnd.next();
        const dueAt =
          bucket < 0.25
            ? new Date(now.getTime() - rnd.int(1, 96) * 3_600_000) // overdue
            : bucket < 0.5
              ? new Date(now.getTime() + rnd.int(1, 6) * 3_600_000) // later today-ish
              : new Date(now.getTime() + rnd.int(1, 12) * DAY);
        const step = rnd.pick(DEMO_NEXT_STEPS);
        await db
          .insert(actions)
          .values({ orgId: org.id, dealId, ownerId: owner.userId, type: step.type, details: step.details, dueAt, createdBy: owner.userId });
      }
      await db
        .update(deals)
        .set({ lastActivityAt: last > createdAt ? last : null })
        .where(and(eq(deals.orgId, org.id), eq(deals.id, dealId)));
    }
  }
}

/** Earlier stays in the open stages before the current one, so funnels and time-in-stage have data. */
async function backfillStageHistory(db: Database, orgId: string, dealId: string, stageIds: string[], from: Date, to: Date, userId: string) {
  if (stageIds.length === 0) return;
  const span = (to.getTime() - from.getTime()) / stageIds.length;
  await db.insert(dealStageHistory).values(
    stageIds.map((stageId, i) => ({
      orgId,
      dealId,
      stageId,
      changedBy: userId,
      enteredAt: new Date(from.getTime() + span * i),
      exitedAt: new Date(from.getTime() + span * (i + 1)),
    })),
  );
}
