import { describe, expect, it } from "vitest";

import { parseDealFilters } from "@/lib/schemas/deal-filters";
import { listDeals } from "@/server/data/deal-list";
import { createDeal } from "@/server/data/deals";
import { listStages } from "@/server/data/stages";
import { ctxFor, twoOrgs } from "@tests/integration/support/fixtures";

// The embedded cluster uses the builtin C.UTF-8 provider so that lower() folds non-ASCII letters;
// with plain --locale=C, "østerbro" would not find "Østerbro".
describe("deal search across letters beyond ASCII", () => {
  it("finds Danish and French names whatever the case", async () => {
    const { a } = await twoOrgs();
    const ctx = await ctxFor(a.admin.id, a.org.slug);
    const [lead] = await listStages(ctx);
    const firstAction = { type: "call" as const, dueAt: new Date(Date.now() + 86_400_000), details: "Call" };
    for (const contactName of ["Klinik Østerbro", "Élodie Dupré SARL", "Nordic ApS"]) {
      await createDeal(ctx, { title: "Cleaning", contactName, value: 100_00, stageId: lead!.id, firstAction });
    }
    const search = async (q: string) => (await listDeals(ctx, { filters: parseDealFilters({ q }) })).rows.map((r) => r.contactName);
    expect(await search("østerbro")).toEqual(["Klinik Østerbro"]);
    expect(await search("ÉLODIE")).toEqual(["Élodie Dupré SARL"]);
    expect(await search("dupré")).toEqual(["Élodie Dupré SARL"]);
  });
});
