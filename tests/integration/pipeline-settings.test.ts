import { and, asc, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { moveDealAction } from "@/actions/deals";
import { addStageAction, removeStageAction, reorderStagesAction, updateStageAction } from "@/actions/pipeline";
import { getDb } from "@/db/client";
import { auditLog, pipelineStages } from "@/db/schema";
import { createOrgWithTeam } from "@/db/seed/factories";
import type { ActionResult } from "@/lib/result";
import { getBoard } from "@/server/data/board";
import { makeDeal, stagesOf } from "@tests/integration/support/board-deals";
import { asUser, ctxFor, twoOrgs } from "@tests/integration/support/fixtures";

type Team = Awaited<ReturnType<typeof createOrgWithTeam>>;

const stagesIn = (orgId: string) =>
  getDb()
    .select({
      id: pipelineStages.id,
      name: pipelineStages.name,
      position: pipelineStages.position,
      probability: pipelineStages.probability,
      kind: pipelineStages.kind,
      staleAfterDays: pipelineStages.staleAfterDays,
    })
    .from(pipelineStages)
    .where(eq(pipelineStages.orgId, orgId))
    .orderBy(asc(pipelineStages.kind), asc(pipelineStages.position));

const auditCount = (orgId: string) =>
  getDb()
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(auditLog)
    .where(eq(auditLog.orgId, orgId))
    .then((r) => r[0]!.n);

async function openStages(team: Team) {
  return (await stagesOf(await ctxFor(team.admin.id, team.org.slug))).open;
}

/** One valid input per action against a fresh team, as its admin would send it. */
const CASES: Record<string, { run: (team: Team, as: string) => Promise<ActionResult<unknown>> }> = {
  updateStageAction: {
    run: async (t, as) => {
      const [lead] = await openStages(t);
      return asUser(as, () =>
        updateStageAction(t.org.slug, { stageId: lead!.id, name: "Inbound lead", probability: "15", staleAfterDays: "7" }),
      );
    },
  },
  addStageAction: {
    run: (t, as) => asUser(as, () => addStageAction(t.org.slug, { name: "Demo booked", probability: 40, staleAfterDays: 5 })),
  },
  reorderStagesAction: {
    run: async (t, as) => {
      const ids = (await openStages(t)).map((s) => s.id).reverse();
      return asUser(as, () => reorderStagesAction(t.org.slug, { stageIds: ids }));
    },
  },
  removeStageAction: {
    run: async (t, as) => {
      const open = await openStages(t);
      return asUser(as, () => removeStageAction(t.org.slug, { stageId: open.at(-1)!.id }));
    },
  },
};

describe("pipeline settings actions", () => {
  describe.each(Object.keys(CASES))("%s", (name) => {
    it("works for an admin, with an audit row", async () => {
      const team = await createOrgWithTeam(getDb());
      const before = await stagesIn(team.org.id);
      const audits = await auditCount(team.org.id);
      const result = await CASES[name]!.run(team, team.admin.id);
      expect(result).toMatchObject({ ok: true });
      expect(await stagesIn(team.org.id)).not.toEqual(before);
      expect(await auditCount(team.org.id)).toBe(audits + 1);
    });

    it.each([
      ["manager", "Manager"],
      ["rep", "Sales rep"],
    ] as const)("refuses a %s with FORBIDDEN and changes nothing", async (role, label) => {
      const team = await createOrgWithTeam(getDb());
      const before = await stagesIn(team.org.id);
      const result = await CASES[name]!.run(team, team[role].id);
      expect(result).toEqual({ ok: false, code: "FORBIDDEN", message: `Your role (${label}) is not allowed to do that.` });
      expect(await stagesIn(team.org.id)).toEqual(before);
    });
  });

  it("saves what the admin typed: trimmed name, numbers from form strings, new stages last among the open ones", async () => {
    const team = await createOrgWithTeam(getDb());
    const [lead] = await openStages(team);
    await asUser(team.admin.id, () =>
      updateStageAction(team.org.slug, { stageId: lead!.id, name: "  Inbound  ", probability: "15", staleAfterDays: " 7 " }),
    );
    const added = await asUser(team.admin.id, () =>
      addStageAction(team.org.slug, { name: "Demo booked", probability: 40, staleAfterDays: 5 }),
    );
    expect(added).toMatchObject({ ok: true, data: { id: expect.any(String) } });
    const open = (await stagesIn(team.org.id)).filter((s) => s.kind === "open");
    expect(open[0]).toMatchObject({ name: "Inbound", probability: 15, staleAfterDays: 7 });
    expect(open.at(-1)).toMatchObject({ name: "Demo booked", probability: 40, staleAfterDays: 5, position: 4 });
  });

  it("validates every field with a message on the field", async () => {
    const team = await createOrgWithTeam(getDb());
    const [lead] = await openStages(team);
    const result = await asUser(team.admin.id, () =>
      updateStageAction(team.org.slug, { stageId: lead!.id, name: "x".repeat(41), probability: "", staleAfterDays: 0 }),
    );
    expect(result).toEqual({
      ok: false,
      code: "VALIDATION",
      message: "Please correct the highlighted fields.",
      fieldErrors: {
        name: ["Keep the name under 40 characters"],
        probability: ["Enter a probability"],
        staleAfterDays: ["A whole number of days from 1 to 365"],
      },
    });
    const more = await asUser(team.admin.id, () => addStageAction(team.org.slug, { name: " ", probability: 12.5, staleAfterDays: 366 }));
    expect(more).toMatchObject({
      code: "VALIDATION",
      fieldErrors: {
        name: ["Give the stage a name"],
        probability: ["A whole percentage from 0 to 100"],
        staleAfterDays: ["A whole number of days from 1 to 365"],
      },
    });
  });

  it("refuses a name another stage already has, on the name field", async () => {
    const team = await createOrgWithTeam(getDb());
    const [lead, qualified] = await openStages(team);
    const rename = await asUser(team.admin.id, () =>
      updateStageAction(team.org.slug, { stageId: lead!.id, name: qualified!.name.toUpperCase(), probability: 10, staleAfterDays: 10 }),
    );
    expect(rename).toEqual({
      ok: false,
      code: "VALIDATION",
      message: "Another stage already has that name.",
      fieldErrors: { name: ["Another stage already has that name"] },
    });
    const add = await asUser(team.admin.id, () => addStageAction(team.org.slug, { name: "won", probability: 50, staleAfterDays: 10 }));
    expect(add).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { name: ["Another stage already has that name"] } });
  });

  it("keeps won at 100 % and lost at 0 %, but lets them be renamed and given a stale threshold", async () => {
    const team = await createOrgWithTeam(getDb());
    const { won, lost } = await stagesOf(await ctxFor(team.admin.id, team.org.slug));
    const wrong = await asUser(team.admin.id, () =>
      updateStageAction(team.org.slug, { stageId: won.id, name: "Won", probability: 90, staleAfterDays: 10 }),
    );
    expect(wrong).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { probability: ["Fixed for won and lost stages"] } });
    const renamed = await asUser(team.admin.id, () =>
      updateStageAction(team.org.slug, { stageId: lost.id, name: "Lost for now", probability: 0, staleAfterDays: 30 }),
    );
    expect(renamed.ok).toBe(true);
    expect((await stagesIn(team.org.id)).find((s) => s.id === lost.id)).toMatchObject({
      name: "Lost for now",
      probability: 0,
      staleAfterDays: 30,
      kind: "lost",
    });
    const removeWon = await asUser(team.admin.id, () => removeStageAction(team.org.slug, { stageId: won.id }));
    expect(removeWon).toEqual({ ok: false, code: "VALIDATION", message: "The won and lost stages cannot be removed." });
  });

  it("refuses to remove a stage that deals use, or that deals have passed through", async () => {
    const team = await createOrgWithTeam(getDb());
    const [lead, qualified, , negotiation] = await openStages(team);
    const rep = await ctxFor(team.rep.id, team.org.slug);
    const { dealId } = await makeDeal(rep, qualified!);
    const used = await asUser(team.admin.id, () => removeStageAction(team.org.slug, { stageId: qualified!.id }));
    expect(used).toEqual({ ok: false, code: "CONFLICT", message: `1 deal is in “${qualified!.name}”. Move it first.` });

    await asUser(team.rep.id, () => moveDealAction(team.org.slug, { dealId, stageId: negotiation!.id }));
    const passedThrough = await asUser(team.admin.id, () => removeStageAction(team.org.slug, { stageId: qualified!.id }));
    expect(passedThrough).toMatchObject({
      ok: false,
      code: "CONFLICT",
      message: expect.stringMatching(/passed through .*Rename it instead/),
    });
    expect((await stagesIn(team.org.id)).map((s) => s.id)).toContain(qualified!.id);

    // An untouched stage goes, and the board no longer has it.
    expect(await asUser(team.admin.id, () => removeStageAction(team.org.slug, { stageId: lead!.id }))).toEqual({
      ok: true,
      data: undefined,
    });
    expect((await getBoard(rep)).columns.map((c) => c.id)).not.toContain(lead!.id);
  });

  it("requires the new order to list every open stage exactly once", async () => {
    const team = await createOrgWithTeam(getDb());
    const all = await stagesOf(await ctxFor(team.admin.id, team.org.slug));
    const ids = all.open.map((s) => s.id);
    const reorder = (stageIds: string[]) => asUser(team.admin.id, () => reorderStagesAction(team.org.slug, { stageIds }));

    expect(await reorder(ids.slice(1))).toEqual({
      ok: false,
      code: "VALIDATION",
      message: "The new order must list every open stage exactly once.",
    });
    expect(await reorder([...ids.slice(1), all.won.id])).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(await reorder([...ids, ids[0]!])).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { stageIds: ["Each stage may appear only once"] },
    });
    expect(await reorder([])).toMatchObject({ ok: false, code: "VALIDATION" });

    const rotated = [ids[2]!, ids[0]!, ids[3]!, ids[1]!];
    expect(await reorder(rotated)).toEqual({ ok: true, data: undefined });
    const after = (await stagesIn(team.org.id)).filter((s) => s.kind === "open").map((s) => s.id);
    expect(after).toEqual(rotated);
  });

  it("treats another org's stage ids as not found (or not part of this pipeline)", async () => {
    const { a, b } = await twoOrgs();
    const theirs = await stagesOf(await ctxFor(b.admin.id, b.org.slug));
    const before = await stagesIn(b.org.id);
    const update = await asUser(a.admin.id, () =>
      updateStageAction(a.org.slug, { stageId: theirs.open[0]!.id, name: "Hijacked", probability: 1, staleAfterDays: 1 }),
    );
    expect(update).toEqual({ ok: false, code: "NOT_FOUND", message: "Stage was not found." });
    const remove = await asUser(a.admin.id, () => removeStageAction(a.org.slug, { stageId: theirs.open[0]!.id }));
    expect(remove).toEqual({ ok: false, code: "NOT_FOUND", message: "Stage was not found." });
    const reorder = await asUser(a.admin.id, () => reorderStagesAction(a.org.slug, { stageIds: theirs.open.map((s) => s.id) }));
    expect(reorder).toMatchObject({ ok: false, code: "VALIDATION" });
    // A's admin is not a member of B at all.
    const direct = await asUser(a.admin.id, () => addStageAction(b.org.slug, { name: "Sneaky", probability: 5, staleAfterDays: 5 }));
    expect(direct).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await stagesIn(b.org.id)).toEqual(before);
    expect(
      await getDb()
        .select({ id: pipelineStages.id })
        .from(pipelineStages)
        .where(and(eq(pipelineStages.orgId, a.org.id), eq(pipelineStages.name, "Hijacked"))),
    ).toEqual([]);
  });
});
