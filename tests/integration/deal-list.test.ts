import { and, eq, isNull, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";

import { getDb } from "@/db/client";
import { actions, deals, organizations, pipelineStages, users } from "@/db/schema";
import { createOrgWithTeam } from "@/db/seed/factories";
import { DEAL_SORT_KEYS, type DealFilters, DEFAULT_DEAL_FILTERS } from "@/lib/schemas/deal-filters";
import { type DealListRow, hasAnyDeal, listDeals, listSectors } from "@/server/data/deal-list";
import { closeDeal } from "@/server/data/deal-transitions";
import { createDeal, deleteDeal } from "@/server/data/deals";
import { listLossReasons, listStages, type Stage } from "@/server/data/stages";
import type { TenantContext } from "@/server/tenant";
import { ctxFor } from "@tests/integration/support/fixtures";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = new Date();

type Team = Awaited<ReturnType<typeof createOrgWithTeam>>;
type World = { team: Team; other: Team; admin: TenantContext; stages: Stage[]; open: Stage[]; otherStages: Stage[] };

const SECTORS = ["Retail", "Healthcare", "Offices", null] as const;
const TITLES = ["Weekly office cleaning", "Deep clean", "Window cleaning", "Carpet care", "Stairwell cleaning"];
const CONTACTS = ["Nordic Offices ApS", "Klinik Østerbro", "Café Nørrebro", "Hansen Ejendomme"];

let w: World;

/**
 * One org with 34 deals across owners, stages, sectors, values, close dates and due times, then a
 * currency change and 4 more deals (so the set has two currencies), 3 won, 2 lost and 1 deleted.
 * A second org with a few deals of its own must never leak in.
 */
beforeAll(async () => {
  const db = getDb();
  const team = await createOrgWithTeam(db);
  const other = await createOrgWithTeam(db);
  const admin = await ctxFor(team.admin.id, team.org.slug);
  const stages = await listStages(admin);
  const open = stages.filter((s) => s.kind === "open");
  const owners = [team.rep, team.rep2, team.manager];
  let created: string[] = [];
  for (let i = 0; i < 38; i++) {
    if (i === 34) {
      await db.update(organizations).set({ currency: "EUR" }).where(eq(organizations.id, team.org.id));
    }
    const owner = owners[i % owners.length]!;
    const ctx = await ctxFor(owner.id, team.org.slug);
    const { dealId } = await createDeal(ctx, {
      title: `${TITLES[i % TITLES.length]} ${i}`,
      contactName: CONTACTS[i % CONTACTS.length]!,
      value: ((i * 7919) % 50) * 100_000 + 50_00,
      stageId: open[i % open.length]!.id,
      probability: i % 5 === 0 ? 15 : null,
      sector: SECTORS[i % SECTORS.length],
      expectedCloseDate: i % 6 === 0 ? null : new Date(NOW.getTime() + (i - 10) * 3 * DAY).toISOString().slice(0, 10),
      // A third overdue, some due later today, the rest in the coming days.
      firstAction: {
        type: "call",
        dueAt: new Date(NOW.getTime() + (i % 3 === 0 ? -(i + 1) * HOUR : (i + 1) * 5 * HOUR)),
        details: `Step ${i}`,
      },
    });
    created.push(dealId);
  }
  // Distinct, known creation times (a day apart, newest last) so date-range and order tests are exact.
  for (const [i, id] of created.entries()) {
    await db.execute(
      sql`update deals set created_at = ${new Date(NOW.getTime() - (created.length - i) * DAY).toISOString()} where id = ${id}`,
    );
  }
  const [lostReason] = await listLossReasons(admin);
  for (const id of created.slice(0, 3)) await closeDeal(admin, { dealId: id, outcome: "won" });
  for (const id of created.slice(3, 5)) await closeDeal(admin, { dealId: id, outcome: "lost", lossReasonId: lostReason!.id });
  await deleteDeal(admin, { dealId: created[5]! });
  created = [];

  const otherCtx = await ctxFor(other.admin.id, other.org.slug);
  const otherStages = await listStages(otherCtx);
  for (let i = 0; i < 3; i++) {
    await createDeal(otherCtx, {
      title: `Weekly office cleaning elsewhere ${i}`,
      contactName: "Nordic Offices ApS",
      value: 999_00,
      stageId: otherStages[0]!.id,
      sector: "Foreign sector",
      firstAction: { type: "email", dueAt: new Date(NOW.getTime() - HOUR), details: "Overdue elsewhere" },
    });
  }
  w = { team, other, admin: await ctxFor(team.admin.id, team.org.slug), stages, open, otherStages };
});

type Naive = {
  id: string;
  title: string;
  contactName: string;
  ownerId: string;
  ownerName: string;
  status: "open" | "won" | "lost";
  stageId: string;
  stageKind: string;
  stagePosition: number;
  valueMinor: number;
  weightedMinor: number;
  currency: string;
  sector: string | null;
  expectedCloseDate: string | null;
  createdAt: Date;
  dueAt: Date | null;
};

/** Every live deal of the org, read plainly; the tests filter, sort and sum these in JavaScript. */
async function everyDeal(orgId: string): Promise<Naive[]> {
  const rows = await getDb()
    .select({
      id: deals.id,
      title: deals.title,
      contactName: deals.contactName,
      ownerId: deals.ownerId,
      ownerName: users.name,
      status: deals.status,
      stageId: deals.stageId,
      stageKind: pipelineStages.kind,
      stagePosition: pipelineStages.position,
      valueMinor: deals.valueMinor,
      weightedMinor: deals.weightedMinor,
      currency: deals.currency,
      sector: deals.sector,
      expectedCloseDate: deals.expectedCloseDate,
      createdAt: deals.createdAt,
      dueAt: actions.dueAt,
    })
    .from(deals)
    .innerJoin(users, eq(users.id, deals.ownerId))
    .innerJoin(pipelineStages, eq(pipelineStages.id, deals.stageId))
    .leftJoin(actions, and(eq(actions.dealId, deals.id), isNull(actions.completedAt)))
    .where(and(eq(deals.orgId, orgId), isNull(deals.deletedAt)));
  return rows.map((r) => ({ ...r, weightedMinor: Number(r.weightedMinor) }));
}

function naiveTotals(set: Naive[]) {
  const by = new Map<string, { currency: string; count: number; valueMinor: number; weightedMinor: number }>();
  for (const d of set) {
    const t = by.get(d.currency) ?? { currency: d.currency, count: 0, valueMinor: 0, weightedMinor: 0 };
    t.count += 1;
    t.valueMinor += d.valueMinor;
    t.weightedMinor += d.weightedMinor;
    by.set(d.currency, t);
  }
  return [...by.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}

const filters = (patch: Partial<DealFilters> = {}): DealFilters => ({ ...DEFAULT_DEAL_FILTERS, pageSize: 100, ...patch });

/** All matching ids, across every page. */
async function allIds(ctx: TenantContext, f: DealFilters): Promise<string[]> {
  const ids: string[] = [];
  for (let page = 1; ; page++) {
    const res = await listDeals(ctx, { filters: { ...f, page }, now: NOW });
    ids.push(...res.rows.map((r) => r.id));
    if (page >= res.pageCount) return ids;
  }
}

async function expectMatches(ctx: TenantContext, f: DealFilters, predicate: (d: Naive) => boolean) {
  const expected = (await everyDeal(ctx.orgId)).filter(predicate);
  const res = await listDeals(ctx, { filters: f, now: NOW });
  expect(new Set(await allIds(ctx, f))).toEqual(new Set(expected.map((d) => d.id)));
  expect(res.total).toBe(expected.length);
  expect([...res.totals].sort((a, b) => a.currency.localeCompare(b.currency))).toEqual(naiveTotals(expected));
  return res;
}

describe("listDeals filters (each checked against a naive recomputation)", () => {
  it("defaults to open deals, newest first, with stage, owner and the pending action", async () => {
    const res = await expectMatches(w.admin, filters(), (d) => d.status === "open");
    const times = res.rows.map((r) => r.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    for (const row of res.rows) {
      expect(row.nextAction).not.toBeNull();
      expect(row.stageName).toBeTruthy();
      expect(row.ownerName).toMatch(/Rep|Manager/);
    }
  });

  it("filters by status: won, lost and all (closed deals have no next action)", async () => {
    const won = await expectMatches(w.admin, filters({ status: "won" }), (d) => d.status === "won");
    expect(won.total).toBe(3);
    expect(won.rows.every((r) => r.nextAction === null && r.status === "won")).toBe(true);
    await expectMatches(w.admin, filters({ status: "lost" }), (d) => d.status === "lost");
    await expectMatches(w.admin, filters({ status: "all" }), () => true);
  });

  it("never lists deleted deals", async () => {
    const all = await listDeals(w.admin, { filters: filters({ status: "all" }), now: NOW });
    expect(all.total).toBe(37);
  });

  it("filters by one or several stages", async () => {
    const [a, b] = w.open;
    await expectMatches(w.admin, filters({ stageIds: [a!.id] }), (d) => d.status === "open" && d.stageId === a!.id);
    await expectMatches(w.admin, filters({ stageIds: [a!.id, b!.id] }), (d) => d.status === "open" && [a!.id, b!.id].includes(d.stageId));
  });

  it("filters by owner and by sector", async () => {
    await expectMatches(w.admin, filters({ ownerId: w.team.rep2.id }), (d) => d.status === "open" && d.ownerId === w.team.rep2.id);
    await expectMatches(w.admin, filters({ sector: "Retail" }), (d) => d.status === "open" && d.sector === "Retail");
  });

  it("filters by expected close date range (inclusive) and leaves out deals without one", async () => {
    const from = new Date(NOW.getTime() - 10 * DAY).toISOString().slice(0, 10);
    const to = new Date(NOW.getTime() + 20 * DAY).toISOString().slice(0, 10);
    const res = await expectMatches(
      w.admin,
      filters({ status: "all", from, to }),
      (d) => d.expectedCloseDate !== null && d.expectedCloseDate >= from && d.expectedCloseDate <= to,
    );
    expect(res.total).toBeGreaterThan(0);
    await expectMatches(w.admin, filters({ status: "all", from }), (d) => d.expectedCloseDate !== null && d.expectedCloseDate >= from);
    await expectMatches(w.admin, filters({ status: "all", to }), (d) => d.expectedCloseDate !== null && d.expectedCloseDate <= to);
  });

  it("filters by created date in the org's time zone, whole days inclusive", async () => {
    const zoneDate = (at: Date) => new Intl.DateTimeFormat("en-CA", { timeZone: w.admin.org.timeZone }).format(at);
    const from = zoneDate(new Date(NOW.getTime() - 20 * DAY));
    const to = zoneDate(new Date(NOW.getTime() - 10 * DAY));
    const res = await expectMatches(w.admin, filters({ status: "all", dateField: "created", from, to }), (d) => {
      const day = zoneDate(d.createdAt);
      return day >= from && day <= to;
    });
    expect(res.total).toBe(11);
  });

  it("searches title and contact, case-insensitively", async () => {
    await expectMatches(w.admin, filters({ q: "WINDOW" }), (d) => d.status === "open" && d.title.toLowerCase().includes("window"));
    await expectMatches(w.admin, filters({ q: "klinik" }), (d) => d.status === "open" && d.contactName.includes("Klinik"));
    // Non-ASCII matches in the same case. (Case folding of Ø/é needs a Unicode-aware database locale:
    // the embedded cluster is initialised with --locale=C, where lower() only folds ASCII.)
    await expectMatches(w.admin, filters({ q: "Østerbro" }), (d) => d.status === "open" && d.contactName.includes("Østerbro"));
    // Across the title/contact boundary, as the index expression joins them with a space.
    await expectMatches(w.admin, filters({ q: "care 3 klinik", status: "all" }), (d) =>
      `${d.title} ${d.contactName}`.toLowerCase().includes("care 3 klinik"),
    );
  });

  it("'overdue only' keeps deals whose pending action is due before now", async () => {
    const res = await expectMatches(w.admin, filters({ overdue: true }), (d) => d.status === "open" && d.dueAt !== null && d.dueAt < NOW);
    expect(res.total).toBeGreaterThan(0);
    expect(res.rows.every((r) => r.nextAction?.state === "overdue")).toBe(true);
  });

  it("combines filters", async () => {
    const stage = w.open[1]!;
    await expectMatches(
      w.admin,
      filters({ status: "all", stageIds: [stage.id], ownerId: w.team.rep.id, q: "clean" }),
      (d) => d.stageId === stage.id && d.ownerId === w.team.rep.id && `${d.title} ${d.contactName}`.toLowerCase().includes("clean"),
    );
  });
});

describe("listDeals sorting and pagination", () => {
  const key: Record<(typeof DEAL_SORT_KEYS)[number], (d: Naive) => string | number | null> = {
    created: (d) => d.createdAt.getTime(),
    title: (d) => d.title.toLowerCase(),
    value: (d) => d.valueMinor,
    weighted: (d) => d.weightedMinor,
    stage: (d) => ({ open: 0, won: 1, lost: 2 })[d.stageKind as "open"] * 100 + d.stagePosition,
    owner: (d) => d.ownerName.toLowerCase(),
    close: (d) => d.expectedCloseDate,
    due: (d) => d.dueAt?.getTime() ?? null,
  };

  for (const sort of DEAL_SORT_KEYS) {
    for (const dir of ["asc", "desc"] as const) {
      it(`sorts by ${sort} ${dir}, nulls last, every deal on exactly one page`, async () => {
        const byId = new Map((await everyDeal(w.team.org.id)).map((d) => [d.id, d]));
        const ids = await allIds(w.admin, filters({ status: "all", sort, dir, pageSize: 25 }));
        expect(ids).toHaveLength(37);
        expect(new Set(ids).size).toBe(37);
        const values = ids.map((id) => key[sort](byId.get(id)!));
        const present = values.filter((v) => v !== null);
        expect(values.slice(0, present.length)).toEqual(present); // nulls only at the end
        const ordered = [...present].sort((a, b) => (a! < b! ? -1 : a! > b! ? 1 : 0));
        expect(present).toEqual(dir === "asc" ? ordered : ordered.reverse());
      });
    }
  }

  it("pages through the set with the requested size and reports the page count", async () => {
    const first = await listDeals(w.admin, { filters: filters({ status: "all", pageSize: 25 }), now: NOW });
    const second = await listDeals(w.admin, { filters: filters({ status: "all", pageSize: 25, page: 2 }), now: NOW });
    expect([first.rows.length, second.rows.length]).toEqual([25, 12]);
    expect([first.pageCount, second.page, first.total]).toEqual([2, 2, 37]);
    expect(new Set([...first.rows, ...second.rows].map((r) => r.id)).size).toBe(37);
  });

  it("shows the last page for a page number past the end", async () => {
    const res = await listDeals(w.admin, { filters: filters({ status: "all", pageSize: 25, page: 9 }), now: NOW });
    expect(res.page).toBe(2);
    expect(res.rows).toHaveLength(12);
    const none = await listDeals(w.admin, { filters: filters({ q: "no such deal anywhere", page: 3 }), now: NOW });
    expect([none.page, none.pageCount, none.total, none.rows.length]).toEqual([1, 1, 0, 0]);
  });
});

describe("listDeals totals", () => {
  it("keeps currencies apart, the org's own first, each summed in SQL over the whole filtered set", async () => {
    const res = await listDeals(w.admin, { filters: filters({ status: "all", pageSize: 25 }), now: NOW });
    expect(res.totals.map((t) => t.currency)).toEqual(["EUR", "DKK"]); // the org now works in EUR
    expect(res.totals.find((t) => t.currency === "EUR")!.count).toBe(4);
    const expected = naiveTotals(await everyDeal(w.team.org.id));
    expect([...res.totals].sort((a, b) => a.currency.localeCompare(b.currency))).toEqual(expected);
  });

  it("weighted value follows each deal's own probability", async () => {
    const res = await listDeals(w.admin, { filters: filters(), now: NOW });
    for (const row of res.rows) expect(row.weightedMinor).toBe(Math.floor((row.valueMinor * row.probability) / 100));
  });
});

describe("listDeals visibility", () => {
  it("shows a rep only their own deals, and totals only theirs", async () => {
    const rep = await ctxFor(w.team.rep.id, w.team.org.slug);
    await expectMatches(rep, filters({ status: "all" }), (d) => d.ownerId === w.team.rep.id);
  });

  it("gives a rep nothing when filtering on someone else", async () => {
    const rep = await ctxFor(w.team.rep.id, w.team.org.slug);
    const res = await listDeals(rep, { filters: filters({ status: "all", ownerId: w.team.rep2.id }), now: NOW });
    expect([res.total, res.rows.length, res.totals.length]).toEqual([0, 0, 0]);
  });

  it("shows managers every deal", async () => {
    const manager = await ctxFor(w.team.manager.id, w.team.org.slug);
    expect((await listDeals(manager, { filters: filters({ status: "all" }), now: NOW })).total).toBe(37);
  });

  it("returns nothing for another org's stage or owner ids, and never its deals", async () => {
    const byStage = await listDeals(w.admin, { filters: filters({ status: "all", stageIds: [w.otherStages[0]!.id] }), now: NOW });
    const byOwner = await listDeals(w.admin, { filters: filters({ status: "all", ownerId: w.other.admin.id }), now: NOW });
    const bySearch = await listDeals(w.admin, { filters: filters({ status: "all", q: "elsewhere" }), now: NOW });
    for (const res of [byStage, byOwner, bySearch]) expect([res.total, res.rows.length, res.totals.length]).toEqual([0, 0, 0]);
  });
});

describe("search escaping", () => {
  let ctx: TenantContext;
  beforeAll(async () => {
    const team = await createOrgWithTeam(getDb());
    ctx = await ctxFor(team.admin.id, team.org.slug);
    const [stage] = await listStages(ctx);
    for (const title of [
      "50% off windows",
      "50 off windows",
      "file_name review",
      "filename review",
      "back\\slash deal",
      "backslash deal",
    ]) {
      await createDeal(ctx, {
        title,
        contactName: "Someone",
        value: 100,
        stageId: stage!.id,
        firstAction: { type: "task", dueAt: new Date(Date.now() + DAY), details: "x" },
      });
    }
  });

  const titles = async (q: string) =>
    (await listDeals(ctx, { filters: filters({ q }), now: NOW })).rows.map((r: DealListRow) => r.title).sort();

  it("treats % and _ and \\ as ordinary characters", async () => {
    expect(await titles("50%")).toEqual(["50% off windows"]);
    expect(await titles("file_")).toEqual(["file_name review"]);
    expect(await titles("k\\s")).toEqual(["back\\slash deal"]);
    expect(await titles("%")).toEqual(["50% off windows"]);
    expect(await titles("_")).toEqual(["file_name review"]);
  });

  it("still matches substrings", async () => {
    expect(await titles("off win")).toEqual(["50 off windows", "50% off windows"]);
  });
});

describe("listSectors", () => {
  it("lists each sector once, sorted, from visible deals only", async () => {
    expect(await listSectors(w.admin)).toEqual(["Healthcare", "Offices", "Retail"]);
    const rep = await ctxFor(w.team.rep.id, w.team.org.slug);
    const expected = [
      ...new Set((await everyDeal(w.team.org.id)).filter((d) => d.ownerId === w.team.rep.id && d.sector).map((d) => d.sector!)),
    ].sort();
    expect(await listSectors(rep)).toEqual(expected);
  });
});

describe("hasAnyDeal", () => {
  it("tells an empty org (or a rep without deals) apart from one with deals, scoped like the list", async () => {
    const team = await createOrgWithTeam(getDb());
    const admin = await ctxFor(team.admin.id, team.org.slug);
    expect(await hasAnyDeal(admin)).toBe(false);
    const [stage] = await listStages(admin);
    await createDeal(admin, {
      title: "First deal",
      contactName: "Someone",
      value: 100,
      stageId: stage!.id,
      ownerId: team.rep.id,
      firstAction: { type: "task", dueAt: new Date(Date.now() + DAY), details: "x" },
    });
    expect(await hasAnyDeal(admin)).toBe(true);
    expect(await hasAnyDeal(await ctxFor(team.rep.id, team.org.slug))).toBe(true);
    expect(await hasAnyDeal(await ctxFor(team.rep2.id, team.org.slug))).toBe(false);
    expect(await hasAnyDeal(await ctxFor(w.other.admin.id, w.other.org.slug))).toBe(true); // its own deals only
  });
});
