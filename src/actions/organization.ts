"use server";

import { orgSettingsSchema } from "@/lib/schemas/organization";
import { orgAction } from "@/server/action-factory";
import { updateOrganizationSettings } from "@/server/data/organizations";

export const updateOrgSettingsAction = orgAction({
  permission: "org.settings.update",
  input: orgSettingsSchema,
  handler: async (ctx, input) => {
    const org = await updateOrganizationSettings(ctx, input);
    return { name: org.name };
  },
  revalidate: ["/"],
});
