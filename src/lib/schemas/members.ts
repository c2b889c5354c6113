import { z } from "zod";

import { emailSchema } from "@/lib/email";
import { ROLES } from "@/lib/permissions";

import { safeText } from "./primitives";

export const roleSchema = z.enum(ROLES, { error: "Choose a role" });

export const inviteMemberSchema = z.object({ email: emailSchema, role: roleSchema });
export const changeRoleSchema = z.object({ userId: z.uuid({ error: "Unknown member" }), role: roleSchema });
export const removeMemberSchema = z.object({
  userId: z.uuid({ error: "Unknown member" }),
  /** Who takes over their open deals and pending next steps; the server defaults to the admin removing them. */
  handoffTo: z.uuid({ error: "Choose who takes over" }).optional(),
});
export const revokeInvitationSchema = z.object({ invitationId: z.uuid({ error: "Unknown invitation" }) });

export const passwordSchema = safeText({
  required: "Enter a password",
  trim: false,
  min: [10, "Use at least 10 characters"],
  max: [200, "That password is too long"],
});

export const acceptInvitationSchema = z.object({
  token: safeText({ trim: false, min: [20, "That invitation link is incomplete"], max: [100, "That invitation link is broken"] }),
  name: safeText({ min: [2, "Enter your name"], max: [80, "Name is too long"] }),
  password: passwordSchema,
});

export const signInSchema = z.object({
  email: emailSchema,
  password: safeText({ trim: false, min: [1, "Enter your password"], max: [200, "That password is too long"] }),
});

/** Joining with an existing account: signed in already (no password), or signing in on the invite page. */
export const joinInvitationSchema = z.object({
  token: acceptInvitationSchema.shape.token,
  password: signInSchema.shape.password.optional(),
});
