"use server";

import { changePasswordSchema, updateProfileSchema } from "@/lib/schemas/profile";
import { userAction } from "@/server/action-factory";
import { userContext } from "@/server/data/context";
import { changePassword, updateProfile } from "@/server/data/profile";

/** The signed-in user's own name and email (no org: userAction, whose session check is its own query). */
export const updateProfileAction = userAction({
  input: updateProfileSchema,
  handler: (actor, input) => updateProfile(userContext(actor), input),
});

/**
 * Changes the password and ends every session of the account, then signs this browser in again
 * with the new password so that it keeps working: its cookie is replaced by a token of the new
 * session version. (Not next-auth's unstable_update: its jwt "update" trigger also answers a
 * client's own POST to /api/auth/session, so a version taken from it could be forged.)
 */
export const changePasswordAction = userAction({
  input: changePasswordSchema,
  handler: async (actor, input) => {
    const { email } = await changePassword(userContext(actor), input);
    // Loaded here: next-auth needs Next's runtime, and the integration tests import this module.
    const [{ signIn }, { AuthError }] = await Promise.all([import("@/server/auth"), import("next-auth")]);
    try {
      await signIn("credentials", { email, password: input.newPassword, redirect: false });
      return { signedIn: true };
    } catch (err) {
      // Changed all the same (e.g. the sign-in throttle said no): the form sends the user to sign in.
      if (err instanceof AuthError) return { signedIn: false };
      throw err;
    }
  },
});
