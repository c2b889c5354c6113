import { and, count, eq, isNull, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { createDealAction } from "@/actions/deals";
import { getDb } from "@/db/client";
import { actions, auditLog, deals } from "@/db/schema";
import { createOrgWithTeam } from "@/db/seed/factories";
import type { CreateDealInput } from "@/lib/schemas/deals";
import { listStages } from "@/server/data/stages";
import { asUser, ctxFor, violatedConstraint } from "@tests/integration/support/fixtures";

const inADay = () => new Date(Date.now() + 86_400_000).toISOString();

async function setup() {
  const db = getDb();
  const team = await createOrgWithTeam(db);
  const other = await createOrgWithTeam(db);
  const stages = await listStages(await ctxFor(team.admin.id, team.org.slug));
  const otherStages = await listStages(await ctxFor(other.admin.id, other.org.slug));
  const open = stages.filter((s) => s.kind === "open");
  const input = (patch: Partial<CreateDealInput> = {}): CreateDealInput => ({
    title: "Weekly office cleaning",
    contactName: "Nordic Offices ApS",
    value: "12 500,50",
    stageId: open[1]!.id,
    sector: "Offices",
    source: "Referral",
    expectedCloseDate: "2027-01-31",
    firstAction: { type: "call", details: "Call about the scope", dueAt: inADay() },
    ...patch,
  });
  return { team, other, stages, open, otherStages, input };
}

async function dealsIn(orgId: string) {
  const [row] = await getDb().select({ n: count() }).from(deals).where(eq(deals.orgId, orgId));
  return row!.n;
}

describe("createDealAction", () => {
  it("creates the deal and its first next action together, as the rep who owns both", async () => {
    const { team, open, input } = await setup();
    const result = await asUser(team.rep.id, () => createDealAction(team.org.slug, input()));
    expect(result).toMatchObject({ ok: true, data: { dealId: expect.any(String), actionId: expect.any(String) } });
    if (!result.ok) return;
    const [deal] = await getDb().select().from(deals).where(eq(deals.id, result.data.dealId));
    expect(deal).toMatchObject({
      orgId: team.org.id,
      ownerId: team.rep.id,
      valueMinor: 1_250_050,
      currency: "DKK",
      stageId: open[1]!.id,
      probability: open[1]!.probability,
      status: "open",
      sector: "Offices",
      source: "Referral",
      expectedCloseDate: "2027-01-31",
      createdBy: team.rep.id,
    });
    const pending = await getDb()
      .select()
      .from(actions)
      .where(and(eq(actions.dealId, result.data.dealId), isNull(actions.completedAt)));
    expect(pending).toHaveLength(1);
    expect(pending[0]).toMatchObject({ id: result.data.actionId, ownerId: team.rep.id, type: "call", details: "Call about the scope" });
    const audit = await getDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, team.org.id), eq(auditLog.entityId, result.data.dealId)));
    expect(audit.map((a) => a.action)).toEqual(["create"]);
  });

  it("lets a manager assign the deal (and so its first action) to a rep, with their own probability", async () => {
    const { team, input } = await setup();
    const result = await asUser(team.manager.id, () => createDealAction(team.org.slug, input({ ownerId: team.rep2.id, probability: 42 })));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [deal] = await getDb().select().from(deals).where(eq(deals.id, result.data.dealId));
    const [action] = await getDb().select().from(actions).where(eq(actions.id, result.data.actionId));
    expect([deal!.ownerId, deal!.probability, action!.ownerId]).toEqual([team.rep2.id, 42, team.rep2.id]);
  });

  it("refuses a deal without a first next action (VALIDATION) and writes nothing", async () => {
    const { team, input } = await setup();
    const { firstAction: _dropped, ...withoutAction } = input();
    const missing = await asUser(team.rep.id, () => createDealAction(team.org.slug, withoutAction as CreateDealInput));
    expect(missing).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { firstAction: [expect.any(String)] } });
    // Field errors are keyed by the dotted path of the input field, the name the form's input carries.
    const blank = await asUser(team.rep.id, () =>
      createDealAction(team.org.slug, input({ firstAction: { type: "call", details: "   ", dueAt: inADay() } })),
    );
    expect(blank).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { "firstAction.details": ["Say what the next step is"] } });
    const past = await asUser(team.rep.id, () =>
      createDealAction(team.org.slug, input({ firstAction: { type: "call", details: "Call", dueAt: "2020-01-01T09:00:00Z" } })),
    );
    expect(past).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { "firstAction.dueAt": ["The next action must be due in the future"] },
    });
    expect(await dealsIn(team.org.id)).toBe(0);
  });

  it("refuses bad deal fields with messages on the fields", async () => {
    const { team, input } = await setup();
    const result = await asUser(team.rep.id, () =>
      createDealAction(team.org.slug, input({ title: " ", value: "a lot", expectedCloseDate: "31/01/2027" })),
    );
    expect(result).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: {
        title: ["Give the deal a title"],
        value: ["Enter an amount such as 12500 or 12 500,50"],
        expectedCloseDate: expect.arrayContaining(["Use a date like 2026-12-31"]),
      },
    });
    expect(await dealsIn(team.org.id)).toBe(0);
  });

  it("refuses to start a deal in a won or lost stage (VALIDATION)", async () => {
    const { team, stages, input } = await setup();
    for (const kind of ["won", "lost"] as const) {
      const closed = stages.find((s) => s.kind === kind)!;
      const result = await asUser(team.manager.id, () => createDealAction(team.org.slug, input({ stageId: closed.id })));
      expect(result).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { stageId: ["Choose an open stage"] } });
    }
    expect(await dealsIn(team.org.id)).toBe(0);
  });

  it("refuses a rep assigning the deal to someone else", async () => {
    const { team, input } = await setup();
    const result = await asUser(team.rep.id, () => createDealAction(team.org.slug, input({ ownerId: team.rep2.id })));
    expect(result).toMatchObject({
      ok: false,
      code: "VALIDATION",
      message: "Sales reps can only assign deals and actions to themselves.",
      fieldErrors: { ownerId: ["Only yourself"] },
    });
    const action = await asUser(team.rep.id, () =>
      createDealAction(team.org.slug, input({ firstAction: { type: "call", details: "Call", dueAt: inADay(), ownerId: team.rep2.id } })),
    );
    expect(action).toMatchObject({ ok: false, fieldErrors: { "firstAction.ownerId": ["Only yourself"] } });
    expect(await dealsIn(team.org.id)).toBe(0);
  });

  it("treats another org's stage as not found, and its people as non-members", async () => {
    const { team, other, otherStages, input } = await setup();
    const stage = await asUser(team.manager.id, () => createDealAction(team.org.slug, input({ stageId: otherStages[0]!.id })));
    expect(stage).toEqual({ ok: false, code: "NOT_FOUND", message: "Stage was not found." });
    const owner = await asUser(team.manager.id, () => createDealAction(team.org.slug, input({ ownerId: other.rep.id })));
    expect(owner).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { ownerId: ["Not a member"] } });
    expect([await dealsIn(team.org.id), await dealsIn(other.org.id)]).toEqual([0, 0]);
  });

  it("treats an org the user is not a member of as not found", async () => {
    const { team, other, input } = await setup();
    const result = await asUser(team.admin.id, () => createDealAction(other.org.slug, input()));
    expect(result).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await dealsIn(other.org.id)).toBe(0);
  });
});

describe("the database itself", () => {
  const insertDeal = (orgId: string, ownerId: string, stageId: string) =>
    sql`insert into deals (org_id, title, contact_name, owner_id, currency, stage_id, probability)
        values (${orgId}, 'Raw SQL deal', 'Someone', ${ownerId}, 'DKK', ${stageId}, 10) returning id`;

  it("refuses to commit an open deal inserted without a next action", async () => {
    const { team, open } = await setup();
    const attempt = getDb().transaction(async (tx) => {
      await tx.execute(insertDeal(team.org.id, team.rep.id, open[0]!.id));
    });
    expect(await violatedConstraint(attempt)).toBe("deals_require_next_action");
    expect(await dealsIn(team.org.id)).toBe(0);
  });

  it("commits the same deal when its next action is inserted in the same transaction", async () => {
    const { team, open } = await setup();
    await getDb().transaction(async (tx) => {
      const [row] = await tx.execute<{ id: string }>(insertDeal(team.org.id, team.rep.id, open[0]!.id));
      await tx.execute(
        sql`insert into actions (org_id, deal_id, owner_id, type, due_at, details) values (${team.org.id}, ${row!.id}, ${team.rep.id}, 'call', now() + interval '1 day', 'Call')`,
      );
    });
    expect(await dealsIn(team.org.id)).toBe(1);
  });
});
