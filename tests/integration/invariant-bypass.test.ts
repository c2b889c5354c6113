import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { getDb } from "@/db/client";
import { createDeal } from "@/server/data/deals";
import { ctxFor, twoOrgs, violatedConstraint } from "@tests/integration/support/fixtures";

/*
 * Paths around the application code, straight in SQL as the app's own database role: each must be
 * refused by PostgreSQL itself (DESIGN §3 — the database guards the invariants, not only the UI).
 */

const inADay = () => new Date(Date.now() + 86_400_000);

async function setup() {
  const { a } = await twoOrgs();
  const ctx = await ctxFor(a.rep.id, a.org.slug);
  const stages = await getDb().execute<{ id: string; kind: string }>(
    sql`select id, kind from pipeline_stages where org_id = ${a.org.id} order by position`,
  );
  const open = stages.filter((s) => s.kind === "open");
  const won = stages.find((s) => s.kind === "won")!;
  const newDeal = (title: string) =>
    createDeal(ctx, {
      title,
      contactName: "Nordic Offices ApS",
      value: 1_250_000,
      stageId: open[0]!.id,
      firstAction: { type: "call", dueAt: inADay(), details: `Call about ${title}` },
    });
  const first = await newDeal("Office cleaning");
  const second = await newDeal("Window cleaning");
  return { a, open, won, first, second };
}

/** Runs statements in one transaction (commit is where the deferred invariants are checked). */
function inTransaction(run: (tx: { execute: (q: ReturnType<typeof sql>) => Promise<unknown> }) => Promise<void>) {
  return getDb().transaction(async (tx) => run(tx));
}

describe("invariants that SQL cannot go around", () => {
  it("refuses TRUNCATE of actions, deals, stage history, memberships and the audit log", async () => {
    await setup();
    for (const table of ["actions", "deals", "deal_stage_history", "memberships", "audit_log", "organizations"]) {
      expect(await violatedConstraint(getDb().execute(sql.raw(`truncate ${table} cascade`)))).toBe("refuse_truncate");
    }
    const [{ open }] = (await getDb().execute<{ open: number }>(
      sql`select count(*)::int as open from deals d where d.status = 'open' and not exists (
            select 1 from actions x where x.deal_id = d.id and x.completed_at is null)`,
    )) as unknown as [{ open: number }];
    expect(open).toBe(0);
  });

  it("refuses to delete the pending action of an open deal", async () => {
    const { first } = await setup();
    expect(await violatedConstraint(getDb().execute(sql`delete from actions where id = ${first.actionId}`))).toBe(
      "deals_require_next_action",
    );
  });

  it("refuses to move a pending action to another deal", async () => {
    const { first, second } = await setup();
    const constraint = await violatedConstraint(
      getDb().execute(sql`update actions set deal_id = ${second.dealId} where id = ${first.actionId}`),
    );
    // The other deal already has its own pending action; and the first would be left with none.
    expect(["actions_one_pending_per_deal", "deals_require_next_action"]).toContain(constraint);
  });

  it("refuses to reopen a won deal without planning a next action", async () => {
    const { a, open, won, first } = await setup();
    await inTransaction(async (tx) => {
      await tx.execute(sql`update actions set completed_at = now(), completed_by = ${a.rep.id} where id = ${first.actionId}`);
      await tx.execute(sql`update deals set stage_id = ${won.id} where id = ${first.dealId}`);
    });
    const reopen = inTransaction(async (tx) => {
      await tx.execute(sql`update deals set stage_id = ${open[1]!.id} where id = ${first.dealId}`);
    });
    expect(await violatedConstraint(reopen)).toBe("deals_require_next_action");
  });

  it("refuses to undelete an open deal whose pending action was removed while it was deleted", async () => {
    const { first } = await setup();
    await inTransaction(async (tx) => {
      await tx.execute(sql`update deals set deleted_at = now() where id = ${first.dealId}`);
      await tx.execute(sql`delete from actions where id = ${first.actionId}`);
    });
    expect(await violatedConstraint(getDb().execute(sql`update deals set deleted_at = null where id = ${first.dealId}`))).toBe(
      "deals_require_next_action",
    );
  });

  it("keeps the audit log append-only: UPDATE and DELETE are refused, INSERT works", async () => {
    const { a, first } = await setup();
    const rows = await getDb().execute<{ id: string }>(sql`select id from audit_log where org_id = ${a.org.id} limit 1`);
    expect(rows.length).toBe(1);
    const id = rows[0]!.id;
    expect(await violatedConstraint(getDb().execute(sql`update audit_log set action = 'forged' where id = ${id}`))).toBe(
      "audit_log_append_only",
    );
    expect(await violatedConstraint(getDb().execute(sql`delete from audit_log where id = ${id}`))).toBe("audit_log_append_only");
    await getDb().execute(
      sql`insert into audit_log (org_id, actor_id, entity, entity_id, action) values (${a.org.id}, ${a.rep.id}, 'deal', ${first.dealId}, 'note')`,
    );
  });
});
