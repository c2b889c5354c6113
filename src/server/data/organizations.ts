import "server-only";

import { eq } from "drizzle-orm";
import type { z } from "zod";

import { organizations } from "@/db/schema";
import type { orgSettingsSchema } from "@/lib/schemas/organization";
import { requirePermission, type TenantContext } from "@/server/tenant";

import { recordAudit } from "./audit";
import { inTransaction } from "./context";

export type OrgSettings = z.output<typeof orgSettingsSchema>;

export function getOrganizationSettings(ctx: TenantContext) {
  return settingsOf(ctx.org);
}

/** The settings as the form shows them (tax rate in percent); also the audit log's before/after. */
function settingsOf(org: TenantContext["org"]) {
  const { name, slug, currency, locale, timeZone, defaultTaxRateBp, saleNumberPrefix } = org;
  return { name, slug, currency, locale, timeZone, defaultTaxRate: defaultTaxRateBp / 100, saleNumberPrefix };
}

export async function updateOrganizationSettings(ctx: TenantContext, input: OrgSettings) {
  requirePermission(ctx, "org.settings.update");
  return inTransaction(ctx, async (txCtx) => {
    const tx = txCtx.db;
    // The before image is read under the row lock, so concurrent edits each log what they replaced.
    const [before] = await tx.select().from(organizations).where(eq(organizations.id, ctx.orgId)).for("update");
    const [updated] = await tx
      .update(organizations)
      .set({
        name: input.name,
        currency: input.currency,
        locale: input.locale,
        timeZone: input.timeZone,
        defaultTaxRateBp: input.defaultTaxRate,
        saleNumberPrefix: input.saleNumberPrefix,
      })
      .where(eq(organizations.id, ctx.orgId))
      .returning();
    // Both images in the same shape and units (input.defaultTaxRate is already basis points).
    await recordAudit(txCtx, {
      entity: "organization",
      entityId: ctx.orgId,
      action: "update",
      before: settingsOf(before!),
      after: settingsOf(updated!),
    });
    return updated!;
  });
}
