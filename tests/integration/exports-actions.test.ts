import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";

import { GET } from "@/app/(app)/[org]/exports/actions/route";
import { getDb } from "@/db/client";
import { actions, deals } from "@/db/schema";
import { createOrgWithTeam, createUser } from "@/db/seed/factories";
import { createDeal, deleteDeal } from "@/server/data/deals";
import { completeNextStep } from "@/server/data/next-steps";
import { listStages } from "@/server/data/stages";
import { csvRecords, download, xlsxWorkbook } from "@tests/integration/support/export-download";
import { ctxFor } from "@tests/integration/support/fixtures";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = new Date();
const iso = (d: Date) => d.toISOString().slice(0, 10);

type Team = Awaited<ReturnType<typeof createOrgWithTeam>>;
let team: Team;
let other: Team;

type Expected = {
  id: string;
  dealId: string;
  ownerId: string;
  dealOwnerId: string;
  dueAt: Date;
  completedAt: Date | null;
  deleted: boolean;
};

/**
 * 12 deals (rep, rep2, manager), each with 2 completed actions (completion times spread over the
 * last 40 days) and a pending one (due from 10 days ago to 20 days ahead); one deal deleted. The
 * other org has actions too.
 */
beforeAll(async () => {
  const db = getDb();
  team = await createOrgWithTeam(db);
  other = await createOrgWithTeam(db);
  const admin = await ctxFor(team.admin.id, team.org.slug);
  const stage = (await listStages(admin)).find((s) => s.kind === "open")!;
  const owners = [team.rep, team.rep2, team.manager];
  const dealIds: string[] = [];
  for (let i = 0; i < 12; i++) {
    const ctx = await ctxFor(owners[i % 3]!.id, team.org.slug);
    const created = await createDeal(ctx, {
      title: `Deal ${i}`,
      contactName: "Klinik Østerbro",
      value: 1000_00,
      stageId: stage.id,
      firstAction: { type: "call", dueAt: new Date(NOW.getTime() + HOUR), details: `First call ${i}` },
    });
    const dealId = created.dealId;
    let actionId = created.actionId;
    for (let k = 0; k < 2; k++) {
      const outcome = k === 0 ? "Reached them; wants a quote" : 'Sent the quote, "looks good"';
      const done = await completeNextStep(ctx, {
        actionId,
        outcome,
        followUp: {
          then: "next",
          next: { type: k ? "meeting" : "email", dueAt: new Date(NOW.getTime() + DAY), details: `Follow-up ${k} of ${i}` },
        },
      });
      await backdateCompletion(actionId, new Date(NOW.getTime() - (i * 3 + k + 1) * DAY));
      actionId = done.nextActionId ?? (await pendingOf(team.org.id, dealId));
    }
    await db.execute(
      sql`update actions set due_at = ${new Date(NOW.getTime() + (i * 2.5 - 10) * DAY).toISOString()} where id = ${actionId}`,
    );
    dealIds.push(dealId);
  }
  await deleteDeal(admin, { dealId: dealIds[11]! });

  const otherCtx = await ctxFor(other.admin.id, other.org.slug);
  const otherStage = (await listStages(otherCtx)).find((s) => s.kind === "open")!;
  await createDeal(otherCtx, {
    title: "Elsewhere",
    contactName: "Elsewhere",
    value: 1,
    stageId: otherStage.id,
    firstAction: { type: "call", dueAt: new Date(NOW.getTime() + HOUR), details: "Elsewhere" },
  });
});

/** Completed actions are immutable (a trigger): test-only backdating switches triggers off for one statement. */
async function backdateCompletion(actionId: string, at: Date) {
  await getDb().transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    await tx.execute(sql`update actions set completed_at = ${at.toISOString()} where id = ${actionId}`);
  });
}

async function pendingOf(orgId: string, dealId: string): Promise<string> {
  const [row] = await getDb()
    .select({ id: actions.id })
    .from(actions)
    .where(and(eq(actions.orgId, orgId), eq(actions.dealId, dealId), sql`${actions.completedAt} is null`));
  return row!.id;
}

/** Every action of the org, plainly: the tests filter and order these in JavaScript. */
async function everyAction(): Promise<Expected[]> {
  const rows = await getDb()
    .select({
      id: actions.id,
      dealId: actions.dealId,
      ownerId: actions.ownerId,
      dealOwnerId: deals.ownerId,
      dueAt: actions.dueAt,
      completedAt: actions.completedAt,
      deletedAt: deals.deletedAt,
    })
    .from(actions)
    .innerJoin(deals, and(eq(deals.orgId, actions.orgId), eq(deals.id, actions.dealId)))
    .where(eq(actions.orgId, team.org.id));
  return rows.map((r) => ({ ...r, deleted: r.deletedAt !== null }));
}

function expectedIds(all: Expected[], keep: (a: Expected) => boolean): string[] {
  return all
    .filter((a) => !a.deleted && keep(a))
    .sort((a, b) => (a.completedAt ?? a.dueAt).getTime() - (b.completedAt ?? b.dueAt).getTime() || a.id.localeCompare(b.id))
    .map((a) => a.id);
}

function exportActions(userId: string, query: string, slug = team.org.slug) {
  return download(GET, userId, `/${slug}/exports/actions?${query}`, { org: slug });
}

async function rowsOf(response: Response) {
  expect(response.status).toBe(200);
  const [header, ...rows] = await csvRecords(response);
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!])));
}

describe("actions export", () => {
  it("lists pending and completed actions of the visible deals, in time order, without deleted deals", async () => {
    const rows = await rowsOf(await exportActions(team.admin.id, ""));
    const all = await everyAction();
    expect(rows.map((r) => r["Action ID"])).toEqual(expectedIds(all, () => true));
    expect(rows.filter((r) => r.Status === "Done")).toHaveLength(22);
    expect(new Set(rows.map((r) => r.Status))).toEqual(new Set(["Done", "Overdue", "Pending"]));
    const done = rows.find((r) => r.Status === "Done")!;
    expect(done.Outcome).not.toBe("");
    expect(done["Completed by"]).not.toBe("");
    expect(done["Completed (Europe/Copenhagen)"]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  });

  it("applies the day range to due times of pending and completion times of completed actions", async () => {
    const from = iso(new Date(NOW.getTime() - 12 * DAY));
    const to = iso(new Date(NOW.getTime() + 2 * DAY));
    const all = await everyAction();
    const inRange = (d: Date) => iso(d) >= from && iso(d) <= to;
    for (const status of ["all", "pending", "completed"] as const) {
      const rows = await rowsOf(await exportActions(team.manager.id, `status=${status}&from=${from}&to=${to}`));
      const ids = rows.map((r) => r["Action ID"]);
      // Day boundaries are Copenhagen midnights: only compare actions safely inside the range.
      const expected = expectedIds(all, (a) => {
        if (status === "pending" && a.completedAt) return false;
        if (status === "completed" && !a.completedAt) return false;
        return inRange(a.completedAt ?? a.dueAt);
      });
      const nearEdge = (id: string) => {
        const a = all.find((x) => x.id === id)!;
        const t = (a.completedAt ?? a.dueAt).getTime();
        return [from, to].some((d) => Math.abs(t - new Date(`${d}T00:00:00Z`).getTime()) < 2 * DAY);
      };
      expect(ids.filter((id) => !nearEdge(id!))).toEqual(expected.filter((id) => !nearEdge(id)));
      expect(ids.length).toBeGreaterThan(0);
    }
  });

  it("gives a rep only the actions of their own deals", async () => {
    const rows = await rowsOf(await exportActions(team.rep.id, ""));
    const all = await everyAction();
    expect(rows.map((r) => r["Action ID"])).toEqual(expectedIds(all, (a) => a.dealOwnerId === team.rep.id));
    expect(new Set(rows.map((r) => r["Deal owner"]))).toEqual(new Set([team.rep.name]));
  });

  it("filters by the action's owner", async () => {
    const rows = await rowsOf(await exportActions(team.admin.id, `owner=${team.rep2.id}&status=pending`));
    const all = await everyAction();
    expect(rows.map((r) => r["Action ID"])).toEqual(expectedIds(all, (a) => a.ownerId === team.rep2.id && !a.completedAt));
  });

  it("is not found for another org's slug and for a non-member", async () => {
    expect((await exportActions(team.admin.id, "", other.org.slug)).status).toBe(404);
    const stranger = await createUser(getDb());
    expect((await exportActions(stranger.id, "")).status).toBe(404);
  });

  it("XLSX has typed due and completion times", async () => {
    const response = await exportActions(team.admin.id, "format=xlsx&status=completed");
    expect(response.headers.get("content-disposition")).toMatch(
      new RegExp(`filename="${team.org.slug}-actions-\\d{4}-\\d{2}-\\d{2}\\.xlsx"`),
    );
    const sheet = (await xlsxWorkbook(response)).getWorksheet("Actions")!;
    expect(sheet.actualRowCount).toBe(23);
    const header = sheet.getRow(1).values as unknown[];
    const completed = sheet.getRow(2).getCell(header.indexOf("Completed (Europe/Copenhagen)")).value;
    expect(completed).toBeInstanceOf(Date);
  });
});
