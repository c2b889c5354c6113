import { and, asc, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { moveDealAction } from "@/actions/deals";
import { getDb } from "@/db/client";
import { actions, deals, dealStageHistory } from "@/db/schema";
import { getBoard } from "@/server/data/board";
import { listLossReasons } from "@/server/data/stages";
import { dealRow, makeDeal, stagesOf } from "@tests/integration/support/board-deals";
import { asUser, ctxFor, twoOrgs } from "@tests/integration/support/fixtures";

async function setup() {
  const { a, b } = await twoOrgs();
  const [manager, rep, rep2] = await Promise.all([
    ctxFor(a.manager.id, a.org.slug),
    ctxFor(a.rep.id, a.org.slug),
    ctxFor(a.rep2.id, a.org.slug),
  ]);
  const stages = await stagesOf(manager);
  return { a, b, manager, rep, rep2, stages };
}

const pendingActions = (orgId: string, dealId: string) =>
  getDb()
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(actions)
    .where(and(eq(actions.orgId, orgId), eq(actions.dealId, dealId), sql`${actions.completedAt} is null`))
    .then((r) => r[0]!.n);

const history = (orgId: string, dealId: string) =>
  getDb()
    .select({ stageId: dealStageHistory.stageId, exitedAt: dealStageHistory.exitedAt, changedBy: dealStageHistory.changedBy })
    .from(dealStageHistory)
    .where(and(eq(dealStageHistory.orgId, orgId), eq(dealStageHistory.dealId, dealId)))
    .orderBy(asc(dealStageHistory.id));

describe("moveDealAction (the Kanban drop)", () => {
  it("reorders within a column between the two neighbours it was dropped between", async () => {
    const { a, manager, rep, stages } = await setup();
    const lead = stages.open[0]!;
    const first = await makeDeal(rep, lead, { title: "first" });
    const second = await makeDeal(rep, lead, { title: "second" });
    const third = await makeDeal(rep, lead, { title: "third" }); // column order: third, second, first

    const result = await asUser(a.rep.id, () =>
      moveDealAction(a.org.slug, { dealId: first.dealId, stageId: lead.id, beforeId: third.dealId, afterId: second.dealId }),
    );
    expect(result).toMatchObject({ ok: true, data: { dealId: first.dealId, status: "open" } });
    const order = (await getBoard(manager)).columns[0]!.cards.map((c) => c.title);
    expect(order).toEqual(["third", "first", "second"]);

    // To the very top (no upper neighbour) and to the bottom (no lower one).
    await asUser(a.rep.id, () =>
      moveDealAction(a.org.slug, { dealId: second.dealId, stageId: lead.id, beforeId: null, afterId: third.dealId }),
    );
    await asUser(a.rep.id, () =>
      moveDealAction(a.org.slug, { dealId: third.dealId, stageId: lead.id, beforeId: first.dealId, afterId: null }),
    );
    expect((await getBoard(manager)).columns[0]!.cards.map((c) => c.title)).toEqual(["second", "first", "third"]);
    expect(await history(a.org.id, first.dealId)).toHaveLength(1); // a reorder is not a stage change
  });

  it("moves to another open stage: probability resets to the stage's and deal_stage_history records the stay", async () => {
    const { a, rep, stages } = await setup();
    const [lead, , proposal] = stages.open;
    const other = await makeDeal(rep, proposal!);
    const { dealId } = await makeDeal(rep, lead!, { probability: 55 });
    expect((await dealRow(a.org.id, dealId)).probability).toBe(55);

    const result = await asUser(a.rep.id, () => moveDealAction(a.org.slug, { dealId, stageId: proposal!.id, beforeId: other.dealId }));
    expect(result.ok).toBe(true);
    const deal = await dealRow(a.org.id, dealId);
    expect(deal).toMatchObject({ stageId: proposal!.id, probability: proposal!.probability, status: "open", weightedMinor: 50_000 });
    expect(deal.position).toBeGreaterThan((await dealRow(a.org.id, other.dealId)).position);
    const stays = await history(a.org.id, dealId);
    expect(stays.map((s) => s.stageId)).toEqual([lead!.id, proposal!.id]);
    expect(stays[0]!.exitedAt).toBeInstanceOf(Date);
    expect(stays[1]).toMatchObject({ exitedAt: null, changedBy: a.rep.id });
    expect(await pendingActions(a.org.id, dealId)).toBe(1);
  });

  it("refuses Lost without a reason, and closes it with one, completing the pending action", async () => {
    const { a, manager, rep, stages } = await setup();
    const { dealId } = await makeDeal(rep, stages.open[1]!);
    const noReason = await asUser(a.manager.id, () => moveDealAction(a.org.slug, { dealId, stageId: stages.lost.id }));
    expect(noReason).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { lossReasonId: ["Choose a reason"] } });
    expect((await dealRow(a.org.id, dealId)).status).toBe("open");

    const [reason] = await listLossReasons(manager);
    const lost = await asUser(a.manager.id, () =>
      moveDealAction(a.org.slug, {
        dealId,
        stageId: stages.lost.id,
        lossReasonId: reason!.id,
        lossNote: "  Went with the cheaper offer  ",
      }),
    );
    expect(lost).toEqual({ ok: true, data: { dealId, status: "lost" } });
    const deal = await dealRow(a.org.id, dealId);
    expect(deal).toMatchObject({
      status: "lost",
      stageId: stages.lost.id,
      probability: 0,
      lossReasonId: reason!.id,
      lossNote: "Went with the cheaper offer",
    });
    expect(deal.closedAt).toBeInstanceOf(Date);
    expect(await pendingActions(a.org.id, dealId)).toBe(0);
    const [closing] = await getDb()
      .select({ outcome: actions.outcome, completedBy: actions.completedBy })
      .from(actions)
      .where(and(eq(actions.orgId, a.org.id), eq(actions.dealId, dealId)));
    expect(closing).toEqual({ outcome: "Closed as lost", completedBy: a.manager.id });
    expect((await getBoard(manager)).columns.flatMap((c) => c.cards)).toEqual([]);
  });

  it("refuses another org's loss reason", async () => {
    const { a, b, rep, stages } = await setup();
    const { dealId } = await makeDeal(rep, stages.open[0]!);
    const [foreign] = await listLossReasons(await ctxFor(b.admin.id, b.org.slug));
    const result = await asUser(a.rep.id, () => moveDealAction(a.org.slug, { dealId, stageId: stages.lost.id, lossReasonId: foreign!.id }));
    expect(result).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { lossReasonId: ["Choose a reason"] } });
    expect((await dealRow(a.org.id, dealId)).status).toBe("open");
  });

  it("closes as won: probability 100, closed, no pending action; a second drop is a conflict", async () => {
    const { a, rep, stages } = await setup();
    const { dealId } = await makeDeal(rep, stages.open[3]!, { value: 250_000 });
    const won = await asUser(a.rep.id, () => moveDealAction(a.org.slug, { dealId, stageId: stages.won.id }));
    expect(won).toEqual({ ok: true, data: { dealId, status: "won" } });
    expect(await dealRow(a.org.id, dealId)).toMatchObject({ status: "won", probability: 100, weightedMinor: 250_000, lossReasonId: null });
    expect(await pendingActions(a.org.id, dealId)).toBe(0);
    expect((await history(a.org.id, dealId)).at(-1)).toMatchObject({ stageId: stages.won.id, exitedAt: null });

    const again = await asUser(a.rep.id, () => moveDealAction(a.org.slug, { dealId, stageId: stages.open[0]!.id }));
    expect(again).toMatchObject({ ok: false, code: "CONFLICT" });
  });

  it("does not let a rep move another rep's deal: NOT_FOUND, nothing changes", async () => {
    const { a, rep2, stages } = await setup();
    const { dealId } = await makeDeal(rep2, stages.open[0]!);
    const before = await dealRow(a.org.id, dealId);
    const result = await asUser(a.rep.id, () => moveDealAction(a.org.slug, { dealId, stageId: stages.open[1]!.id }));
    expect(result).toEqual({ ok: false, code: "NOT_FOUND", message: "Deal was not found." });
    expect(await dealRow(a.org.id, dealId)).toEqual(before);
    // Their manager may.
    expect((await asUser(a.manager.id, () => moveDealAction(a.org.slug, { dealId, stageId: stages.open[1]!.id }))).ok).toBe(true);
  });

  it("treats another org's deal or stage ids as not found", async () => {
    const { a, b, rep, stages } = await setup();
    const bStages = await stagesOf(await ctxFor(b.admin.id, b.org.slug));
    const theirs = await makeDeal(await ctxFor(b.rep.id, b.org.slug), bStages.open[0]!);
    const mine = await makeDeal(rep, stages.open[0]!);
    const before = await dealRow(a.org.id, mine.dealId);

    // A's admin, with B's deal, in A's org.
    const foreignDeal = await asUser(a.admin.id, () => moveDealAction(a.org.slug, { dealId: theirs.dealId, stageId: stages.open[1]!.id }));
    expect(foreignDeal).toMatchObject({ ok: false, code: "NOT_FOUND" });
    const foreignStage = await asUser(a.admin.id, () => moveDealAction(a.org.slug, { dealId: mine.dealId, stageId: bStages.open[1]!.id }));
    expect(foreignStage).toEqual({ ok: false, code: "NOT_FOUND", message: "Stage was not found." });
    const foreignWon = await asUser(a.admin.id, () => moveDealAction(a.org.slug, { dealId: mine.dealId, stageId: bStages.won.id }));
    expect(foreignWon).toMatchObject({ ok: false, code: "NOT_FOUND" });
    // Neighbours from another org are ignored, not trusted.
    const foreignNeighbour = await asUser(a.admin.id, () =>
      moveDealAction(a.org.slug, { dealId: mine.dealId, stageId: stages.open[0]!.id, beforeId: theirs.dealId }),
    );
    expect(foreignNeighbour.ok).toBe(true);
    // And B's org slug is simply not A's admin's to use.
    const otherOrg = await asUser(a.admin.id, () => moveDealAction(b.org.slug, { dealId: theirs.dealId, stageId: bStages.open[1]!.id }));
    expect(otherOrg).toMatchObject({ ok: false, code: "NOT_FOUND" });

    expect(await dealRow(a.org.id, mine.dealId)).toMatchObject({ stageId: before.stageId, status: "open" });
    expect(await dealRow(b.org.id, theirs.dealId)).toMatchObject({ stageId: bStages.open[0]!.id, status: "open" });
    expect(await getDb().select({ id: deals.id }).from(deals).where(eq(deals.orgId, b.org.id))).toHaveLength(1);
  });
});
