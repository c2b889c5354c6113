import { describe, expect, it } from "vitest";

import { createDealAction } from "@/actions/deals";
import { getDb } from "@/db/client";
import { DEFAULT_DEAL_FILTERS } from "@/lib/schemas/deal-filters";
import { listDeals, listSectors } from "@/server/data/deal-list";
import { listStages } from "@/server/data/stages";
import { recordOrgDataChanged } from "@/server/data-changes";
import { versionedCache } from "@/server/versioned-cache";
import { asUser, ctxFor, twoOrgs } from "@tests/integration/support/fixtures";

const openDeals = { ...DEFAULT_DEAL_FILTERS, status: "open" as const };

async function createDeal(userId: string, orgSlug: string, stageId: string, sector: string, value: string) {
  const res = await asUser(userId, () =>
    createDealAction(orgSlug, {
      title: `Deal ${sector}`,
      contactName: "Acme",
      value,
      sector,
      stageId,
      firstAction: { type: "call", dueAt: new Date(Date.now() + 86_400_000).toISOString(), details: "Call" },
    }),
  );
  expect(res.ok).toBe(true);
}

describe("versioned caches of org-wide figures", () => {
  it("deal list totals: shared across pages and sorts, current again after any change in the org", async () => {
    const { a } = await twoOrgs();
    const manager = await ctxFor(a.manager.id, a.org.slug);
    const first = await listDeals(manager, { filters: openDeals });
    const page2 = await listDeals(manager, { filters: { ...openDeals, page: 2, sort: "value", dir: "asc" } });
    expect(page2.totals).toEqual(first.totals);

    const [lead] = await listStages(manager);
    await createDeal(a.rep.id, a.org.slug, lead!.id, "Cache testing", "2500");

    // A request that resolved its tenant before the change may see the old totals once…
    expect((await listDeals(manager, { filters: openDeals })).total).toBe(first.total);
    // …the next one (a fresh tenant, with the bumped data_version) sees the new deal.
    const after = await listDeals(await ctxFor(a.manager.id, a.org.slug), { filters: openDeals });
    expect(after.total).toBe(first.total + 1);
    const currency = after.totals.find((t) => t.currency === a.org.currency)!;
    const before = first.totals.find((t) => t.currency === a.org.currency);
    expect(currency.valueMinor).toBe((before?.valueMinor ?? 0) + 250_000);
  });

  it("never shares figures between a rep and a lead, nor between orgs", async () => {
    const { a, b } = await twoOrgs();
    const [lead] = await listStages(await ctxFor(a.admin.id, a.org.slug));
    const [leadB] = await listStages(await ctxFor(b.admin.id, b.org.slug));
    await createDeal(a.rep.id, a.org.slug, lead!.id, "Rep's", "100");
    await createDeal(a.admin.id, a.org.slug, lead!.id, "Admin's", "200");
    await createDeal(b.admin.id, b.org.slug, leadB!.id, "Other org's", "300");
    const manager = await listDeals(await ctxFor(a.manager.id, a.org.slug), { filters: openDeals });
    const rep = await listDeals(await ctxFor(a.rep.id, a.org.slug), { filters: openDeals });
    const otherOrg = await listDeals(await ctxFor(b.manager.id, b.org.slug), { filters: openDeals });
    expect([rep.total, manager.total, otherOrg.total]).toEqual([1, 2, 1]);
    expect(rep.rows.every((r) => r.ownerId === a.rep.id)).toBe(true);
    expect(otherOrg.rows.some((r) => rep.rows.some((x) => x.id === r.id))).toBe(false);
  });

  it("sectors: a new sector appears once the org's data changed, whichever process changed it", async () => {
    const { a } = await twoOrgs();
    const ctx = await ctxFor(a.admin.id, a.org.slug);
    const before = await listSectors(ctx);
    expect(before).not.toContain("Zeppelins");
    const [lead] = await listStages(ctx);
    await createDeal(a.admin.id, a.org.slug, lead!.id, "Zeppelins", "100");
    expect(await listSectors(await ctxFor(a.admin.id, a.org.slug))).toContain("Zeppelins");
  });

  it("recomputes on a bumped version or an expired entry, shares one computation, and forgets failures", async () => {
    const { a } = await twoOrgs();
    const cache = versionedCache<number>("test-cache", { ttlMs: 60_000, maxEntries: 10 });
    cache.clear();
    let computed = 0;
    const compute = async () => ++computed;
    const ctx = await ctxFor(a.admin.id, a.org.slug);
    const [x, y] = await Promise.all([cache.get(ctx, ["k"], compute), cache.get(ctx, ["k"], compute)]);
    expect([x, y, computed]).toEqual([1, 1, 1]); // single flight
    expect(await cache.get(ctx, ["other"], compute)).toBe(2); // another key
    await recordOrgDataChanged(getDb(), a.org.id);
    expect(await cache.get(ctx, ["k"], compute)).toBe(1); // this request's tenant predates the change
    expect(await cache.get(await ctxFor(a.admin.id, a.org.slug), ["k"], compute)).toBe(3);

    await expect(cache.get(ctx, ["boom"], () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    expect(await cache.get(ctx, ["boom"], compute)).toBe(4); // the failure was not kept

    const expiring = versionedCache<number>("test-cache-ttl", { ttlMs: 0, maxEntries: 10 });
    expiring.clear();
    await expiring.get(ctx, ["k"], compute);
    await new Promise((r) => setTimeout(r, 2));
    expect(await expiring.get(ctx, ["k"], compute)).toBe(6);
  });
});
