import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";

import { GET } from "@/app/(app)/[org]/exports/report/route";
import { getDb } from "@/db/client";
import { createOrgWithTeam, createUser } from "@/db/seed/factories";
import { todayIn } from "@/lib/kpi/period";
import { formatMoney } from "@/lib/money";
import { DEFAULT_DASHBOARD_FILTERS } from "@/lib/schemas/dashboard-filters";
import { monthRange, recentMonths } from "@/lib/schemas/export-params";
import { getDashboard } from "@/server/data/dashboard/get-dashboard";
import { closeDeal } from "@/server/data/deal-transitions";
import { createDeal } from "@/server/data/deals";
import { listLossReasons, listStages } from "@/server/data/stages";
import { getMonthlyReport } from "@/server/exports/pdf-report";
import { download, pdfText } from "@tests/integration/support/export-download";
import { ctxFor } from "@tests/integration/support/fixtures";

const DAY = 86_400_000;
type Team = Awaited<ReturnType<typeof createOrgWithTeam>>;
let team: Team;
let rupees: Team;
let other: Team;
let month: string;

/** Deals created in `month` (a complete past month), some won or lost in it, over three owners. */
async function seedMonth(t: Team, count: number) {
  const db = getDb();
  const admin = await ctxFor(t.admin.id, t.org.slug);
  const open = (await listStages(admin)).filter((s) => s.kind === "open");
  const [reason] = await listLossReasons(admin);
  const { from } = monthRange(month);
  const owners = [t.rep, t.rep2, t.manager];
  for (let i = 0; i < count; i++) {
    const ctx = await ctxFor(owners[i % 3]!.id, t.org.slug);
    const { dealId } = await createDeal(ctx, {
      title: `Monthly deal ${i}`,
      contactName: "Nordic Offices ApS",
      value: (i + 1) * 250_000,
      stageId: open[i % open.length]!.id,
      sector: ["Retail", "Healthcare", "Offices", "Hotels", "Schools", "Public"][i % 6]!,
      firstAction: { type: "call", dueAt: new Date(Date.now() + DAY), details: "Call" },
    });
    if (i % 3 === 0) await closeDeal(admin, { dealId, outcome: "won" });
    else if (i % 5 === 1) await closeDeal(admin, { dealId, outcome: "lost", lossReasonId: reason!.id });
    // Back in time: created on day 1 + i % 20 of the month, closed (if closed) 5 days later.
    const created = new Date(`${from}T10:00:00Z`).getTime() + (i % 20) * DAY;
    await db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(sql`update deals set created_at = ${new Date(created).toISOString()},
        closed_at = case when closed_at is null then null else ${new Date(created + 5 * DAY).toISOString()}::timestamptz end
        where id = ${dealId}`);
      await tx.execute(
        sql`update deal_stage_history set entered_at = ${new Date(created).toISOString()} where deal_id = ${dealId} and exited_at is not null`,
      );
    });
  }
}

beforeAll(async () => {
  const db = getDb();
  team = await createOrgWithTeam(db, { name: "Rengoering Nord ApS" });
  rupees = await createOrgWithTeam(db, { name: "Saffron Systems", currency: "INR", locale: "en-IN", timeZone: "Asia/Kolkata" });
  other = await createOrgWithTeam(db);
  month = recentMonths(todayIn(new Date(), "Europe/Copenhagen"), 2)[1]!; // last month: complete
  await seedMonth(team, 18);
  await seedMonth(rupees, 6);
});

function report(userId: string, query: string, slug = team.org.slug) {
  return download(GET, userId, `/${slug}/exports/report?${query}`, { org: slug });
}

async function pdfOf(response: Response) {
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("application/pdf");
  const bytes = Buffer.from(await response.arrayBuffer());
  expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  return pdfText(bytes);
}

describe("monthly PDF report", () => {
  it("is computed by the dashboard's data functions for the month", async () => {
    const ctx = await ctxFor(team.admin.id, team.org.slug);
    const now = new Date();
    const { from, to } = monthRange(month);
    const [r, d] = await Promise.all([
      getMonthlyReport(ctx, month, now),
      getDashboard(ctx, { filters: { ...DEFAULT_DASHBOARD_FILTERS, range: "custom", from, to }, now }),
    ]);
    expect(r.kpis).toEqual(d.kpis);
    expect(r.leaderboard).toEqual(d.leaderboard);
    expect(r.funnel).toEqual(d.funnel);
    expect(r.sectors).toEqual(d.sectors);
    expect(r.kpis.counts.won).toBe(6);
    expect(r.toDate).toBe(false);
  });

  it("shows the org's name, the month, the KPIs, funnel, sectors and leaderboard", async () => {
    const response = await report(team.manager.id, `month=${month}`);
    expect(response.headers.get("content-disposition")).toContain(`filename="${team.org.slug}-report-${month}.pdf"`);
    const text = await pdfOf(response);
    const ctx = await ctxFor(team.manager.id, team.org.slug);
    const r = await getMonthlyReport(ctx, month);
    const monthLabel = new Intl.DateTimeFormat("da-DK", { month: "long", year: "numeric", timeZone: "UTC" }).format(
      new Date(`${month}-15T12:00:00Z`),
    );
    expect(text).toContain("Rengoering Nord ApS");
    expect(text).toContain(monthLabel);
    for (const heading of ["Key figures", "Weighted funnel", "Top sectors", "Rep leaderboard"]) expect(text).toContain(heading);
    expect(text).toContain(formatMoney(r.kpis.revenueWon.change.current!, "DKK", "da-DK"));
    for (const name of [team.rep.name, team.rep2.name, team.manager.name]) expect(text).toContain(name);
    expect(text).toContain("the whole team");
  });

  it("draws the rupee sign for an INR org", async () => {
    const text = await pdfOf(await report(rupees.admin.id, `month=${month}`, rupees.org.slug));
    expect(text).toContain("Saffron Systems");
    expect(text).toContain("₹");
  });

  it("covers only a rep's own deals", async () => {
    const text = await pdfOf(await report(team.rep.id, `month=${month}`));
    expect(text).toContain(`the deals of ${team.rep.name}`);
    expect(text).toContain(team.rep.name);
    expect(text).not.toContain(team.rep2.name);
  });

  it("defaults to the current month for a missing or malformed month", async () => {
    const current = todayIn(new Date(), "Europe/Copenhagen").slice(0, 7);
    for (const query of ["", "month=2026-13", "month=banana"]) {
      const response = await report(team.admin.id, query);
      expect(response.headers.get("content-disposition")).toContain(`-report-${current}.pdf"`);
      expect(await pdfOf(response)).toContain("(month to date)");
    }
  });

  it("is not found for another org's slug and for a non-member", async () => {
    expect((await report(team.admin.id, "", other.org.slug)).status).toBe(404);
    const stranger = await createUser(getDb());
    expect((await report(stranger.id, "")).status).toBe(404);
  });
});
