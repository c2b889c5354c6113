import { describe, expect, it } from "vitest";
import { createDealAction } from "@/actions/deals";
import { parseDashboardFilters } from "@/lib/schemas/dashboard-filters";
import { getDashboardCached } from "@/server/data/dashboard/cache";
import { listStages } from "@/server/data/stages";
import { asUser, ctxFor, twoOrgs } from "@tests/integration/support/fixtures";

describe("dashboard page cache", () => {
  it("shows a change made through an action on the next load, and leaves other orgs' entries alone", async () => {
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

    const after = await getDashboardCached(ctx, filters);
    expect(after.health.openDeals).toBe(before.health.openDeals + 1);
    expect(await getDashboardCached(ctxB, filters)).toBe(otherBefore);
  });
});
