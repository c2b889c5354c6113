"use server";

import { AuthError } from "next-auth";
import { z } from "zod";

import { fail } from "@/lib/result";
import { acceptInvitationSchema, joinInvitationSchema, signInSchema } from "@/lib/schemas/members";
import { resetPasswordSchema } from "@/lib/schemas/profile";
import { publicAction } from "@/server/action-factory";
import { currentVerifiedActor } from "@/server/actor";
import { retryAfterOf, signIn, signOut } from "@/server/auth";
import { databaseContext } from "@/server/data/context";
import { unsafeAcceptInvitation, unsafeFindInvitation, unsafeJoinInvitation } from "@/server/data/invitations";
import { unsafeResetPassword } from "@/server/data/password-resets";
import { unsafeEndSessions } from "@/server/data/sessions";
import { NotFoundError } from "@/server/errors";

export const signInAction = publicAction({
  input: signInSchema,
  handler: async ({ email, password }) => {
    try {
      await signIn("credentials", { email, password, redirect: false });
      return { redirectTo: "/" };
    } catch (err) {
      const wait = retryAfterOf(err);
      if (wait !== null) return fail("RATE_LIMITED", `Too many attempts. Try again in ${wait} ${wait === 1 ? "second" : "seconds"}.`);
      if (err instanceof AuthError) return fail("VALIDATION", "Wrong email or password.");
      throw err;
    }
  },
});

/**
 * Ends the account's sessions everywhere (a copied cookie included: tokens carry the session
 * version this bumps), then clears this browser's cookie. Also the profile's "Sign out everywhere".
 * Public so that a session ended already still gets its cookie cleared; only a current one bumps
 * (an old copy of a cookie must not be able to end the sessions that replaced it).
 */
export const signOutAction = publicAction({
  input: z.object({}),
  handler: async () => {
    const actor = await currentVerifiedActor();
    if (actor) await unsafeEndSessions(databaseContext(), { userId: actor.userId });
    await signOut({ redirect: false });
    return { redirectTo: "/login" };
  },
});

export const acceptInvitationAction = publicAction({
  input: acceptInvitationSchema,
  handler: async (input) => {
    const { email, orgSlug } = await unsafeAcceptInvitation(databaseContext(), input);
    await signIn("credentials", { email, password: input.password, redirect: false });
    return { redirectTo: `/${orgSlug}` };
  },
});

/** Joins with an existing account: the one signed in, or the invited email's, signed in here with its password. */
export const joinInvitationAction = publicAction({
  input: joinInvitationSchema,
  handler: async ({ token, password }) => {
    const db = databaseContext();
    if (password === undefined) {
      const actor = await currentVerifiedActor();
      if (!actor) return fail("UNAUTHENTICATED", "Sign in to accept the invitation.");
      const { orgSlug } = await unsafeJoinInvitation(db, { token, userId: actor.userId });
      return { redirectTo: `/${orgSlug}` };
    }
    const invitation = await unsafeFindInvitation(db, { token });
    if (!invitation) throw new NotFoundError("This invitation");
    // The sign-in action itself: the same throttle and the same answers as the sign-in page.
    const signedIn = await signInAction({ email: invitation.email, password });
    if (!signedIn.ok) return signedIn;
    const { orgSlug } = await unsafeJoinInvitation(db, { token });
    return { redirectTo: `/${orgSlug}` };
  },
});

/** Sets a password through an admin's one-time link (which ends every session of the account), then signs in with it. */
export const resetPasswordAction = publicAction({
  input: resetPasswordSchema,
  handler: async ({ token, password }) => {
    const { email } = await unsafeResetPassword(databaseContext(), { token, password });
    // The sign-in action itself: its throttle and its answers (the password is set either way).
    const signedIn = await signInAction({ email, password });
    return signedIn.ok ? { redirectTo: "/" } : { redirectTo: "/login" };
  },
});
