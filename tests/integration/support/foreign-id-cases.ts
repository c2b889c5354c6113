import fs from "node:fs";
import path from "node:path";

import * as dealActions from "../../../src/actions/deals";
import * as importActions from "../../../src/actions/imports";
import * as memberActions from "../../../src/actions/members";
import * as nextStepActions from "../../../src/actions/next-steps";
import * as organizationActions from "../../../src/actions/organization";
import * as pipelineActions from "../../../src/actions/pipeline";
import { getSql } from "../../../src/db/client";
import type { ActionResult } from "../../../src/lib/result";
import { closeDeal } from "../../../src/server/data/deal-transitions";
import { createDeal, getPendingNextStep } from "../../../src/server/data/deals";
import { listLossReasons, listStages } from "../../../src/server/data/stages";
import { ctxFor, twoOrgs } from "./fixtures";
import { uploadAs } from "./import-fixtures";
import { pendingInvitationIn } from "./org-action-cases";

type AnyAction = (orgSlug: string, input: unknown) => Promise<ActionResult<unknown>>;

/**
 * The name of every export of every src/actions module, read from the sources so that a new module
 * is covered too (the registry's completeness guard compares against it). auth.ts is not imported:
 * next-auth needs Next's runtime, and its actions name no org record.
 */
const ACTIONS_DIR = path.resolve(import.meta.dirname, "../../../src/actions");
export const SERVER_ACTION_NAMES = fs
  .readdirSync(ACTIONS_DIR)
  .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
  .flatMap((f) =>
    [...fs.readFileSync(path.join(ACTIONS_DIR, f), "utf8").matchAll(/^export (?:const|async function) (\w+)/gm)].map((m) => m[1]!),
  )
  .sort();

/** The callable org actions, by name. */
export const SERVER_ACTIONS = {
  ...dealActions,
  ...importActions,
  ...memberActions,
  ...nextStepActions,
  ...organizationActions,
  ...pipelineActions,
} as unknown as Record<string, AnyAction>;

const inDays = (d: number) => new Date(Date.now() + d * 86_400_000);
const CSV = "Client;Montant\nAlpha;100\n";

/**
 * Two orgs where org A's admin has records of their own to aim at (an open deal, a won one, an
 * import draft) and org B has one of everything an id can name. The cases call A's actions under
 * A's own slug on A's own records, with B's ids inside the body.
 */
export async function foreignWorld() {
  const { a, b } = await twoOrgs();
  const ctxA = await ctxFor(a.admin.id, a.org.slug);
  const ctxB = await ctxFor(b.admin.id, b.org.slug);
  const [aStages, bStages] = [await listStages(ctxA), await listStages(ctxB)];
  const [bReason] = await listLossReasons(ctxB);
  const deal = async (ctx: typeof ctxA, stageId: string, title: string) =>
    createDeal(ctx, {
      title,
      contactName: "Fjord Foods A/S",
      value: 100_000,
      stageId,
      firstAction: { type: "call", dueAt: inDays(2), details: "Call them" },
    });
  const aOpen = aStages.filter((s) => s.kind === "open");
  const aDeal = await deal(ctxA, aOpen[0]!.id, "A's open deal");
  const aWon = await deal(ctxA, aOpen[0]!.id, "A's won deal");
  await closeDeal(ctxA, { dealId: aWon.dealId, outcome: "won" });
  const bDeal = await deal(ctxB, bStages.find((s) => s.kind === "open")!.id, "B's deal");
  return {
    a,
    b,
    aDeal: { ...aDeal, actionId: (await getPendingNextStep(ctxA, { dealId: aDeal.dealId }))!.id },
    aWonDealId: aWon.dealId,
    aOpenStageIds: aOpen.map((s) => s.id),
    aLostStageId: aStages.find((s) => s.kind === "lost")!.id,
    aImportId: await uploadAs(a.admin.id, a.org.slug, CSV),
    bDeal: { ...bDeal, actionId: (await getPendingNextStep(ctxB, { dealId: bDeal.dealId }))!.id },
    bOpenStageId: bStages.find((s) => s.kind === "open")!.id,
    bLostStageId: bStages.find((s) => s.kind === "lost")!.id,
    bReasonId: bReason!.id,
    bImportId: await uploadAs(b.admin.id, b.org.slug, CSV),
    bInvitationId: await pendingInvitationIn(b),
  };
}
export type ForeignWorld = Awaited<ReturnType<typeof foreignWorld>>;

const nextStep = (ownerId?: string) => ({ type: "email", dueAt: inDays(1).toISOString(), details: "Send the quote", ownerId });
const importOptions = { mapping: ["contact", "value"], mode: "create", unknownOwner: "error" };
const firstAction = { type: "task", details: "Qualify", due: "tomorrow-9" };

/**
 * One row per exported server action: calls made by org A's admin under A's own slug, each carrying
 * one of org B's ids in its body. Actions whose body names no id of an org say why instead.
 */
export const FOREIGN_ID_CASES: Record<string, { none: string } | { calls: (w: ForeignWorld) => Record<string, unknown> }> = {
  signInAction: { none: "public: an email and a password, no org" },
  signOutAction: { none: "takes an empty object" },
  joinInvitationAction: {
    none: "public: the invitation's token names its own org; the account must be the invited one (invitations.test.ts)",
  },
  acceptInvitationAction: { none: "public: the invitation's token names its own org (invitations.test.ts)" },
  completeSetupAction: { none: "public: the first run has no org yet; its token is the credential (setup.test.ts)" },
  createOrganizationAction: { none: "names no org: the new org is the actor's own creation (create-organization.test.ts)" },
  updateProfileAction: { none: "the signed-in user's own account, outside any org: a name and an email (profile.test.ts)" },
  changePasswordAction: { none: "the signed-in user's own account, outside any org: two passwords (profile.test.ts)" },
  resetPasswordAction: { none: "public: the reset link's token names its own account (password-resets.test.ts)" },
  issuePasswordResetAction: { calls: (w) => ({ "B's rep": { userId: w.b.rep.id } }) },
  createDealAction: {
    calls: (w) => {
      const base = { title: "New", contactName: "Acme", value: "100", stageId: w.aOpenStageIds[0], firstAction: nextStep() };
      return {
        "B's stage": { ...base, stageId: w.bOpenStageId },
        "B's rep as owner": { ...base, ownerId: w.b.rep.id },
        "B's rep as the first step's owner": { ...base, firstAction: nextStep(w.b.rep.id) },
      };
    },
  },
  updateDealAction: { calls: (w) => ({ "B's rep as owner": { dealId: w.aDeal.dealId, patch: { ownerId: w.b.rep.id } } }) },
  moveDealAction: {
    calls: (w) => ({
      "B's stage": { dealId: w.aDeal.dealId, stageId: w.bOpenStageId },
      "B's lost stage": { dealId: w.aDeal.dealId, stageId: w.bLostStageId, lossReasonId: w.bReasonId },
      "A's lost stage with B's reason": { dealId: w.aDeal.dealId, stageId: w.aLostStageId, lossReasonId: w.bReasonId },
    }),
  },
  closeDealAction: {
    calls: (w) => ({ "B's loss reason": { dealId: w.aDeal.dealId, outcome: "lost", lossReasonId: w.bReasonId } }),
  },
  reopenDealAction: {
    calls: (w) => ({
      "B's stage": { dealId: w.aWonDealId, stageId: w.bOpenStageId, nextAction: nextStep() },
      "B's rep as the next step's owner": { dealId: w.aWonDealId, stageId: w.aOpenStageIds[0], nextAction: nextStep(w.b.rep.id) },
    }),
  },
  deleteDealAction: { calls: (w) => ({ "B's deal": { dealId: w.bDeal.dealId } }) },
  restoreDealAction: { calls: (w) => ({ "B's deal": { dealId: w.bDeal.dealId } }) },
  completeNextStepAction: {
    calls: (w) => ({
      "B's next step": { actionId: w.bDeal.actionId, outcome: "Done", followUp: { then: "won" } },
      "B's rep as the next step's owner": {
        actionId: w.aDeal.actionId,
        outcome: "Done",
        followUp: { then: "next", next: nextStep(w.b.rep.id) },
      },
      "B's loss reason": { actionId: w.aDeal.actionId, outcome: "Lost", followUp: { then: "lost", lossReasonId: w.bReasonId } },
    }),
  },
  snoozeNextStepAction: {
    calls: (w) => ({ "B's next step": { actionId: w.bDeal.actionId, dueAt: inDays(3).toISOString(), reason: "Later" } }),
  },
  uploadImportAction: { none: "a file only; the draft it creates belongs to the org of the URL" },
  validateImportAction: {
    calls: (w) => ({
      "B's import": { importId: w.bImportId, ...importOptions, firstAction },
      "B's stage in the value mapping": {
        importId: w.aImportId,
        ...importOptions,
        stageValues: [{ value: "Alpha", stageId: w.bOpenStageId }],
        firstAction,
      },
    }),
  },
  startImportAction: {
    calls: (w) => ({
      "B's import": { importId: w.bImportId, ...importOptions, firstAction, skipInvalid: true },
      "B's stage in the value mapping": {
        importId: w.aImportId,
        ...importOptions,
        stageValues: [{ value: "Alpha", stageId: w.bOpenStageId }],
        firstAction,
        skipInvalid: true,
      },
    }),
  },
  revertImportAction: { calls: (w) => ({ "B's import": { importId: w.bImportId } }) },
  discardImportAction: { calls: (w) => ({ "B's import": { importId: w.bImportId } }) },
  inviteMemberAction: { none: "an email and a role (inviting B's people is covered in members.test.ts)" },
  changeMemberRoleAction: { calls: (w) => ({ "B's rep": { userId: w.b.rep.id, role: "admin" } }) },
  removeMemberAction: {
    calls: (w) => ({
      "B's rep": { userId: w.b.rep.id },
      "A's rep handed to B's rep": { userId: w.a.rep.id, handoffTo: w.b.rep.id },
    }),
  },
  revokeInvitationAction: { calls: (w) => ({ "B's invitation": { invitationId: w.bInvitationId } }) },
  updateOrgSettingsAction: { none: "the org is the URL's; a smuggled id or slug is stripped (org-settings.test.ts)" },
  updateStageAction: { calls: (w) => ({ "B's stage": { stageId: w.bOpenStageId, name: "Taken", probability: 5, staleAfterDays: 9 } }) },
  addStageAction: { none: "a name, a probability and a staleness; the stage is added to the org of the URL" },
  reorderStagesAction: {
    calls: (w) => ({ "one of A's stages swapped for B's": { stageIds: [...w.aOpenStageIds.slice(1), w.bOpenStageId] } }),
  },
  removeStageAction: { calls: (w) => ({ "B's stage": { stageId: w.bOpenStageId } }) },
};

/** Every row either org could have changed, straight from the database (audit rows counted). */
export async function snapshotBothOrgs(w: ForeignWorld) {
  const sql = getSql();
  const orgs = [w.a.org.id, w.b.org.id];
  return {
    orgs: await sql`select * from organizations where id in ${sql(orgs)} order by id`,
    deals: await sql`select * from deals where org_id in ${sql(orgs)} order by id`,
    actions: await sql`select * from actions where org_id in ${sql(orgs)} order by id`,
    stages: await sql`select * from pipeline_stages where org_id in ${sql(orgs)} order by id`,
    members: await sql`select * from memberships where org_id in ${sql(orgs)} order by org_id, user_id`,
    invitations: await sql`select * from invitations where org_id in ${sql(orgs)} order by id`,
    imports: await sql`select * from imports where org_id in ${sql(orgs)} order by id`,
    passwordResets: await sql`select * from password_resets where org_id in ${sql(orgs)} order by token_hash`,
    audit: await sql`select org_id, count(*)::int as n from audit_log where org_id in ${sql(orgs)} group by org_id order by org_id`,
  };
}
