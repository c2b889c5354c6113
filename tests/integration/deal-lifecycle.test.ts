import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { closeDealAction, deleteDealAction, moveDealAction, reopenDealAction, restoreDealAction, updateDealAction } from "@/actions/deals";
import { getDb } from "@/db/client";
import { createDeal, getDeal, getPendingNextStep } from "@/server/data/deals";
import { listLossReasons, listStages } from "@/server/data/stages";
import { asUser, ctxFor, twoOrgs, violatedConstraint } from "@tests/integration/support/fixtures";

const inDays = (d: number) => new Date(Date.now() + d * 86_400_000);
const nextAction = () => ({ type: "call" as const, dueAt: inDays(1).toISOString(), details: "Call to restart the talks" });

async function setup() {
  const { a, b } = await twoOrgs();
  const rep = await ctxFor(a.rep.id, a.org.slug);
  const stages = await listStages(rep);
  const open = stages.filter((s) => s.kind === "open");
  const won = stages.find((s) => s.kind === "won")!;
  const lost = stages.find((s) => s.kind === "lost")!;
  const [reason] = await listLossReasons(rep);
  const { dealId } = await createDeal(rep, {
    title: "Canteen catering",
    contactName: "Fjord Foods A/S",
    value: 4_800_000,
    stageId: open[0]!.id,
    firstAction: { type: "meeting", dueAt: inDays(2), details: "Tasting session" },
  });
  return { a, b, rep, open, won, lost, reason: reason!, dealId };
}

const countPending = async (orgId: string, dealId: string) => {
  const rows = (await getDb().execute(
    sql`select count(*)::int as n from actions where org_id = ${orgId} and deal_id = ${dealId} and completed_at is null`,
  )) as unknown as { n: number }[];
  return rows[0]!.n;
};

describe("deal lifecycle through the server actions", () => {
  it("lets the owner edit, and the probability reset falls back to the stage default", async () => {
    const { a, dealId, open } = await setup();
    const edited = await asUser(a.rep.id, () =>
      updateDealAction(a.org.slug, {
        dealId,
        patch: { title: "Canteen catering 2027", value: "52 000,50", probability: 45, sector: "Food" },
      }),
    );
    expect(edited).toEqual({ ok: true, data: { dealId } });
    const ctx = await ctxFor(a.rep.id, a.org.slug);
    expect(await getDeal(ctx, { dealId })).toMatchObject({
      title: "Canteen catering 2027",
      valueMinor: 5_200_050,
      probability: 45,
      sector: "Food",
    });
    await asUser(a.rep.id, () => updateDealAction(a.org.slug, { dealId, patch: { probability: null } }));
    expect((await getDeal(ctx, { dealId })).probability).toBe(open[0]!.probability);
  });

  it("refuses an empty title with a field error and changes nothing", async () => {
    const { a, dealId } = await setup();
    const res = await asUser(a.rep.id, () => updateDealAction(a.org.slug, { dealId, patch: { title: "  " } }));
    expect(res).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { "patch.title": ["Give the deal a title"] } });
    expect((await getDeal(await ctxFor(a.rep.id, a.org.slug), { dealId })).title).toBe("Canteen catering");
  });

  it("refuses a rep reassigning the deal", async () => {
    const { a, dealId } = await setup();
    const res = await asUser(a.rep.id, () => updateDealAction(a.org.slug, { dealId, patch: { ownerId: a.rep2.id } }));
    expect(res).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });

  it("puts a data-layer refusal on the patch field's dotted path", async () => {
    const { a, b, dealId } = await setup();
    const res = await asUser(a.manager.id, () => updateDealAction(a.org.slug, { dealId, patch: { ownerId: b.rep.id } }));
    expect(res).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { "patch.ownerId": ["Not a member"] } });
  });

  it("locks a closed deal: the action says CONFLICT and the database refuses a raw update", async () => {
    const { a, dealId, won } = await setup();
    expect(await asUser(a.rep.id, () => moveDealAction(a.org.slug, { dealId, stageId: won.id }))).toMatchObject({
      ok: true,
      data: { status: "won" },
    });
    expect(await countPending(a.org.id, dealId)).toBe(0);
    const res = await asUser(a.rep.id, () => updateDealAction(a.org.slug, { dealId, patch: { title: "Sneaky edit" } }));
    expect(res).toMatchObject({ ok: false, code: "CONFLICT", message: "This deal is won. Reopen it to make changes." });
    const raw = getDb().execute(sql`update deals set value_minor = 1 where org_id = ${a.org.id} and id = ${dealId}`);
    expect(await violatedConstraint(raw)).toBe("deals_closed_locked");
    // Closing again is a conflict too.
    expect(await asUser(a.rep.id, () => closeDealAction(a.org.slug, { dealId, outcome: "won" }))).toMatchObject({
      ok: false,
      code: "CONFLICT",
    });
  });

  it("requires a loss reason to move to lost, then records it", async () => {
    const { a, dealId, lost, reason } = await setup();
    const without = await asUser(a.rep.id, () => moveDealAction(a.org.slug, { dealId, stageId: lost.id }));
    expect(without).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { lossReasonId: ["Choose a reason"] } });
    expect(await countPending(a.org.id, dealId)).toBe(1);
    const closeWithout = await asUser(a.rep.id, () => closeDealAction(a.org.slug, { dealId, outcome: "lost" } as never));
    expect(closeWithout).toMatchObject({ ok: false, code: "VALIDATION" });
    const withReason = await asUser(a.rep.id, () =>
      moveDealAction(a.org.slug, { dealId, stageId: lost.id, lossReasonId: reason.id, lossNote: "Too expensive" }),
    );
    expect(withReason).toMatchObject({ ok: true, data: { status: "lost" } });
    const deal = await getDeal(await ctxFor(a.rep.id, a.org.slug), { dealId });
    expect(deal).toMatchObject({ status: "lost", lossReason: reason.label, lossNote: "Too expensive", probability: 0 });
    expect(deal.closedAt).toBeInstanceOf(Date);
  });

  it("reopens only for managers/admins and only with a next action", async () => {
    const { a, dealId, open, reason } = await setup();
    await asUser(a.rep.id, () => closeDealAction(a.org.slug, { dealId, outcome: "lost", lossReasonId: reason.id }));

    const asRep = await asUser(a.rep.id, () => reopenDealAction(a.org.slug, { dealId, stageId: open[1]!.id, nextAction: nextAction() }));
    expect(asRep).toMatchObject({ ok: false, code: "FORBIDDEN" });

    const noAction = await asUser(a.manager.id, () => reopenDealAction(a.org.slug, { dealId, stageId: open[1]!.id } as never));
    expect(noAction).toMatchObject({ ok: false, code: "VALIDATION" });
    const pastAction = await asUser(a.manager.id, () =>
      reopenDealAction(a.org.slug, { dealId, stageId: open[1]!.id, nextAction: { ...nextAction(), dueAt: inDays(-1).toISOString() } }),
    );
    expect(pastAction).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(await countPending(a.org.id, dealId)).toBe(0);

    const ok = await asUser(a.manager.id, () => reopenDealAction(a.org.slug, { dealId, stageId: open[1]!.id, nextAction: nextAction() }));
    expect(ok).toMatchObject({ ok: true });
    const ctx = await ctxFor(a.manager.id, a.org.slug);
    expect(await getDeal(ctx, { dealId })).toMatchObject({ status: "open", stageId: open[1]!.id, lossReasonId: null, closedAt: null });
    expect(await countPending(a.org.id, dealId)).toBe(1);
    // The reopened deal's step belongs to the deal's owner by default.
    expect(await getPendingNextStep(ctx, { dealId })).toMatchObject({ details: "Call to restart the talks", ownerId: a.rep.id });
  });

  it("deletes for admins only, hides the deal, and restores it", async () => {
    const { a, dealId } = await setup();
    expect(await asUser(a.manager.id, () => deleteDealAction(a.org.slug, { dealId }))).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await asUser(a.rep.id, () => deleteDealAction(a.org.slug, { dealId }))).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await asUser(a.admin.id, () => deleteDealAction(a.org.slug, { dealId }))).toEqual({ ok: true, data: { dealId } });
    const admin = await ctxFor(a.admin.id, a.org.slug);
    await expect(getDeal(admin, { dealId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await asUser(a.rep.id, () => updateDealAction(a.org.slug, { dealId, patch: { title: "x" } }))).toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await asUser(a.manager.id, () => restoreDealAction(a.org.slug, { dealId }))).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await asUser(a.admin.id, () => restoreDealAction(a.org.slug, { dealId }))).toEqual({ ok: true, data: { dealId } });
    expect(await getDeal(admin, { dealId })).toMatchObject({ id: dealId, status: "open" });
    expect(await countPending(a.org.id, dealId)).toBe(1);
  });

  it("answers NOT_FOUND for another org's deal id on every deal action, and changes nothing", async () => {
    const { a, b, dealId, open } = await setup();
    const bStages = await listStages(await ctxFor(b.admin.id, b.org.slug));
    const bOpen = bStages.find((s) => s.kind === "open")!;
    const [bReason] = await listLossReasons(await ctxFor(b.admin.id, b.org.slug));
    const calls = [
      () => updateDealAction(b.org.slug, { dealId, patch: { title: "Hijacked" } }),
      () => moveDealAction(b.org.slug, { dealId, stageId: bOpen.id }),
      () => closeDealAction(b.org.slug, { dealId, outcome: "won" }),
      () => closeDealAction(b.org.slug, { dealId, outcome: "lost", lossReasonId: bReason!.id }),
      () => reopenDealAction(b.org.slug, { dealId, stageId: bOpen.id, nextAction: nextAction() }),
      () => deleteDealAction(b.org.slug, { dealId }),
      () => restoreDealAction(b.org.slug, { dealId }),
    ];
    for (const call of calls) {
      expect(await asUser(b.admin.id, call)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    }
    // And b's stage and loss reason on a's own deal, by a's own admin, are refused for what they are.
    const lostWithBReason = await asUser(a.admin.id, () =>
      closeDealAction(a.org.slug, { dealId, outcome: "lost", lossReasonId: bReason!.id }),
    );
    expect(lostWithBReason).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { lossReasonId: ["Choose a reason"] } });
    const movedToBStage = await asUser(a.admin.id, () => moveDealAction(a.org.slug, { dealId, stageId: bOpen.id }));
    expect(movedToBStage).toEqual({ ok: false, code: "NOT_FOUND", message: "Stage was not found." });
    expect(await getDeal(await ctxFor(a.rep.id, a.org.slug), { dealId })).toMatchObject({
      title: "Canteen catering",
      status: "open",
      stageId: open[0]!.id,
      lossReasonId: null,
    });
  });

  it("answers NOT_FOUND to a rep acting on another rep's deal", async () => {
    const { a, dealId } = await setup();
    expect(await asUser(a.rep2.id, () => updateDealAction(a.org.slug, { dealId, patch: { title: "Mine now" } }))).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
    expect(await asUser(a.rep2.id, () => closeDealAction(a.org.slug, { dealId, outcome: "won" }))).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
  });
});
