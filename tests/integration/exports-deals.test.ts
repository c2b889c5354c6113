import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";

import { GET } from "@/app/(app)/[org]/exports/deals/route";
import { getDb } from "@/db/client";
import { organizations } from "@/db/schema";
import { createOrgWithTeam, createUser } from "@/db/seed/factories";
import { type DealFilters, dealFiltersToQuery, DEFAULT_DEAL_FILTERS, parseDealFilters } from "@/lib/schemas/deal-filters";
import { type DealListRow, listDeals } from "@/server/data/deal-list";
import { closeDeal } from "@/server/data/deal-transitions";
import { createDeal, deleteDeal } from "@/server/data/deals";
import { listLossReasons, listStages, type Stage } from "@/server/data/stages";
import { csvRecords, download, xlsxWorkbook } from "@tests/integration/support/export-download";
import { ctxFor } from "@tests/integration/support/fixtures";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = new Date();

type Team = Awaited<ReturnType<typeof createOrgWithTeam>>;
let team: Team;
let other: Team;
let open: Stage[];
const TRICKY = ['Quote "A"; with semicolon', "Line one\nline two", '=HYPERLINK("http://evil")', "Café Ørsted, Ærø"];

/**
 * 26 deals over three owners, four stages, sectors and close dates (some titles with quotes,
 * separators, line breaks, a formula and accents), 2 won, 1 lost, 1 deleted; another org's deals
 * must never appear.
 */
beforeAll(async () => {
  const db = getDb();
  team = await createOrgWithTeam(db);
  other = await createOrgWithTeam(db);
  const admin = await ctxFor(team.admin.id, team.org.slug);
  open = (await listStages(admin)).filter((s) => s.kind === "open");
  const owners = [team.rep, team.rep2, team.manager];
  const ids: string[] = [];
  for (let i = 0; i < 26; i++) {
    const ctx = await ctxFor(owners[i % 3]!.id, team.org.slug);
    const { dealId } = await createDeal(ctx, {
      title: TRICKY[i] ?? `Office cleaning ${i}`,
      contactName: i % 2 ? "Nordic Offices ApS" : "Klinik Østerbro",
      value: i * 123_456 + 50,
      stageId: open[i % open.length]!.id,
      sector: i % 3 === 0 ? null : i % 3 === 1 ? "Retail" : "Healthcare",
      source: i % 4 === 0 ? "Referral" : null,
      expectedCloseDate: i % 5 === 0 ? null : new Date(NOW.getTime() + (i - 8) * 2 * DAY).toISOString().slice(0, 10),
      firstAction: {
        type: i % 2 ? "call" : "meeting",
        dueAt: new Date(NOW.getTime() + (i % 3 === 0 ? -(i + 1) : i + 1) * HOUR),
        details: `Step ${i}`,
      },
    });
    ids.push(dealId);
  }
  for (const [i, id] of ids.entries()) {
    await db.execute(sql`update deals set created_at = ${new Date(NOW.getTime() - (ids.length - i) * DAY).toISOString()} where id = ${id}`);
  }
  const [reason] = await listLossReasons(admin);
  await closeDeal(admin, { dealId: ids[6]!, outcome: "won" });
  await closeDeal(admin, { dealId: ids[7]!, outcome: "won" });
  await closeDeal(admin, { dealId: ids[8]!, outcome: "lost", lossReasonId: reason!.id });
  await deleteDeal(admin, { dealId: ids[9]! });

  const otherCtx = await ctxFor(other.admin.id, other.org.slug);
  const otherOpen = (await listStages(otherCtx)).find((s) => s.kind === "open")!;
  await createDeal(otherCtx, {
    title: "Office cleaning elsewhere",
    contactName: "Nordic Offices ApS",
    value: 999_00,
    stageId: otherOpen.id,
    firstAction: { type: "call", dueAt: new Date(NOW.getTime() + HOUR), details: "Elsewhere" },
  });
});

function exportDeals(userId: string | null, query: string, slug = team.org.slug) {
  return download(GET, userId, `/${slug}/exports/deals?${query}`, { org: slug });
}

/** Every row of the list for these filters, page after page, through the page's own data function. */
async function listAll(userId: string, filters: DealFilters): Promise<DealListRow[]> {
  const ctx = await ctxFor(userId, team.org.slug);
  const rows: DealListRow[] = [];
  for (let page = 1; ; page++) {
    const result = await listDeals(ctx, { filters: { ...filters, pageSize: 25, page }, now: NOW });
    rows.push(...result.rows);
    if (page >= result.pageCount) return rows;
  }
}

function byHeader(records: string[][]) {
  const [header, ...rows] = records;
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!])));
}

const CASES: [string, Partial<DealFilters>][] = [
  ["the default (open, newest first)", {}],
  ["all statuses by value", { status: "all", sort: "value", dir: "desc" }],
  ["won and lost by title", { status: "all", stageIds: [], sort: "title", dir: "asc" }],
  ["a stage and a sector", { stageIds: [], sector: "Retail" }],
  ["a search", { q: "cleaning" }],
  ["overdue, by due time", { overdue: true, sort: "due", dir: "asc" }],
  [
    "a close-date range",
    {
      status: "all",
      dateField: "close",
      from: new Date(NOW.getTime() - 5 * DAY).toISOString().slice(0, 10),
      to: new Date(NOW.getTime() + 20 * DAY).toISOString().slice(0, 10),
      sort: "close",
    },
  ],
];

describe("deals export", () => {
  it.each(CASES)("CSV holds exactly the list's rows, in its order: %s", async (_, patch) => {
    const filters = { ...DEFAULT_DEAL_FILTERS, ...patch, stageIds: patch.sector ? [open[1]!.id, open[2]!.id] : (patch.stageIds ?? []) };
    const response = await exportDeals(team.admin.id, dealFiltersToQuery(filters));
    expect(response.status).toBe(200);
    const rows = byHeader(await csvRecords(response));
    const expected = await listAll(team.admin.id, parseDealFilters(new URLSearchParams(dealFiltersToQuery(filters))));
    expect(expected.length).toBeGreaterThan(0);
    expect(rows.map((r) => r["Deal ID"])).toEqual(expected.map((d) => d.id));
    for (const [i, d] of expected.entries()) {
      const r = rows[i]!;
      expect(r.Title.replace(/^'/, "")).toBe(d.title);
      expect(r.Owner).toBe(d.ownerName);
      expect(r.Stage).toBe(d.stageName);
      expect(r.Currency).toBe(d.currency);
      expect(r.Value).toBe(`${Math.floor(d.valueMinor / 100)},${String(d.valueMinor % 100).padStart(2, "0")}`);
      expect(r["Expected close"]).toBe(d.expectedCloseDate ?? "");
    }
  });

  it("names the file after the org and the org's day, with a BOM, ';' and decimal commas for da-DK", async () => {
    const response = await exportDeals(team.admin.id, "status=all");
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(
      new RegExp(`^attachment; filename="${team.org.slug}-deals-\\d{4}-\\d{2}-\\d{2}\\.csv"`),
    );
    const records = await csvRecords(response, ";");
    expect(records[0]).toContain("Created (Europe/Copenhagen)");
    const rows = byHeader(records);
    const won = rows.filter((r) => r.Status === "Won");
    expect(won).toHaveLength(2);
    expect(won[0]!["Closed (Europe/Copenhagen)"]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(rows.find((r) => r.Status === "Lost")!["Loss reason"]).not.toBe("");
    expect(rows.some((r) => r["Deal ID"] && r.Title === "Office cleaning elsewhere")).toBe(false);
  });

  it("quotes separators, quotes and line breaks, and defuses formulas", async () => {
    const rows = byHeader(await csvRecords(await exportDeals(team.admin.id, "status=all&q=")));
    const titles = rows.map((r) => r.Title);
    expect(titles).toContain('Quote "A"; with semicolon');
    expect(titles).toContain("Line one\nline two");
    expect(titles).toContain("Café Ørsted, Ærø");
    expect(titles).toContain('\'=HYPERLINK("http://evil")');
  });

  it("writes the plain comma dialect on request, and ',' by default for a dot-decimal locale", async () => {
    const comma = await csvRecords(await exportDeals(team.admin.id, "delimiter=comma"), ",");
    expect(comma[0]![0]).toBe("Title");
    expect(byHeader(comma).every((r) => /^\d+(\.\d{2})?$/.test(r.Value!))).toBe(true);
    await getDb().update(organizations).set({ locale: "en-IN" }).where(eq(organizations.id, team.org.id));
    try {
      const records = await csvRecords(await exportDeals(team.admin.id, ""), ",");
      expect(records[0]!.length).toBe(comma[0]!.length);
    } finally {
      await getDb().update(organizations).set({ locale: "da-DK" }).where(eq(organizations.id, team.org.id));
    }
  });

  it("gives a rep only their own deals, whatever the owner filter says", async () => {
    const rows = byHeader(await csvRecords(await exportDeals(team.rep.id, `status=all&owner=${team.rep2.id}`)));
    const mine = await listAll(team.rep.id, { ...DEFAULT_DEAL_FILTERS, status: "all", ownerId: team.rep2.id });
    expect(rows.map((r) => r["Deal ID"])).toEqual(mine.map((d) => d.id));
    const all = byHeader(await csvRecords(await exportDeals(team.rep.id, "status=all")));
    expect(all.length).toBeGreaterThan(0);
    expect(new Set(all.map((r) => r.Owner))).toEqual(new Set([team.rep.name]));
  });

  it("is not found for another org's slug, an unknown org and a non-member", async () => {
    expect((await exportDeals(team.admin.id, "", other.org.slug)).status).toBe(404);
    expect((await exportDeals(team.admin.id, "", "no-such-org")).status).toBe(404);
    const stranger = await createUser(getDb());
    expect((await exportDeals(stranger.id, "")).status).toBe(404);
  });

  it("XLSX has a bold frozen header, numbers with a currency format and real dates", async () => {
    const response = await exportDeals(team.manager.id, "status=all&format=xlsx&sort=value&dir=desc");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/-deals-\d{4}-\d{2}-\d{2}\.xlsx"/);
    const sheet = (await xlsxWorkbook(response)).getWorksheet("Deals")!;
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const header = sheet.getRow(1).values as unknown[];
    const col = (name: string) => header.indexOf(name);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    const expected = await listAll(team.manager.id, { ...DEFAULT_DEAL_FILTERS, status: "all", sort: "value", dir: "desc" });
    expect(sheet.actualRowCount).toBe(expected.length + 1);
    const top = sheet.getRow(2);
    expect(top.getCell(col("Value")).value).toBe(expected[0]!.valueMinor / 100);
    expect(top.getCell(col("Value")).numFmt).toBe('#,##0.00 "DKK"');
    expect(top.getCell(col("Probability")).value).toBeCloseTo(expected[0]!.probability / 100);
    const created = top.getCell(col("Created (Europe/Copenhagen)")).value;
    expect(created).toBeInstanceOf(Date);
    expect(top.getCell(col("Deal ID")).value).toBe(expected[0]!.id);
  });
});
