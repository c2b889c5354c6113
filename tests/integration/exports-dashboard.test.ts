import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";

import { GET } from "@/app/(app)/[org]/exports/dashboard/[table]/route";
import { getDb } from "@/db/client";
import { createOrgWithTeam, createUser } from "@/db/seed/factories";
import { parseDashboardFilters } from "@/lib/schemas/dashboard-filters";
import { getDashboard } from "@/server/data/dashboard/get-dashboard";
import { closeDeal } from "@/server/data/deal-transitions";
import { createDeal } from "@/server/data/deals";
import { listLossReasons, listStages } from "@/server/data/stages";
import { csvRecords, download, xlsxWorkbook } from "@tests/integration/support/export-download";
import { ctxFor } from "@tests/integration/support/fixtures";

const DAY = 86_400_000;
type Team = Awaited<ReturnType<typeof createOrgWithTeam>>;
let team: Team;
let other: Team;

/** 60 deals over 20 days: three owners, five sectors, close dates around today, some won and lost. */
beforeAll(async () => {
  const db = getDb();
  team = await createOrgWithTeam(db);
  other = await createOrgWithTeam(db);
  const admin = await ctxFor(team.admin.id, team.org.slug);
  const open = (await listStages(admin)).filter((s) => s.kind === "open");
  const [reason] = await listLossReasons(admin);
  const owners = [team.rep, team.rep2, team.manager];
  for (let i = 0; i < 60; i++) {
    const ctx = await ctxFor(owners[i % 3]!.id, team.org.slug);
    const { dealId } = await createDeal(ctx, {
      title: `Dashboard deal ${i}`,
      contactName: "Klinik Østerbro",
      value: (i % 7) * 100_000 + 12_345,
      stageId: open[i % open.length]!.id,
      sector: ["Retail", "Healthcare", "Offices", "Schools", null][i % 5],
      expectedCloseDate: new Date(Date.now() + ((i % 50) - 10) * DAY).toISOString().slice(0, 10),
      firstAction: { type: "call", dueAt: new Date(Date.now() + DAY), details: "Call" },
    });
    if (i % 4 === 0) await closeDeal(admin, { dealId, outcome: "won" });
    else if (i % 9 === 1) await closeDeal(admin, { dealId, outcome: "lost", lossReasonId: reason!.id });
    await db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(sql`update deals set created_at = now() - ${`${i % 20} days`}::interval - interval '1 day' where id = ${dealId}`);
    });
  }
});

function exportTable(userId: string, table: string, query: string, slug = team.org.slug) {
  return download(GET, userId, `/${slug}/exports/dashboard/${table}?${query}`, { org: slug, table });
}

async function rowsOf(response: Response) {
  expect(response.status).toBe(200);
  const [header, ...rows] = await csvRecords(response);
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!])));
}

describe("dashboard table exports", () => {
  it("holds what the dashboard shows for the same filters", async () => {
    const query = "range=90d";
    const ctx = await ctxFor(team.manager.id, team.org.slug);
    const d = await getDashboard(ctx, { filters: parseDashboardFilters(new URLSearchParams(query)) });
    expect(d.leaderboard.length).toBe(3);

    const leaders = await rowsOf(await exportTable(team.manager.id, "leaderboard", query));
    expect(leaders.map((r) => r.Rep)).toEqual(d.leaderboard.map((l) => l.name));
    expect(leaders.map((r) => r["Deals won"])).toEqual(d.leaderboard.map((l) => String(l.wonCount)));

    const funnel = await rowsOf(await exportTable(team.manager.id, "funnel", query));
    expect(funnel.map((r) => r.Stage)).toEqual(d.funnel.map((s) => s.name));
    expect(funnel.map((r) => r["Open deals"])).toEqual(d.funnel.map((s) => String(s.count)));

    const sectors = await rowsOf(await exportTable(team.manager.id, "sectors", query));
    expect(sectors.map((r) => r.Sector)).toEqual(d.sectors.bySector.map((s) => s.sector ?? "(none)"));
    expect(sectors.filter((r) => r["Top 5 by average basket"] !== "")).toHaveLength(d.sectors.topByAverage.length);

    const deadlines = await rowsOf(await exportTable(team.manager.id, "deadlines", query));
    expect(deadlines.map((r) => r["Deal ID"]).slice(0, d.deadlines.rows.length)).toEqual(d.deadlines.rows.map((r) => r.id));
    expect(deadlines.length).toBe(d.health.closeOverdue + d.health.closeUpcoming);
  });

  it("honours the sector filter and names the file after the period", async () => {
    const response = await exportTable(team.admin.id, "sectors", "sector=Retail&from=2026-01-01&to=2026-01-31");
    expect(response.headers.get("content-disposition")).toContain(`filename="${team.org.slug}-sectors-2026-01-01-to-2026-01-31.csv"`);
    const all = await rowsOf(await exportTable(team.admin.id, "sectors", "sector=Retail&range=30d"));
    expect(all.map((r) => r.Sector)).toEqual(["Retail"]);
  });

  it("gives a rep the leaderboard of their own deals only", async () => {
    const leaders = await rowsOf(await exportTable(team.rep.id, "leaderboard", "range=90d"));
    expect(leaders.map((r) => r.Rep)).toEqual([team.rep.name]);
  });

  it("writes typed XLSX cells", async () => {
    const sheet = (await xlsxWorkbook(await exportTable(team.admin.id, "leaderboard", "range=90d&format=xlsx"))).getWorksheet(
      "Rep leaderboard",
    )!;
    const header = sheet.getRow(1).values as unknown[];
    const row = sheet.getRow(2);
    expect(typeof row.getCell(header.indexOf("Won value (DKK)")).value).toBe("number");
    expect(row.getCell(header.indexOf("Won value (DKK)")).numFmt).toBe('#,##0.00 "DKK"');
    expect(row.getCell(header.indexOf("Win rate")).numFmt).toBe("0.0%");
  });

  it("is not found for an unknown table, another org's slug and a non-member", async () => {
    expect((await exportTable(team.admin.id, "kpis-and-more", "")).status).toBe(404);
    expect((await exportTable(team.admin.id, "funnel", "", other.org.slug)).status).toBe(404);
    const stranger = await createUser(getDb());
    expect((await exportTable(stranger.id, "funnel", "")).status).toBe(404);
  });
});
