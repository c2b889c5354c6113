import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { getDb } from "@/db/client";
import { deals } from "@/db/schema";
import { dayBounds } from "@/lib/dates/zoned";
import { weightedValue } from "@/lib/deals/rules";
import { type Board, countDealsPerStage, getBoard } from "@/server/data/board";
import { moveDeal } from "@/server/data/deal-transitions";
import { deleteDeal } from "@/server/data/deals";
import { updateStage } from "@/server/data/stages";
import { DAY, makeDeal, setDealClock, setPendingDue, stagesOf } from "@tests/integration/support/board-deals";
import { ctxFor, twoOrgs } from "@tests/integration/support/fixtures";

async function setup() {
  const { a, b } = await twoOrgs();
  const [admin, manager, rep, rep2] = await Promise.all([
    ctxFor(a.admin.id, a.org.slug),
    ctxFor(a.manager.id, a.org.slug),
    ctxFor(a.rep.id, a.org.slug),
    ctxFor(a.rep2.id, a.org.slug),
  ]);
  const stages = await stagesOf(manager);
  return { a, b, admin, manager, rep, rep2, stages };
}

/** What the board should say, recomputed the naive way from every row of the org. */
async function naiveColumns(orgId: string, filter: (d: typeof deals.$inferSelect) => boolean) {
  const rows = (await getDb().select().from(deals).where(eq(deals.orgId, orgId))).filter(
    (d) => d.deletedAt === null && d.status === "open" && filter(d),
  );
  const out = new Map<string, { count: number; totals: Record<string, { total: number; weighted: number }> }>();
  for (const d of rows) {
    const col = out.get(d.stageId) ?? { count: 0, totals: {} };
    col.count += 1;
    const t = (col.totals[d.currency] ??= { total: 0, weighted: 0 });
    t.total += d.valueMinor;
    t.weighted += weightedValue(d.valueMinor, d.probability);
    out.set(d.stageId, col);
  }
  return out;
}

function summarize(board: Board) {
  return new Map(
    board.columns
      .filter((c) => c.count > 0)
      .map((c) => [
        c.id,
        {
          count: c.count,
          totals: Object.fromEntries(c.totals.map((t) => [t.currency, { total: t.totalMinor, weighted: t.weightedMinor }])),
        },
      ]),
  );
}

describe("getBoard", () => {
  it("lists the open stages in order, with the won and lost stages for the drop zones", async () => {
    const { manager, stages } = await setup();
    const board = await getBoard(manager);
    expect(board.columns.map((c) => [c.name, c.probability, c.staleAfterDays])).toEqual(
      stages.open.map((s) => [s.name, s.probability, 10]),
    );
    expect(board.won).toEqual({ id: stages.won.id, name: stages.won.name });
    expect(board.lost).toEqual({ id: stages.lost.id, name: stages.lost.name });
    expect(board.columns.every((c) => c.count === 0 && c.cards.length === 0 && c.totals.length === 0 && c.hidden === 0)).toBe(true);
  });

  it("counts and sums each column per currency in SQL, matching a naive recomputation", async () => {
    const { a, manager, rep, rep2, stages } = await setup();
    const [lead, qualified, proposal] = stages.open;
    await makeDeal(rep, lead!, { value: 1_250_050 });
    await makeDeal(rep, lead!, { value: 333_333, probability: 33 }); // weighted rounds down per deal
    await makeDeal(rep2, lead!, { value: 99 });
    await makeDeal(rep2, qualified!, { value: 500_000 });
    const eur = await makeDeal(manager, qualified!, { value: 700_000 });
    await getDb()
      .update(deals)
      .set({ currency: "EUR" })
      .where(and(eq(deals.orgId, a.org.id), eq(deals.id, eur.dealId)));
    await makeDeal(manager, proposal!, { value: 10 });
    const gone = await makeDeal(rep, proposal!, { value: 123_456 });
    await deleteDeal(await ctxFor(a.admin.id, a.org.slug), { dealId: gone.dealId });
    const won = await makeDeal(rep, proposal!, { value: 5_000_000 });
    // Closed deals leave the board.
    await moveDeal(manager, { dealId: won.dealId, stageId: stages.won.id });

    const board = await getBoard(manager);
    expect(summarize(board)).toEqual(await naiveColumns(a.org.id, () => true));
    const q = board.columns.find((c) => c.id === qualified!.id)!;
    expect(q.totals.map((t) => t.currency)).toEqual(["DKK", "EUR"]); // the org's currency first
    expect(board.columns.find((c) => c.id === lead!.id)!.totals).toEqual([
      { currency: "DKK", totalMinor: 1_250_050 + 333_333 + 99, weightedMinor: 125_005 + 109_999 + 9 },
    ]);
  });

  it("caps each column, in Kanban order, and says how many more there are and which comes next", async () => {
    const { manager, rep, stages } = await setup();
    const lead = stages.open[0]!;
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.unshift((await makeDeal(rep, lead, { title: `Deal ${i}` })).dealId); // each new deal goes on top
    const board = await getBoard(manager, { limit: 3 });
    const column = board.columns.find((c) => c.id === lead.id)!;
    expect(column.cards.map((c) => c.id)).toEqual(ids.slice(0, 3));
    expect(column.count).toBe(5);
    expect(column.hidden).toBe(2);
    expect(column.nextHiddenId).toBe(ids[3]);
    const full = await getBoard(manager, { limit: 5 });
    expect(full.columns.find((c) => c.id === lead.id)!).toMatchObject({ hidden: 0, nextHiddenId: null });
  });

  it("shows a rep only their own deals, and leads everyone's or one owner's", async () => {
    const { a, manager, rep, rep2, stages } = await setup();
    const lead = stages.open[0]!;
    const mine = await makeDeal(rep, lead, { value: 1_000 });
    const theirs = await makeDeal(rep2, lead, { value: 2_000 });
    const managers = await makeDeal(manager, lead, { value: 4_000 });

    const ids = (board: Board) => board.columns.flatMap((c) => c.cards.map((card) => card.id)).sort();
    const repBoard = await getBoard(rep);
    expect(ids(repBoard)).toEqual([mine.dealId]);
    expect(repBoard.columns[0]!.totals).toEqual([{ currency: "DKK", totalMinor: 1_000, weightedMinor: 100 }]);
    // A rep asking for someone else's deals still only gets the intersection with their own: nothing.
    expect(ids(await getBoard(rep, { ownerId: a.rep2.id }))).toEqual([]);

    expect(ids(await getBoard(manager))).toEqual([mine.dealId, theirs.dealId, managers.dealId].sort());
    const filtered = await getBoard(manager, { ownerId: a.rep2.id });
    expect(ids(filtered)).toEqual([theirs.dealId]);
    expect(filtered.ownerId).toBe(a.rep2.id);
    expect(summarize(filtered)).toEqual(await naiveColumns(a.org.id, (d) => d.ownerId === a.rep2.id));
    expect(filtered.columns[0]!.cards[0]).toMatchObject({ ownerId: a.rep2.id, ownerName: "Ravi Rep", contactName: "Nordic Offices ApS" });
  });

  it("shows nothing for another org's owner, and never another org's deals", async () => {
    const { b, manager, stages } = await setup();
    await makeDeal(manager, stages.open[0]!);
    const bManager = await ctxFor(b.manager.id, b.org.slug);
    const bStages = await stagesOf(bManager);
    await makeDeal(await ctxFor(b.rep.id, b.org.slug), bStages.open[0]!);

    const foreignOwner = await getBoard(manager, { ownerId: b.rep.id });
    expect(foreignOwner.columns.every((c) => c.count === 0 && c.cards.length === 0)).toBe(true);
    const own = await getBoard(manager);
    expect(own.columns.map((c) => c.id)).toEqual(stages.open.map((s) => s.id));
    expect(own.columns.reduce((n, c) => n + c.count, 0)).toBe(1);
  });

  it("flags stale deals by the stage's threshold, strictly after it, independent of the due badge", async () => {
    const { a, admin, manager, rep, stages } = await setup();
    const [lead, qualified] = stages.open;
    await updateStage(admin, { stageId: qualified!.id, name: qualified!.name, probability: qualified!.probability, staleAfterDays: 3 });
    const now = new Date(Date.now() + 30 * DAY); // far enough ahead that every deal is younger than its backdated clock
    const minute = 60_000;

    const fresh = await makeDeal(rep, lead!);
    await setDealClock(a.org.id, fresh.dealId, { lastActivityAt: new Date(now.getTime() - 10 * DAY + minute) });
    const justStale = await makeDeal(rep, lead!);
    await setDealClock(a.org.id, justStale.dealId, { lastActivityAt: new Date(now.getTime() - 10 * DAY - minute) });
    const neverTouched = await makeDeal(rep, lead!);
    await setDealClock(a.org.id, neverTouched.dealId, { createdAt: new Date(now.getTime() - 11 * DAY), lastActivityAt: null });
    const shortStage = await makeDeal(rep, qualified!);
    await setDealClock(a.org.id, shortStage.dealId, { lastActivityAt: new Date(now.getTime() - 4 * DAY) });
    // Overdue but recently active: overdue, not stale.
    const overdue = await makeDeal(rep, lead!);
    await setDealClock(a.org.id, overdue.dealId, { lastActivityAt: new Date(now.getTime() - DAY) });
    await setPendingDue(a.org.id, overdue.dealId, new Date(now.getTime() - minute));

    const board = await getBoard(manager, { now });
    const card = (id: string) => board.columns.flatMap((c) => c.cards).find((c) => c.id === id)!;
    expect(card(fresh.dealId)).toMatchObject({ stale: false, idleDays: 9 });
    expect(card(justStale.dealId)).toMatchObject({ stale: true, idleDays: 10 });
    expect(card(neverTouched.dealId)).toMatchObject({ stale: true, idleDays: 11 });
    expect(card(shortStage.dealId)).toMatchObject({ stale: true, idleDays: 4 });
    expect(card(overdue.dealId)).toMatchObject({ stale: false, due: "overdue" });
  });

  it("puts the due badge by the org's day: overdue before now, today until midnight in the org's zone, upcoming after", async () => {
    const { a, manager, rep, stages } = await setup();
    const lead = stages.open[0]!;
    const now = new Date(Date.now() + 40 * DAY);
    const { end } = dayBounds(now, a.org.timeZone);
    const cases = [
      ["late", new Date(now.getTime() - 1_000), "overdue"],
      ["soon", new Date(now.getTime() + 1_000), "today"],
      ["last minute", new Date(end.getTime() - 1), "today"],
      ["tomorrow", end, "upcoming"],
    ] as const;
    const ids: Record<string, string> = {};
    for (const [title, dueAt] of cases) {
      const { dealId } = await makeDeal(rep, lead, { title });
      await setPendingDue(a.org.id, dealId, dueAt);
      ids[title] = dealId;
    }
    const cards = (await getBoard(manager, { now })).columns[0]!.cards;
    for (const [title, dueAt, state] of cases) {
      expect(cards.find((c) => c.id === ids[title])).toMatchObject({
        due: state,
        action: { type: "call", dueAt, details: "Call about the scope" },
      });
    }
  });
});

describe("countDealsPerStage", () => {
  it("counts visible, not deleted deals per stage, closed ones included; reps count their own; other orgs never", async () => {
    const { a, b, admin, manager, rep, rep2, stages } = await setup();
    const [lead, qualified] = stages.open;
    await makeDeal(rep, lead!);
    await makeDeal(rep2, lead!);
    const won = await makeDeal(rep, qualified!);
    await moveDeal(rep, { dealId: won.dealId, stageId: stages.won.id });
    const deleted = await makeDeal(rep, qualified!);
    await deleteDeal(admin, { dealId: deleted.dealId });
    await makeDeal(await ctxFor(b.rep.id, b.org.slug), (await stagesOf(await ctxFor(b.admin.id, b.org.slug))).open[0]!);

    expect(Object.fromEntries(await countDealsPerStage(manager))).toEqual({ [lead!.id]: 2, [stages.won.id]: 1 });
    expect(Object.fromEntries(await countDealsPerStage(rep2))).toEqual({ [lead!.id]: 1 });
    expect(a.org.id).not.toBe(b.org.id);
  });
});
