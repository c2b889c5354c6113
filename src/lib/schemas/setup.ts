import { z } from "zod";

import { emailSchema } from "@/lib/email";

import { acceptInvitationSchema, passwordSchema } from "./members";
import { orgSettingsSchema } from "./organization";
import { safeText } from "./primitives";

/**
 * A new organization: the settings form's own fields and rules (name, currency, locale, time
 * zone); tax rate and sale-number prefix start at their defaults and are set in the settings.
 */
export const newOrganizationSchema = orgSettingsSchema.pick({ name: true, currency: true, locale: true, timeZone: true });
export type NewOrganizationInput = z.input<typeof newOrganizationSchema>;

/** The first-run setup page: the organization, and its first admin with the invite page's rules. */
export const setupSchema = newOrganizationSchema.extend({
  // The link's token: 32 random bytes as base64url (43 characters).
  token: safeText({ trim: false, min: [20, "That setup link is incomplete"], max: [100, "That setup link is broken"] }),
  admin: z.object({
    name: acceptInvitationSchema.shape.name,
    email: emailSchema,
    password: passwordSchema,
  }),
});
export type SetupInput = z.input<typeof setupSchema>;
