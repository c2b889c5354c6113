import "server-only";

import { eq, like, or } from "drizzle-orm";
import type { z } from "zod";

import { insertOrganization } from "@/db/create-organization";
import { memberships, organizations } from "@/db/schema";
import { firstFreeSlug, slugify } from "@/lib/organizations/slug";
import type { orgSettingsSchema } from "@/lib/schemas/organization";
import type { newOrganizationSchema } from "@/lib/schemas/setup";
import { constraintOf } from "@/server/errors";
import { requirePermission, type TenantContext } from "@/server/tenant";

import { recordAudit } from "./audit";
import { type DbContext, inTransaction } from "./context";

export type OrgSettings = z.output<typeof orgSettingsSchema>;
export type CreateOrganizationParams = z.output<typeof newOrganizationSchema>;
/** A signed-in user acting outside any org (there is no tenant yet when they create one). */
export type ActorDbContext = DbContext & { userId: string };

/**
 * The actor creates an organization (default pipeline and loss reasons included) and becomes its
 * admin, audited in the new org. Not tenant-scoped by nature: the org is the actor's own creation.
 * Joins the caller's transaction when there is one (the first-run setup creates its admin first).
 */
export async function createOrganization(ctx: ActorDbContext, params: CreateOrganizationParams) {
  return inTransaction(ctx, async (txCtx) => {
    const { name, currency, locale, timeZone } = params;
    const org = await insertWithFreeSlug(txCtx, { name, currency, locale, timeZone });
    await txCtx.db.insert(memberships).values({ orgId: org.id, userId: ctx.userId, role: "admin" });
    await recordAudit(
      { db: txCtx.db, orgId: org.id, userId: ctx.userId },
      { entity: "organization", entityId: org.id, action: "create", after: { ...settingsOf(org), admin: ctx.userId } },
    );
    return { id: org.id, slug: org.slug, name: org.name };
  });
}

/**
 * The first free slug from the name ("acme", "acme-2"…). Two people creating "Acme" at once may
 * pick the same one; the unique index refuses the second, which tries again in a savepoint with
 * the winner's slug now visible.
 */
async function insertWithFreeSlug(ctx: DbContext, values: CreateOrganizationParams) {
  const base = slugify(values.name);
  for (let attempt = 1; ; attempt++) {
    const taken = await ctx.db
      .select({ slug: organizations.slug })
      .from(organizations)
      .where(or(eq(organizations.slug, base), like(organizations.slug, `${base}-%`)));
    const slug = firstFreeSlug(
      base,
      taken.map((t) => t.slug),
    );
    try {
      return await inTransaction(ctx, (savepoint) => insertOrganization(savepoint.db, { ...values, slug }));
    } catch (err) {
      if (attempt >= 5 || constraintOf(err) !== "organizations_slug_key") throw err;
    }
  }
}

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
