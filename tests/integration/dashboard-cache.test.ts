import { describe, expect, it } from "vitest";

import { createDealAction } from "@/actions/deals";
import { getDb } from "@/db/client";
import { parseDashboardFilters } from "@/lib/schemas/dashboard-filters";
import { getDashboardCached } from "@/server/data/dashboard/cache";
import { listStages } from "@/server/data/stages";
import { recordOrgDataChanged } from "@/server/data-changes";
import { asUser, ctxFor, twoOrgs } from "@tests/integration/support/fixtures";

describe("dashboard page cache", () => {
  it("shows a change made through an action on the next load — in any process — and leaves other orgs' entries alone", async () => {
    const { a, b } = await twoOrgs();
    const ctx = await ctxFor(a.admin.id, a.org.slug);
    const ctxB = await ctxFor(b.admin.id, b.org.slug);
    const filters = parseDashboardFilters({});
    const before = await getDashboardCached(ctx, filters);
    const otherBefore = await getDashboardCached(ctxB, filters);
    expect(await getDashboardCached(ctx, filters)).toBe(before); // a repeat load is served from the cache

    const [lead] = await listStages(ctx);
    const res = await asUser(a.rep.id, () =>
      createDealAction(a.org.slug, {
        title: "New office",
        contactName: "Acme",
        value: "1000",
        stageId: lead!.id,
        firstAction: { type: "call", dueAt: new Date(Date.now() + 86_400_000).toISOString(), details: "Call" },
      }),
    );
    expect(res.ok).toBe(true);

    // The next load resolves its tenant afresh: the action bumped the org's data_version in the
    // database, which is what tells this process's cache — or another web worker's — it is behind.
    const nextLoad = await ctxFor(a.admin.id, a.org.slug);
    expect(nextLoad.org.dataVersion).toBeGreaterThan(ctx.org.dataVersion);
    const after = await getDashboardCached(nextLoad, filters);
    expect(after.health.openDeals).toBe(before.health.openDeals + 1);
    expect(await getDashboardCached(nextLoad, filters)).toBe(after);
    expect(await getDashboardCached(await ctxFor(b.admin.id, b.org.slug), filters)).toBe(otherBefore);
  });

  it("recomputes when the data changed without this process knowing (another worker, an import job)", async () => {
    const { a } = await twoOrgs();
    const filters = parseDashboardFilters({});
    const first = await getDashboardCached(await ctxFor(a.admin.id, a.org.slug), filters);
    await recordOrgDataChanged(getDb(), a.org.id);
    const second = await getDashboardCached(await ctxFor(a.admin.id, a.org.slug), filters);
    expect(second).not.toBe(first);
    expect(second.kpis).toEqual(first.kpis); // computed again, to the same figures: nothing really changed
  });
});
