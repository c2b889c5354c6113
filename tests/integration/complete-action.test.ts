import { describe, expect, it } from "vitest";

import { completeNextStepAction, snoozeNextStepAction } from "@/actions/next-steps";
import { getSql } from "@/db/client";
import { createDeal } from "@/server/data/deals";
import { listLossReasons, listStages } from "@/server/data/stages";
import { asUser, ctxFor, twoOrgs } from "@tests/integration/support/fixtures";
import { raceOnHeldLock } from "@tests/integration/support/row-lock-race";

const HOUR = 3_600_000;
const inHours = (h: number) => new Date(Date.now() + h * HOUR).toISOString();

/** Two orgs; in org a, one deal owned by Rita (rep) and one by Ravi (rep2), each with an overdue action. */
async function setup() {
  const { a, b } = await twoOrgs();
  const deal = async (userId: string, orgSlug: string, title: string) => {
    const ctx = await ctxFor(userId, orgSlug);
    const stages = await listStages(ctx);
    return createDeal(ctx, {
      title,
      contactName: "Nordic Offices ApS",
      value: 500_000,
      stageId: stages[0]!.id,
      firstAction: { type: "call", dueAt: new Date(Date.now() - 2 * HOUR), details: "Call about the scope" },
    });
  };
  const rita = await deal(a.rep.id, a.org.slug, "Rita's deal");
  const ravi = await deal(a.rep2.id, a.org.slug, "Ravi's deal");
  const foreign = await deal(b.rep.id, b.org.slug, "Other org's deal");
  const lossReasons = await listLossReasons(await ctxFor(a.rep.id, a.org.slug));
  return { a, b, rita, ravi, foreign, lossReasons };
}

const planNext = (actionId: string, details = "Send the quote", extra: Record<string, unknown> = {}) => ({
  actionId,
  outcome: "They want a quote",
  followUp: { then: "next" as const, next: { type: "email" as const, dueAt: inHours(20), details, ...extra } },
});

async function actionsOf(dealId: string) {
  const sql = getSql();
  return sql`select id, details, outcome, completed_at, completed_by, owner_id from actions where deal_id = ${dealId} order by created_at`;
}

async function dealRow(dealId: string) {
  const [row] = await getSql()`select status, loss_reason_id, loss_note from deals where id = ${dealId}`;
  return row!;
}

describe("completeNextStepAction", () => {
  it("completes and plans the next action in one go", async () => {
    const { a, rita } = await setup();
    const res = await asUser(a.rep.id, () => completeNextStepAction(a.org.slug, planNext(rita.actionId)));
    // The result is what the page needs to update itself (no re-rendered page): the planned step with its owner's name.
    expect(res).toEqual({
      ok: true,
      data: {
        actionId: rita.actionId,
        dealId: rita.dealId,
        status: "open",
        nextActionId: expect.any(String),
        next: {
          id: expect.any(String),
          type: "email",
          details: "Send the quote",
          dueAt: expect.any(String),
          ownerId: a.rep.id,
          ownerName: "Rita Rep",
        },
      },
    });
    const data = res.ok ? res.data : null;
    expect(data!.next!.id).toBe(data!.nextActionId);
    expect(new Date(data!.next!.dueAt).toISOString()).toBe(data!.next!.dueAt);
    const rows = await actionsOf(rita.dealId);
    expect(rows.map((r) => [r.details, r.outcome, r.completed_by])).toEqual([
      ["Call about the scope", "They want a quote", a.rep.id],
      ["Send the quote", null, null],
    ]);
    expect(rows[1]!.owner_id).toBe(a.rep.id); // defaults to the deal's owner
  });

  it("closes as won instead of planning", async () => {
    const { a, rita } = await setup();
    const res = await asUser(a.rep.id, () =>
      completeNextStepAction(a.org.slug, { actionId: rita.actionId, outcome: "Signed", followUp: { then: "won" } }),
    );
    expect(res).toEqual({
      ok: true,
      data: { actionId: rita.actionId, dealId: rita.dealId, status: "won", nextActionId: null, next: null },
    });
    expect((await dealRow(rita.dealId)).status).toBe("won");
    expect((await actionsOf(rita.dealId)).every((r) => r.completed_at)).toBe(true);
  });

  it("requires a loss reason to close as lost, and writes nothing without one", async () => {
    const { a, b, rita, lossReasons } = await setup();
    const missing = await asUser(a.rep.id, () =>
      completeNextStepAction(a.org.slug, {
        actionId: rita.actionId,
        outcome: "Went elsewhere",
        followUp: { then: "lost", lossReasonId: "" },
      }),
    );
    expect(missing).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { "followUp.lossReasonId": ["Choose a loss reason"] } });
    expect((await actionsOf(rita.dealId))[0]!.completed_at).toBeNull();

    // A real loss reason of org b, on org a's own action: the reason is what gets refused.
    const [bReason] = await listLossReasons(await ctxFor(b.rep.id, b.org.slug));
    const foreignReason = await asUser(a.rep.id, () =>
      completeNextStepAction(a.org.slug, {
        actionId: rita.actionId,
        outcome: "Went elsewhere",
        followUp: { then: "lost", lossReasonId: bReason!.id },
      }),
    );
    expect(foreignReason).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { lossReasonId: ["Choose a reason"] } });
    expect((await actionsOf(rita.dealId))[0]!.completed_at).toBeNull();

    const lost = await asUser(a.rep.id, () =>
      completeNextStepAction(a.org.slug, {
        actionId: rita.actionId,
        outcome: "Went elsewhere",
        followUp: { then: "lost", lossReasonId: lossReasons[0]!.id, lossNote: "Cheaper offer" },
      }),
    );
    expect(lost).toMatchObject({ ok: true, data: { status: "lost" } });
    expect(await dealRow(rita.dealId)).toMatchObject({ status: "lost", loss_reason_id: lossReasons[0]!.id, loss_note: "Cheaper offer" });
  });

  it("validates the outcome and the next step on their fields", async () => {
    const { a, rita } = await setup();
    const res = await asUser(a.rep.id, () => completeNextStepAction(a.org.slug, { ...planNext(rita.actionId, " "), outcome: "" }));
    expect(res).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { outcome: ["Write down what happened"], "followUp.next.details": ["Say what the next step is"] },
    });
  });

  it("does not let a rep complete another rep's action (not found) or assign the next one to someone else", async () => {
    const { a, rita, ravi } = await setup();
    const other = await asUser(a.rep.id, () => completeNextStepAction(a.org.slug, planNext(ravi.actionId)));
    expect(other).toEqual({ ok: false, code: "NOT_FOUND", message: "Action was not found." });
    expect((await actionsOf(ravi.dealId))[0]!.completed_at).toBeNull();

    const assign = await asUser(a.rep.id, () =>
      completeNextStepAction(a.org.slug, planNext(rita.actionId, "Send the quote", { ownerId: a.rep2.id })),
    );
    expect(assign).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { "followUp.next.ownerId": ["Only yourself"] } });
    expect((await actionsOf(rita.dealId))[0]!.completed_at).toBeNull();
  });

  it("lets a manager complete a rep's action and take the next step on themselves", async () => {
    const { a, rita } = await setup();
    const res = await asUser(a.manager.id, () =>
      completeNextStepAction(a.org.slug, planNext(rita.actionId, "Visit", { ownerId: a.manager.id })),
    );
    expect(res).toMatchObject({ ok: true, data: { next: { details: "Visit", ownerId: a.manager.id, ownerName: "Max Manager" } } });
    const rows = await actionsOf(rita.dealId);
    expect(rows[0]!.completed_by).toBe(a.manager.id);
    expect(rows[1]!.owner_id).toBe(a.manager.id);
  });

  it("refuses to give the next step to a rep who does not own the deal (it would vanish from every rep's queue)", async () => {
    const { a, rita } = await setup();
    const res = await asUser(a.manager.id, () =>
      completeNextStepAction(a.org.slug, planNext(rita.actionId, "Visit", { ownerId: a.rep2.id })),
    );
    expect(res).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { "followUp.next.ownerId": ["Not this deal's owner"] } });
    expect((await actionsOf(rita.dealId))[0]!.completed_at).toBeNull();
  });

  it("treats another org's action id as not found, for every role", async () => {
    const { a, foreign } = await setup();
    for (const user of [a.rep, a.manager, a.admin]) {
      const res = await asUser(user.id, () => completeNextStepAction(a.org.slug, planNext(foreign.actionId)));
      expect(res).toEqual({ ok: false, code: "NOT_FOUND", message: "Action was not found." });
    }
    expect((await actionsOf(foreign.dealId))[0]!.completed_at).toBeNull();
  });

  it("refuses a non-member of the org", async () => {
    const { a, b, rita } = await setup();
    const res = await asUser(b.admin.id, () => completeNextStepAction(a.org.slug, planNext(rita.actionId)));
    expect(res).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });

  it("lets exactly one of two concurrent completions win; the other hears who did it", async () => {
    const { a, rita } = await setup();
    // Hold the action's row lock so both transactions are provably in flight, waiting on it, before either can proceed.
    const results = await raceOnHeldLock({
      lock: (tx) => tx`select id from actions where id = ${rita.actionId} for update`,
      waitingQuery: 'update "actions"%',
      racers: [
        () => asUser(a.rep.id, () => completeNextStepAction(a.org.slug, planNext(rita.actionId, "Rita's next step"))),
        () => asUser(a.manager.id, () => completeNextStepAction(a.org.slug, planNext(rita.actionId, "Max's next step"))),
      ],
    });

    const winners = results.filter((r) => r.ok);
    const losers = results.filter((r) => !r.ok);
    expect(winners).toHaveLength(1);
    expect(losers).toEqual([
      { ok: false, code: "CONFLICT", message: expect.stringMatching(/^Already completed by (Rita Rep|Max Manager) at \d{2}[.:]\d{2}\./) },
    ]);
    const rows = await actionsOf(rita.dealId);
    expect(rows.filter((r) => !r.completed_at)).toHaveLength(1);
    expect(rows).toHaveLength(2);
  });
});

describe("snoozeNextStepAction", () => {
  it("moves the due time and keeps the reason in the audit log", async () => {
    const { a, rita } = await setup();
    const dueAt = inHours(30);
    const res = await asUser(a.rep.id, () =>
      snoozeNextStepAction(a.org.slug, { actionId: rita.actionId, dueAt, reason: "On holiday until Monday" }),
    );
    expect(res).toEqual({ ok: true, data: { actionId: rita.actionId, dealId: rita.dealId, dueAt } });
    const [action] = await getSql()`select due_at from actions where id = ${rita.actionId}`;
    expect(new Date(action!.due_at).toISOString()).toBe(dueAt);
    const audit =
      await getSql()`select actor_id, action, after from audit_log where org_id = ${a.org.id} and entity = 'action' and entity_id = ${rita.actionId}`;
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actor_id: a.rep.id,
      action: "snooze",
      after: { reason: "On holiday until Monday", dealId: rita.dealId },
    });
  });

  it("requires a reason and a future time", async () => {
    const { a, rita } = await setup();
    const res = await asUser(a.rep.id, () =>
      snoozeNextStepAction(a.org.slug, { actionId: rita.actionId, dueAt: inHours(-1), reason: " " }),
    );
    expect(res).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { reason: ["Say why it moves"], dueAt: ["Snooze to a time in the future"] },
    });
  });

  it("refuses a completed action with who completed it", async () => {
    const { a, rita } = await setup();
    await asUser(a.rep.id, () => completeNextStepAction(a.org.slug, planNext(rita.actionId)));
    const res = await asUser(a.rep.id, () =>
      snoozeNextStepAction(a.org.slug, { actionId: rita.actionId, dueAt: inHours(5), reason: "Later" }),
    );
    expect(res).toMatchObject({ ok: false, code: "CONFLICT", message: expect.stringMatching(/^Already completed by Rita Rep/) });
  });

  it("treats another rep's or another org's action as not found, and writes no audit row", async () => {
    const { a, ravi, foreign } = await setup();
    for (const actionId of [ravi.actionId, foreign.actionId]) {
      const res = await asUser(a.rep.id, () => snoozeNextStepAction(a.org.slug, { actionId, dueAt: inHours(5), reason: "Later" }));
      expect(res).toEqual({ ok: false, code: "NOT_FOUND", message: "Action was not found." });
    }
    const audit = await getSql()`select count(*)::int as n from audit_log where org_id = ${a.org.id} and entity = 'action'`;
    expect(audit[0]!.n).toBe(0);
  });
});
