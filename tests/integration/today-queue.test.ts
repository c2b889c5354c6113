import { describe, expect, it } from "vitest";

import { getDb } from "@/db/client";
import { createOrgWithTeam } from "@/db/seed/factories";
import { createDeal, deleteDeal } from "@/server/data/deals";
import { completeNextStep } from "@/server/data/next-steps";
import { listStages } from "@/server/data/stages";
import { listTodayQueue, queueBoundaries, type TodayQueue } from "@/server/data/today-queue";
import type { TenantContext } from "@/server/tenant";
import { ctxFor, twoOrgs } from "@tests/integration/support/fixtures";

const HOUR = 3_600_000;
// A fixed "now": Tuesday 2026-11-24 10:00 UTC = 11:00 in Copenhagen (UTC+1) = 15:30 in Kolkata (UTC+5:30).
const NOW = new Date("2026-11-24T10:00:00Z");

async function addDeal(ctx: TenantContext, dueAt: Date, opts: { title?: string; ownerId?: string; actionOwnerId?: string } = {}) {
  const stages = await listStages(ctx);
  return createDeal(ctx, {
    title: opts.title ?? `Deal due ${dueAt.toISOString()}`,
    contactName: "Nordic Offices ApS",
    value: 1_250_000,
    stageId: stages[1]!.id,
    ownerId: opts.ownerId,
    firstAction: { type: "call", dueAt, details: "Call about the scope", ownerId: opts.actionOwnerId },
  });
}

const ids = (q: TodayQueue) => ({
  overdue: q.rows.overdue.map((r) => r.dealTitle),
  today: q.rows.today.map((r) => r.dealTitle),
  upcoming: q.rows.upcoming.map((r) => r.dealTitle),
});

describe("listTodayQueue: buckets in the org's time zone", () => {
  it.each([
    ["Europe/Copenhagen", "2026-11-24T23:00:00.000Z", "2026-12-01T23:00:00.000Z"],
    ["Asia/Kolkata", "2026-11-24T18:30:00.000Z", "2026-12-01T18:30:00.000Z"],
  ])("cuts today and the 7-day window at midnight in %s", (timeZone, todayEnd, upcomingEnd) => {
    expect(queueBoundaries(NOW, timeZone)).toEqual({ todayEnd: new Date(todayEnd), upcomingEnd: new Date(upcomingEnd) });
  });

  it("puts the same instants in different buckets for Copenhagen and Kolkata", async () => {
    const db = getDb();
    const cph = await createOrgWithTeam(db, { timeZone: "Europe/Copenhagen" });
    const kol = await createOrgWithTeam(db, { timeZone: "Asia/Kolkata", currency: "INR", locale: "en-IN" });
    const instants: [string, Date][] = [
      ["a: an hour late", new Date(NOW.getTime() - HOUR)],
      ["b: due right now", NOW],
      ["c: 19:00 UTC", new Date("2026-11-24T19:00:00Z")], // 20:00 in Copenhagen (today), 00:30 tomorrow in Kolkata
      ["d: 23:30 UTC", new Date("2026-11-24T23:30:00Z")], // tomorrow in both
      ["e: last minute of the window in Kolkata", new Date("2026-12-01T18:29:00Z")],
      ["f: 20:00 UTC a week on", new Date("2026-12-01T20:00:00Z")], // inside Copenhagen's window, outside Kolkata's
      ["g: far ahead", new Date("2026-12-10T09:00:00Z")],
    ];
    for (const team of [cph, kol]) {
      const ctx = await ctxFor(team.rep.id, team.org.slug);
      for (const [title, at] of instants) await addDeal(ctx, at, { title });
    }

    const inCph = await listTodayQueue(await ctxFor(cph.rep.id, cph.org.slug), { now: NOW });
    expect(ids(inCph)).toEqual({
      overdue: ["a: an hour late"],
      today: ["b: due right now", "c: 19:00 UTC"],
      upcoming: ["d: 23:30 UTC", "e: last minute of the window in Kolkata", "f: 20:00 UTC a week on"],
    });
    expect(inCph.counts).toEqual({ overdue: 1, today: 2, upcoming: 3 });

    const inKol = await listTodayQueue(await ctxFor(kol.rep.id, kol.org.slug), { now: NOW });
    expect(ids(inKol)).toEqual({
      overdue: ["a: an hour late"],
      today: ["b: due right now"],
      upcoming: ["c: 19:00 UTC", "d: 23:30 UTC", "e: last minute of the window in Kolkata"],
    });
    expect(inKol.counts).toEqual({ overdue: 1, today: 1, upcoming: 3 });
  });

  it("returns everything a row shows: deal, contact, value, stage, what is due and who owns it", async () => {
    const { a } = await twoOrgs();
    const ctx = await ctxFor(a.rep.id, a.org.slug);
    const { dealId, actionId } = await addDeal(ctx, new Date(NOW.getTime() - 2 * HOUR), { title: "Office cleaning" });
    const queue = await listTodayQueue(ctx, { now: NOW });
    expect(queue.rows.overdue).toEqual([
      {
        actionId,
        type: "call",
        details: "Call about the scope",
        dueAt: new Date(NOW.getTime() - 2 * HOUR),
        ownerId: a.rep.id,
        ownerName: "Rita Rep",
        dealId,
        dealTitle: "Office cleaning",
        contactName: "Nordic Offices ApS",
        valueMinor: 1_250_000,
        currency: "DKK",
        stageName: expect.any(String),
        probability: expect.any(Number),
      },
    ]);
    expect(queue.ownerId).toBe(a.rep.id);
  });
});

describe("listTodayQueue: who sees what", () => {
  async function teamWithDeals() {
    const { a, b } = await twoOrgs();
    const soon = new Date(NOW.getTime() + HOUR);
    const repCtx = await ctxFor(a.rep.id, a.org.slug);
    const rep2Ctx = await ctxFor(a.rep2.id, a.org.slug);
    const managerCtx = await ctxFor(a.manager.id, a.org.slug);
    await addDeal(repCtx, soon, { title: "Rita's deal" });
    await addDeal(rep2Ctx, soon, { title: "Ravi's deal" });
    // Rita's deal whose next step the manager took on: it is the manager's to do, not Rita's.
    await addDeal(managerCtx, soon, { title: "Rita's deal, manager's step", ownerId: a.rep.id, actionOwnerId: a.manager.id });
    await addDeal(await ctxFor(b.rep.id, b.org.slug), soon, { title: "Other org's deal" });
    return { a, b, repCtx, rep2Ctx, managerCtx };
  }

  it("shows a rep only their own actions on their own deals", async () => {
    const { repCtx, rep2Ctx } = await teamWithDeals();
    expect(ids(await listTodayQueue(repCtx, { now: NOW })).today).toEqual(["Rita's deal"]);
    expect(ids(await listTodayQueue(rep2Ctx, { now: NOW })).today).toEqual(["Ravi's deal"]);
  });

  it("refuses a rep who asks for someone else's queue", async () => {
    const { a, repCtx } = await teamWithDeals();
    await expect(listTodayQueue(repCtx, { ownerId: a.rep2.id, now: NOW })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(ids(await listTodayQueue(repCtx, { ownerId: a.rep.id, now: NOW })).today).toEqual(["Rita's deal"]);
  });

  it("shows managers and admins everyone's, and one member's with the rep filter", async () => {
    const { a, managerCtx } = await teamWithDeals();
    const everyone = await listTodayQueue(managerCtx, { now: NOW });
    expect(everyone.ownerId).toBeNull();
    expect(ids(everyone).today.sort()).toEqual(["Ravi's deal", "Rita's deal", "Rita's deal, manager's step"]);
    expect(ids(await listTodayQueue(managerCtx, { ownerId: a.rep.id, now: NOW })).today).toEqual(["Rita's deal"]);
    expect(ids(await listTodayQueue(managerCtx, { ownerId: a.rep2.id, now: NOW })).today).toEqual(["Ravi's deal"]);
    expect(ids(await listTodayQueue(managerCtx, { ownerId: a.manager.id, now: NOW })).today).toEqual(["Rita's deal, manager's step"]);
    const adminCtx = await ctxFor(a.admin.id, a.org.slug);
    expect((await listTodayQueue(adminCtx, { now: NOW })).counts.today).toBe(3);
  });

  it("refuses to give a rep the next step of a deal they cannot see", async () => {
    const { a, managerCtx } = await teamWithDeals();
    const attempt = addDeal(managerCtx, new Date(NOW.getTime() + HOUR), { title: "x", ownerId: a.rep.id, actionOwnerId: a.rep2.id });
    await expect(attempt).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { "firstAction.ownerId": ["Not this deal's owner"] } });
  });

  it("treats another org's rep id as a filter as not found", async () => {
    const { b, managerCtx } = await teamWithDeals();
    await expect(listTodayQueue(managerCtx, { ownerId: b.rep.id, now: NOW })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("never shows another org's actions", async () => {
    const { b } = await teamWithDeals();
    const other = await listTodayQueue(await ctxFor(b.manager.id, b.org.slug), { now: NOW });
    expect(ids(other).today).toEqual(["Other org's deal"]);
  });
});

describe("listTodayQueue: what is left out", () => {
  it("excludes deleted deals and completed actions, and shows the planned next one", async () => {
    const { a } = await twoOrgs();
    const ctx = await ctxFor(a.rep.id, a.org.slug);
    const late = new Date(NOW.getTime() - HOUR);
    const deleted = await addDeal(ctx, late, { title: "Deleted" });
    const done = await addDeal(ctx, late, { title: "Completed" });
    await deleteDeal(await ctxFor(a.admin.id, a.org.slug), { dealId: deleted.dealId });
    await completeNextStep(ctx, {
      actionId: done.actionId,
      outcome: "Spoke to them",
      followUp: { then: "next", next: { type: "email", dueAt: new Date("2026-11-27T09:00:00Z"), details: "Send the quote" } },
    });
    const queue = await listTodayQueue(ctx, { now: NOW });
    expect(queue.counts).toEqual({ overdue: 0, today: 0, upcoming: 1 });
    expect(queue.rows.upcoming.map((r) => [r.dealTitle, r.details])).toEqual([["Completed", "Send the quote"]]);
    // A lead's counts take another path (no join with every deal): the deleted deal stays out there too.
    for (const lead of [a.manager.id, a.admin.id]) {
      const everyone = await listTodayQueue(await ctxFor(lead, a.org.slug), { now: NOW });
      expect(everyone.counts).toEqual({ overdue: 0, today: 0, upcoming: 1 });
      const repOnly = await listTodayQueue(await ctxFor(lead, a.org.slug), { now: NOW, ownerId: a.rep.id });
      expect(repOnly.counts).toEqual({ overdue: 0, today: 0, upcoming: 1 });
    }
  });

  it("excludes won and lost deals", async () => {
    const { a } = await twoOrgs();
    const ctx = await ctxFor(a.rep.id, a.org.slug);
    const { actionId } = await addDeal(ctx, new Date(NOW.getTime() - HOUR), { title: "Won" });
    await completeNextStep(ctx, { actionId, outcome: "Signed", followUp: { then: "won" } });
    expect((await listTodayQueue(ctx, { now: NOW })).counts).toEqual({ overdue: 0, today: 0, upcoming: 0 });
  });
});

describe("listTodayQueue: caps", () => {
  it("caps each bucket and keeps the true counts, most overdue first", async () => {
    const { a } = await twoOrgs();
    const ctx = await ctxFor(a.rep.id, a.org.slug);
    for (let i = 1; i <= 7; i++) await addDeal(ctx, new Date(NOW.getTime() - i * HOUR), { title: `late ${i} h` });
    for (let i = 1; i <= 3; i++) await addDeal(ctx, new Date(NOW.getTime() + i * 24 * HOUR), { title: `in ${i} days` });
    const queue = await listTodayQueue(ctx, { now: NOW, limit: 5 });
    expect(queue.counts).toEqual({ overdue: 7, today: 0, upcoming: 3 });
    expect(ids(queue).overdue).toEqual(["late 7 h", "late 6 h", "late 5 h", "late 4 h", "late 3 h"]);
    expect(ids(queue).upcoming).toEqual(["in 1 days", "in 2 days", "in 3 days"]);
    expect(queue.limit).toBe(5);
  });
});
