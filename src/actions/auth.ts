"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { z } from "zod";

import { fail } from "@/lib/result";
import { acceptInvitationSchema, joinInvitationSchema, signInSchema } from "@/lib/schemas/members";
import { publicAction, userAction } from "@/server/action-factory";
import { currentActor } from "@/server/actor";
import { signIn, signOut } from "@/server/auth";
import { databaseContext } from "@/server/data/context";
import { unsafeAcceptInvitation, unsafeFindInvitation, unsafeJoinInvitation } from "@/server/data/invitations";
import { THROTTLE } from "@/server/data/sign-in-throttle";
import { NotFoundError } from "@/server/errors";

export const signInAction = publicAction({
  input: signInSchema,
  handler: async ({ email, password }) => {
    try {
      await signIn("credentials", { email, password, redirect: false });
      return { redirectTo: "/" };
    } catch (err) {
      if (err instanceof CredentialsSignin && err.code === "rate_limited") {
        return fail("RATE_LIMITED", `Too many failed attempts. Wait ${THROTTLE.windowMinutes} minutes and try again.`);
      }
      if (err instanceof AuthError) return fail("VALIDATION", "Wrong email or password.");
      throw err;
    }
  },
});

export const signOutAction = userAction({
  input: z.object({}),
  handler: async () => {
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
      const actor = await currentActor();
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
