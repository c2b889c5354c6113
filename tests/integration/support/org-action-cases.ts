import * as memberActions from "../../../src/actions/members";
import * as organizationActions from "../../../src/actions/organization";
import type { createOrgWithTeam } from "../../../src/db/seed/factories";
import type { ActionResult } from "../../../src/lib/result";
import { inviteMember } from "../../../src/server/data/members";
import { ctxFor } from "./fixtures";
import { newEmail, validSettings } from "./org-state";

export type Team = Awaited<ReturnType<typeof createOrgWithTeam>>;
export type OrgAction = (orgSlug: string, input: unknown) => Promise<ActionResult<unknown>>;

/** Every export of the org-scoped action modules, by name. */
export const ORG_ACTIONS = { ...memberActions, ...organizationActions } as unknown as Record<string, OrgAction>;

/**
 * One row per org action: a valid input against a given team (preparing whatever it targets, as
 * that org's admin). Tests iterate over ORG_ACTIONS and fail if an action has no row here, so a
 * new action cannot ship without its permission and isolation tests.
 */
export const ORG_ACTION_CASES: Record<string, { adminOnly: boolean; input: (team: Team) => Promise<unknown> }> = {
  inviteMemberAction: { adminOnly: true, input: async () => ({ email: newEmail(), role: "rep" }) },
  changeMemberRoleAction: { adminOnly: true, input: async (t) => ({ userId: t.rep2.id, role: "manager" }) },
  removeMemberAction: { adminOnly: true, input: async (t) => ({ userId: t.rep2.id }) },
  revokeInvitationAction: { adminOnly: true, input: async (t) => ({ invitationId: await pendingInvitationIn(t) }) },
  updateOrgSettingsAction: { adminOnly: true, input: async () => validSettings() },
  issuePasswordResetAction: { adminOnly: true, input: async (t) => ({ userId: t.rep2.id }) },
};

export async function pendingInvitationIn(team: Team): Promise<string> {
  const outcome = await inviteMember(await ctxFor(team.admin.id, team.org.slug), { email: newEmail(), role: "rep" });
  if (outcome.kind !== "invited") throw new Error("expected an invitation");
  return outcome.invitationId;
}
