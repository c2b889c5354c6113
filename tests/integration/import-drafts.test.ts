import { describe, expect, it } from "vitest";

import * as importActions from "../../src/actions/imports";
import { getDb } from "../../src/db/client";
import { createOrgWithTeam } from "../../src/db/seed/factories";
import { countImports, listImportDrafts, listImports } from "../../src/server/data/imports/drafts";
import { asUser, ctxFor } from "./support/fixtures";
import { okData, startAndRun, uploadAs, withJobQueue } from "./support/import-fixtures";

withJobQueue({ work: false });

describe("uploads that were never imported", () => {
  it("are listed apart from the history, and discarding one leaves no trace", async () => {
    const team = await createOrgWithTeam(getDb());
    const ctx = await ctxFor(team.admin.id, team.org.slug);
    const ran = await uploadAs(team.admin.id, team.org.slug, "Client;Montant\nAlpha;100\n", "ran.csv");
    await startAndRun(team.admin.id, team.org.slug, ran, { mapping: ["contact", "value"] });
    const wrong = await uploadAs(team.admin.id, team.org.slug, "Client\nBeta\n", "wrong-file.csv");
    const pending = await uploadAs(team.admin.id, team.org.slug, "Client\nGamma\n", "later.csv");

    // The history is the imports that ran; the drafts wait on the import page.
    expect((await listImports(ctx, { limit: 10, offset: 0 })).map((r) => r.fileName)).toEqual(["ran.csv"]);
    expect(await countImports(ctx)).toBe(1);
    expect((await listImportDrafts(ctx)).map((d) => d.id)).toEqual([pending, wrong]);

    okData(await asUser(team.admin.id, () => importActions.discardImportAction(team.org.slug, { importId: wrong })));
    expect((await listImportDrafts(ctx)).map((d) => d.fileName)).toEqual(["later.csv"]);
    expect(await countImports(ctx)).toBe(1);
    // Gone for good: it cannot be opened or discarded again.
    expect(await asUser(team.admin.id, () => importActions.discardImportAction(team.org.slug, { importId: wrong }))).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
  });

  it("of another org are not listed", async () => {
    const a = await createOrgWithTeam(getDb());
    const b = await createOrgWithTeam(getDb());
    await uploadAs(b.admin.id, b.org.slug, "Client\nBeta\n");
    expect(await listImportDrafts(await ctxFor(a.admin.id, a.org.slug))).toEqual([]);
  });
});
