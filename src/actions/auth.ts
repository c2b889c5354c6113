"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { z } from "zod";

import { fail } from "@/lib/result";
import { acceptInvitationSchema, signInSchema } from "@/lib/schemas/members";
import { publicAction, userAction } from "@/server/action-factory";
import { signIn, signOut } from "@/server/auth";
import { databaseContext } from "@/server/data/context";
import { unsafeAcceptInvitation } from "@/server/data/invitations";
import { THROTTLE } from "@/server/data/sign-in-throttle";

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
