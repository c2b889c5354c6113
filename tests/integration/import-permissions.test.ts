import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";

import * as importActions from "../../src/actions/imports";
import { getDb } from "../../src/db/client";
import { memberships } from "../../src/db/schema";
import type { ActionResult } from "../../src/lib/result";
import { countImports, getImport, listImports } from "../../src/server/data/imports/drafts";
import { listImportIssues } from "../../src/server/data/imports/issues";
import { processImportJob } from "../../src/server/jobs/import-deals";
import { asUser, ctxFor, twoOrgs } from "./support/fixtures";
import { csvForm, importRow, optionsWith, snapshotDeals, startAndRun, uploadAs, withJobQueue } from "./support/import-fixtures";

withJobQueue({ work: false });

type Teams = Awaited<ReturnType<typeof twoOrgs>>;
type AnyAction = (orgSlug: string, input: unknown) => Promise<ActionResult<unknown>>;

const CSV = "Client;Montant\nAlpha;100\nBeta;200\n";
const choices = { mapping: ["contact", "value"] as ("contact" | "value")[] };

/** One valid input per action, for an import of org A (prepared as A's admin). Every export of actions/imports.ts must be here. */
const CASES: Record<string, (t: Teams) => Promise<unknown>> = {
  uploadImportAction: async () => csvForm(CSV),
  validateImportAction: async (t) => ({ importId: await uploadAs(t.a.admin.id, t.a.org.slug, CSV), ...optionsWith(choices) }),
  startImportAction: async (t) => ({
    importId: await uploadAs(t.a.admin.id, t.a.org.slug, CSV),
    ...optionsWith(choices),
    skipInvalid: false,
  }),
  discardImportAction: async (t) => ({ importId: await uploadAs(t.a.admin.id, t.a.org.slug, CSV) }),
  revertImportAction: async (t) => {
    const importId = await uploadAs(t.a.admin.id, t.a.org.slug, CSV);
    await startAndRun(t.a.admin.id, t.a.org.slug, importId, choices);
    return { importId };
  },
};
const ACTIONS = importActions as unknown as Record<string, AnyAction>;

describe("import actions", () => {
  let t: Teams;
  beforeAll(async () => {
    t = await twoOrgs();
  });

  it("every action has a case here", () => {
    expect(Object.keys(ACTIONS).sort()).toEqual(Object.keys(CASES).sort());
  });

  for (const name of Object.keys(CASES)) {
    it(`${name}: a sales rep is refused and nothing changes`, async () => {
      const input = await CASES[name]!(t);
      const before = await snapshotDeals(t.a.org.id);
      const imports = await listImports(await ctxFor(t.a.admin.id, t.a.org.slug), { limit: 100, offset: 0 });
      const result = await asUser(t.a.rep.id, () => ACTIONS[name]!(t.a.org.slug, input));
      expect(result).toMatchObject({ ok: false, code: "FORBIDDEN" });
      expect(await snapshotDeals(t.a.org.id)).toEqual(before);
      expect(await listImports(await ctxFor(t.a.admin.id, t.a.org.slug), { limit: 100, offset: 0 })).toEqual(imports);
    });

    it(`${name}: the manager may`, async () => {
      const input = await CASES[name]!(t);
      const result = await asUser(t.a.manager.id, () => ACTIONS[name]!(t.a.org.slug, input));
      expect(result).toMatchObject({ ok: true });
    });

    if (name !== "uploadImportAction") {
      it(`${name}: another org's import is not found, and is left alone`, async () => {
        const input = (await CASES[name]!(t)) as { importId: string };
        const before = await importRow(input.importId);
        const result = await asUser(t.b.admin.id, () => ACTIONS[name]!(t.b.org.slug, input));
        expect(result).toMatchObject({ ok: false, code: "NOT_FOUND", message: "Import was not found." });
        expect(await importRow(input.importId)).toEqual(before);
        // Nor can B's admin reach it through A's URL: not a member there.
        expect(await asUser(t.b.admin.id, () => ACTIONS[name]!(t.a.org.slug, input))).toMatchObject({ ok: false, code: "NOT_FOUND" });
      });
    }
  }
});

describe("import reads", () => {
  it("are scoped to the org and refused to reps", async () => {
    const t = await twoOrgs();
    const importId = await uploadAs(t.a.admin.id, t.a.org.slug, "Client;Montant\nAlpha;100\n;200\n");
    await startAndRun(t.a.admin.id, t.a.org.slug, importId, choices, true);
    const a = await ctxFor(t.a.manager.id, t.a.org.slug);
    const b = await ctxFor(t.b.admin.id, t.b.org.slug);
    expect((await getImport(a, { importId })).failedCount).toBe(1);
    expect((await listImportIssues(a, { importId, limit: 10, offset: 0 })).total).toBe(1);
    await expect(getImport(b, { importId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await listImportIssues(b, { importId, limit: 10, offset: 0 })).toEqual({ rows: [], total: 0 });
    expect(await listImports(b, { limit: 10, offset: 0 })).toEqual([]);
    expect(await countImports(b)).toBe(0);
    const rep = await ctxFor(t.a.rep.id, t.a.org.slug);
    await expect(listImports(rep, { limit: 10, offset: 0 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getImport(rep, { importId })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("the job runs as the person who started it, and stops if they may no longer import", async () => {
    const t = await twoOrgs();
    const importId = await uploadAs(t.a.manager.id, t.a.org.slug, CSV);
    await asUser(t.a.manager.id, () =>
      importActions.startImportAction(t.a.org.slug, { importId, ...optionsWith(choices), skipInvalid: false }),
    );
    await getDb().update(memberships).set({ role: "rep" }).where(eq(memberships.userId, t.a.manager.id));
    await processImportJob({ importId, orgId: t.a.org.id });
    expect(await importRow(importId)).toMatchObject({
      status: "failed",
      createdCount: 0,
      error: "Nothing was imported: The person who started this import may no longer import.",
    });
    // A job message naming another org's id does nothing to the import.
    const other = await uploadAs(t.b.admin.id, t.b.org.slug, CSV);
    await asUser(t.b.admin.id, () =>
      importActions.startImportAction(t.b.org.slug, { importId: other, ...optionsWith(choices), skipInvalid: false }),
    );
    await processImportJob({ importId: other, orgId: t.a.org.id });
    expect(await importRow(other)).toMatchObject({ status: "queued" });
  });
});
