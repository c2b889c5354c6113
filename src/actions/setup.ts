"use server";

import { setupSchema } from "@/lib/schemas/setup";
import { publicAction } from "@/server/action-factory";
import { signIn } from "@/server/auth";
import { databaseContext } from "@/server/data/context";
import { unsafeCompleteSetup } from "@/server/data/setup";

/** The first-run setup page's submit: the token in its body is the credential (data/setup.ts). */
export const completeSetupAction = publicAction({
  input: setupSchema,
  handler: async (input) => {
    const { orgSlug, email } = await unsafeCompleteSetup(databaseContext(), input);
    await signIn("credentials", { email, password: input.admin.password, redirect: false });
    return { redirectTo: `/${orgSlug}/today` };
  },
});
