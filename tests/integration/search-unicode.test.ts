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

  it("ignores accents both ways, Ø and Æ included (they do not decompose under NFD)", async () => {
    const { a } = await twoOrgs();
    const ctx = await ctxFor(a.admin.id, a.org.slug);
    const [lead] = await listStages(ctx);
    const firstAction = { type: "call" as const, dueAt: new Date(Date.now() + 86_400_000), details: "Call" };
    for (const contactName of ["Klinik Østerbro", "Osterbro Tandlæger", "Élodie Dupré SARL", "Café Gare du Nord", "Bageriet Lærkevej"]) {
      await createDeal(ctx, { title: "Cleaning", contactName, value: 100_00, stageId: lead!.id, firstAction });
    }
    const search = async (q: string) => (await listDeals(ctx, { filters: parseDealFilters({ q }) })).rows.map((r) => r.contactName).sort();
    // Unaccented term finds the accented name, and the accented term the unaccented one.
    expect(await search("osterbro")).toEqual(["Klinik Østerbro", "Osterbro Tandlæger"]);
    expect(await search("ØSTERBRO")).toEqual(["Klinik Østerbro", "Osterbro Tandlæger"]);
    expect(await search("elodie dupre")).toEqual(["Élodie Dupré SARL"]);
    expect(await search("cafe")).toEqual(["Café Gare du Nord"]);
    expect(await search("gäre")).toEqual(["Café Gare du Nord"]);
    expect(await search("laerkevej")).toEqual(["Bageriet Lærkevej"]);
    expect(await search("tandlaeger")).toEqual(["Osterbro Tandlæger"]);
  });

  it("takes LIKE's wildcards literally, also when folding produces them", async () => {
    const { a } = await twoOrgs();
    const ctx = await ctxFor(a.admin.id, a.org.slug);
    const [lead] = await listStages(ctx);
    const firstAction = { type: "call" as const, dueAt: new Date(Date.now() + 86_400_000), details: "Call" };
    for (const title of ["Discount 100% off", "Discount 1000 off", "Plan a_b"]) {
      await createDeal(ctx, { title, contactName: "Nordic ApS", value: 100_00, stageId: lead!.id, firstAction });
    }
    const search = async (q: string) => (await listDeals(ctx, { filters: parseDealFilters({ q }) })).rows.map((r) => r.title).sort();
    expect(await search("100%")).toEqual(["Discount 100% off"]);
    expect(await search("100％")).toEqual(["Discount 100% off"]); // fullwidth percent folds to "%", still literal
    expect(await search("a_b")).toEqual(["Plan a_b"]);
    expect(await search("a＿b")).toEqual(["Plan a_b"]);
  });
});
