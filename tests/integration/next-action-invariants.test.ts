import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { getDb } from "@/db/client";
import { createDeal } from "@/server/data/deals";
import { completeNextStep } from "@/server/data/next-steps";
import { listStages } from "@/server/data/stages";
import { ctxFor, twoOrgs, violatedConstraint } from "@tests/integration/support/fixtures";
import { raceOnHeldLock } from "@tests/integration/support/row-lock-race";

const inADay = () => new Date(Date.now() + 86_400_000);

async function setup() {
  const { a } = await twoOrgs();
  const ctx = await ctxFor(a.rep.id, a.org.slug);
  const stages = await listStages(ctx);
  const { dealId, actionId } = await createDeal(ctx, {
    title: "Office cleaning contract",
    contactName: "Nordic Offices ApS",
    value: 1_250_000,
    stageId: stages[0]!.id,
    firstAction: { type: "call", dueAt: inADay(), details: "Call about the scope" },
  });
  return { a, ctx, stages, dealId, actionId };
}

describe("next-action invariants (enforced by PostgreSQL)", () => {
  it("refuses to commit an open deal without a pending action", async () => {
    const { a, dealId } = await setup();
    const attempt = getDb().transaction(async (tx) => {
      await tx.execute(sql`update actions set completed_at = now(), completed_by = ${a.rep.id} where deal_id = ${dealId}`);
    });
    expect(await violatedConstraint(attempt)).toBe("deals_require_next_action");
  });

  it("refuses a second pending action on the same deal", async () => {
    const { a, dealId } = await setup();
    await expect(
      getDb().execute(
        sql`insert into actions (org_id, deal_id, owner_id, type, due_at, details) values (${a.org.id}, ${dealId}, ${a.rep.id}, 'call', now(), 'dup')`,
      ),
    ).rejects.toMatchObject({ cause: expect.objectContaining({ code: "23505" }) });
  });

  it("completes and plans next in one transaction", async () => {
    const { ctx, actionId, dealId } = await setup();
    const res = await completeNextStep(ctx, {
      actionId,
      outcome: "They want a quote",
      followUp: { then: "next", next: { type: "email", dueAt: inADay(), details: "Send the quote" } },
    });
    expect(res.dealId).toBe(dealId);
    expect(res.nextActionId).toBeTruthy();
  });

  it("lets exactly one of two concurrent completions win", async () => {
    const { ctx, actionId } = await setup();
    const attempt = (details: string) =>
      completeNextStep(ctx, { actionId, outcome: "done", followUp: { then: "next", next: { type: "call", dueAt: inADay(), details } } });
    // Both wait on the held row lock before either runs: without the gate they could run one after the other.
    const settle = (details: string) => () => Promise.allSettled([attempt(details)]).then(([r]) => r!);
    const results = await raceOnHeldLock({
      lock: (tx) => tx`select id from actions where id = ${actionId} for update`,
      waitingQuery: 'update "actions"%',
      racers: [settle("first"), settle("second")],
    });
    const ok = results.filter((r) => r.status === "fulfilled");
    const failed = results.filter((r) => r.status === "rejected") as PromiseRejectedResult[];
    expect(ok).toHaveLength(1);
    expect(failed).toHaveLength(1);
    expect(String(failed[0]!.reason.message)).toMatch(/Already completed by Rita Rep/);
  });
});
