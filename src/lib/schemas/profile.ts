import { z } from "zod";

import { emailSchema } from "@/lib/email";

import { acceptInvitationSchema, passwordSchema, signInSchema } from "./members";
import { safeText } from "./primitives";

/** The profile's name and email; the same rules as when the account was created. */
export const updateProfileSchema = z.object({ name: acceptInvitationSchema.shape.name, email: emailSchema });

/** A new password follows the invite page's rules; the current one is only checked, never stored. */
export const changePasswordSchema = z
  .object({ currentPassword: signInSchema.shape.password, newPassword: passwordSchema })
  .refine((input) => input.currentPassword !== input.newPassword, {
    path: ["newPassword"],
    message: "Choose a password different from the current one",
  });

/** An admin issues a one-time link to set a member's password. */
export const issuePasswordResetSchema = z.object({ userId: z.uuid({ error: "Unknown member" }) });

/** Setting a password through that link: the invite page's rules. */
export const resetPasswordSchema = z.object({
  token: safeText({ trim: false, min: [20, "That reset link is incomplete"], max: [100, "That reset link is broken"] }),
  password: passwordSchema,
});
