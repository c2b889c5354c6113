import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { getDb } from "@/db/client";
import { getDealTimeline, getTimeInStages, type TimelineEntry } from "@/server/data/deal-timeline";
import { closeDeal, moveDeal, reopenDeal } from "@/server/data/deal-transitions";
import { createDeal, deleteDeal, restoreDeal, updateDeal } from "@/server/data/deals";
import { completeNextStep, snoozeNextStep } from "@/server/data/next-steps";
import { listLossReasons, listStages } from "@/server/data/stages";
import { ctxFor, twoOrgs } from "@tests/integration/support/fixtures";

const inDays = (d: number) => new Date(Date.now() + d * 86_400_000);

async function setup() {
  const { a, b } = await twoOrgs();
  const rep = await ctxFor(a.rep.id, a.org.slug);
  const stages = await listStages(rep);
  const open = stages.filter((s) => s.kind === "open");
  const { dealId, actionId } = await createDeal(rep, {
    title: "Office cleaning contract",
    contactName: "Nordic Offices ApS",
    value: 1_250_000,
    stageId: open[0]!.id,
    firstAction: { type: "call", dueAt: inDays(1), details: "Call about the scope" },
  });
  return { a, b, rep, stages, open, dealId, actionId };
}

/** The full journey of the brief: create → complete & plan next → move → edit → snooze → close lost. */
async function journey() {
  const s = await setup();
  const { rep, open, dealId, actionId } = s;
  const done = await completeNextStep(rep, {
    actionId,
    outcome: "They want a quote",
    followUp: { then: "next", next: { type: "email", dueAt: inDays(2), details: "Send the quote" } },
  });
  await moveDeal(rep, { dealId, stageId: open[1]!.id });
  await updateDeal(rep, { dealId, patch: { title: "Office cleaning, 3 floors", value: 1_500_000 } });
  await snoozeNextStep(rep, { actionId: done.nextActionId!, dueAt: inDays(4), reason: "Customer on holiday" });
  const [reason] = await listLossReasons(rep);
  await closeDeal(rep, { dealId, outcome: "lost", lossReasonId: reason!.id, lossNote: "Went with a competitor" });
  return { ...s, reason: reason!, nextActionId: done.nextActionId! };
}

const kinds = (entries: TimelineEntry[]) => entries.map((e) => e.kind);

describe("getDealTimeline", () => {
  it("merges completed actions, stage changes and audited edits/snoozes, newest first", async () => {
    const { rep, dealId, open, reason } = await journey();
    const { entries, nextCursor } = await getDealTimeline(rep, { dealId });
    expect(nextCursor).toBeNull();

    // Closing completes the pending action and changes the stage in one transaction; the two
    // timestamps come from different clocks (JS vs. the transaction's now()), so only the set is fixed.
    expect(new Set(kinds(entries.slice(0, 2)))).toEqual(new Set(["lost", "action"]));
    expect(kinds(entries.slice(2))).toEqual(["snoozed", "edited", "moved", "action", "created"]);
    for (let i = 1; i < entries.length; i++) expect(entries[i - 1]!.at.getTime()).toBeGreaterThanOrEqual(entries[i]!.at.getTime());

    const byKind = <K extends TimelineEntry["kind"]>(k: K) => entries.filter((e) => e.kind === k) as Extract<TimelineEntry, { kind: K }>[];
    expect(byKind("lost")[0]).toMatchObject({ from: open[1]!.name, lossReason: reason.label, actor: { name: "Rita Rep" } });
    expect(byKind("snoozed")[0]).toMatchObject({ actionType: "email", details: "Send the quote", reason: "Customer on holiday" });
    expect(byKind("snoozed")[0]!.to!.getTime()).toBeGreaterThan(byKind("snoozed")[0]!.from!.getTime());
    expect(byKind("edited")[0]!.changes).toEqual([
      { field: "title", before: "Office cleaning contract", after: "Office cleaning, 3 floors" },
      { field: "valueMinor", before: 1_250_000, after: 1_500_000 },
    ]);
    expect(byKind("moved")[0]).toMatchObject({ from: open[0]!.name, to: open[1]!.name });
    expect(byKind("created")[0]).toMatchObject({ stage: open[0]!.name, actor: { name: "Rita Rep" } });
    const actions = byKind("action");
    expect(actions.map((a) => a.outcome).sort()).toEqual(["Closed as lost: Went with a competitor", "They want a quote"]);
    expect(actions.find((a) => a.outcome === "They want a quote")).toMatchObject({ actionType: "call", details: "Call about the scope" });
  });

  it("shows reopen, owner changes with names, delete and restore", async () => {
    const { a, dealId, open, stages, reason } = await journey();
    const manager = await ctxFor(a.manager.id, a.org.slug);
    await reopenDeal(manager, {
      dealId,
      stageId: open[2]!.id,
      nextAction: { type: "meeting", dueAt: inDays(3), details: "Second chance" },
    });
    await updateDeal(manager, { dealId, patch: { ownerId: a.rep2.id } });
    const admin = await ctxFor(a.admin.id, a.org.slug);
    await deleteDeal(admin, { dealId });
    await restoreDeal(admin, { dealId });

    const { entries } = await getDealTimeline(manager, { dealId });
    expect(kinds(entries.slice(0, 4))).toEqual(["restored", "deleted", "edited", "reopened"]);
    expect(entries[2]).toMatchObject({
      changes: [{ field: "ownerId", before: "Rita Rep", after: "Ravi Rep" }],
      actor: { name: "Max Manager" },
    });
    expect(entries[3]).toMatchObject({
      from: stages.find((s) => s.kind === "lost")!.name,
      to: open[2]!.name,
      actor: { name: "Max Manager" },
    });
    expect(entries.find((e) => e.kind === "lost")).toMatchObject({ lossReason: reason.label });
  });

  it("pages with a cursor without gaps or repeats", async () => {
    const { rep, dealId } = await journey();
    const all = (await getDealTimeline(rep, { dealId })).entries.map((e) => e.key);
    const first = await getDealTimeline(rep, { dealId, limit: 3 });
    expect(first.entries).toHaveLength(3);
    expect(first.nextCursor).toBeTruthy();
    const second = await getDealTimeline(rep, { dealId, limit: 3, before: first.nextCursor });
    const third = await getDealTimeline(rep, { dealId, limit: 3, before: second.nextCursor });
    expect(third.nextCursor).toBeNull();
    expect([...first.entries, ...second.entries, ...third.entries].map((e) => e.key)).toEqual(all);
  });

  it("refuses another org's deal and another rep's deal with NotFoundError", async () => {
    const { a, b, dealId } = await setup();
    const otherOrgAdmin = await ctxFor(b.admin.id, b.org.slug);
    await expect(getDealTimeline(otherOrgAdmin, { dealId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getTimeInStages(otherOrgAdmin, { dealId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const otherRep = await ctxFor(a.rep2.id, a.org.slug);
    await expect(getDealTimeline(otherRep, { dealId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getTimeInStages(otherRep, { dealId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getDealTimeline(otherRep, { dealId: "not-a-uuid" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // The same deal is visible to its owner and to the org's manager.
    await expect(getDealTimeline(await ctxFor(a.manager.id, a.org.slug), { dealId })).resolves.toBeTruthy();
  });

  it("hides a deleted deal's timeline", async () => {
    const { a, dealId } = await setup();
    const admin = await ctxFor(a.admin.id, a.org.slug);
    await deleteDeal(admin, { dealId });
    await expect(getDealTimeline(admin, { dealId })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("getTimeInStages", () => {
  it("sums every stay per stage in SQL, with the current stay up to now", async () => {
    const { rep, dealId, open, a } = await setup();
    await moveDeal(rep, { dealId, stageId: open[1]!.id });
    await moveDeal(rep, { dealId, stageId: open[0]!.id });
    // Rewrite the stays to known lengths: first stage 2 days, second stage 3 days, then the first again (current, 1 h).
    const db = getDb();
    const h = (await db.execute(
      sql`select id from deal_stage_history where org_id = ${a.org.id} and deal_id = ${dealId} order by entered_at, id`,
    )) as unknown as { id: number }[];
    expect(h).toHaveLength(3);
    const day = 86_400;
    const now = Date.now() / 1000;
    const set = (id: number, from: number, to: number | null) =>
      db.execute(
        sql`update deal_stage_history set entered_at = to_timestamp(${from}), exited_at = ${to === null ? null : sql`to_timestamp(${to})`} where org_id = ${a.org.id} and id = ${id}`,
      );
    await set(h[0]!.id, now - 6 * day, now - 4 * day);
    await set(h[1]!.id, now - 4 * day, now - 1 * day);
    await set(h[2]!.id, now - 3600, null);

    const times = await getTimeInStages(rep, { dealId });
    expect(times.map((t) => t.name)).toEqual([open[0]!.name, open[1]!.name]);
    expect(times[0]).toMatchObject({ stays: 2, current: true });
    expect(times[0]!.seconds).toBeGreaterThanOrEqual(2 * day + 3600 - 5);
    expect(times[0]!.seconds).toBeLessThan(2 * day + 3600 + 60);
    expect(times[1]).toMatchObject({ stays: 1, current: false });
    expect(times[1]!.seconds).toBeCloseTo(3 * day, 0);
    expect(times[0]!.lastEnteredAt.getTime()).toBeGreaterThan(times[1]!.lastEnteredAt.getTime());
  });
});
