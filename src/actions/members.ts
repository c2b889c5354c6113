"use server";

import { changeRoleSchema, inviteMemberSchema, removeMemberSchema, revokeInvitationSchema } from "@/lib/schemas/members";
import { issuePasswordResetSchema } from "@/lib/schemas/profile";
import { orgAction } from "@/server/action-factory";
import { changeMemberRole, inviteMember, removeMember, revokeInvitation } from "@/server/data/members";
import { issuePasswordReset } from "@/server/data/password-resets";

const MEMBERS_PAGE = ["/settings/members"];

export const inviteMemberAction = orgAction({
  permission: "members.manage",
  input: inviteMemberSchema,
  handler: (ctx, input) => inviteMember(ctx, input),
  revalidate: MEMBERS_PAGE,
});

export const changeMemberRoleAction = orgAction({
  permission: "members.manage",
  input: changeRoleSchema,
  handler: (ctx, input) => changeMemberRole(ctx, input),
  revalidate: MEMBERS_PAGE,
});

export const removeMemberAction = orgAction({
  permission: "members.manage",
  input: removeMemberSchema,
  handler: (ctx, input) => removeMember(ctx, input),
  revalidate: MEMBERS_PAGE,
});

export const revokeInvitationAction = orgAction({
  permission: "members.manage",
  input: revokeInvitationSchema,
  handler: (ctx, input) => revokeInvitation(ctx, input),
  revalidate: MEMBERS_PAGE,
});

/** A one-time link to set a member's password, shown to the admin (no revalidate: the page does not change). */
export const issuePasswordResetAction = orgAction({
  permission: "members.manage",
  input: issuePasswordResetSchema,
  handler: (ctx, input) => issuePasswordReset(ctx, input),
});
