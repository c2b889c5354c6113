import { z } from "zod";

import { emailSchema } from "@/lib/email";

import { acceptInvitationSchema, passwordSchema, signInSchema } from "./members";

/** The profile's name and email; the same rules as when the account was created. */
export const updateProfileSchema = z.object({ name: acceptInvitationSchema.shape.name, email: emailSchema });

/** A new password follows the invite page's rules; the current one is only checked, never stored. */
export const changePasswordSchema = z
  .object({ currentPassword: signInSchema.shape.password, newPassword: passwordSchema })
  .refine((input) => input.currentPassword !== input.newPassword, {
    path: ["newPassword"],
    message: "Choose a password different from the current one",
  });
