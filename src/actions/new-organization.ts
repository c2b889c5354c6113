"use server";

import { newOrganizationSchema } from "@/lib/schemas/setup";
import { userAction } from "@/server/action-factory";
import { databaseContext } from "@/server/data/context";
import { createOrganization } from "@/server/data/organizations";

/** Any signed-in user may start an organization of their own, and becomes its admin. */
export const createOrganizationAction = userAction({
  input: newOrganizationSchema,
  handler: async (actor, input) => {
    const org = await createOrganization({ ...databaseContext(), userId: actor.userId }, input);
    return { slug: org.slug, name: org.name };
  },
});
