import "server-only";

import { notFound, redirect } from "next/navigation";
import { cache } from "react";

import type { Permission } from "@/lib/permissions";
import { can } from "@/lib/permissions";

import { type Actor, currentActor, isExplicitActor, verifiedSession } from "./actor";
import { pageSession } from "./auth/page-session";
import { AppError } from "./errors";
import { listMyOrganizations, type OrgSummary, resolveTenantCached, type TenantContext } from "./tenant";

/**
 * For server components: signed out → /login; not a member (or no such org) → 404. A session that
 * was ended (signed out elsewhere, password changed) is refused by the tenant query → /login too.
 */
export const getPageTenant = cache(async (orgSlug: string, permission?: Permission): Promise<TenantContext> => {
  const actor = await pageActor();
  if (!actor) redirect("/login");
  try {
    const ctx = await resolveTenantCached(actor.userId, actor.sessionVersion, orgSlug);
    if (permission && !can(ctx.role, permission)) notFound();
    return ctx;
  } catch (err) {
    if (err instanceof AppError && err.code === "NOT_FOUND") notFound();
    if (err instanceof AppError && err.code === "UNAUTHENTICATED") redirect("/login");
    throw err;
  }
});

/** The signed-in user's orgs, for pages outside an org (the org picker); its query checks the session as the tenant query does. */
export const getPageOrganizations = cache(async (): Promise<OrgSummary[]> => {
  const actor = await pageActor();
  if (!actor) redirect("/login");
  try {
    return await listMyOrganizations(actor);
  } catch (err) {
    if (err instanceof AppError && err.code === "UNAUTHENTICATED") redirect("/login");
    throw err;
  }
});

/** For a page that resolves neither a tenant nor the org list: the session is checked by a query of its own. */
export const getPageActor = cache(async (): Promise<Actor> => {
  const actor = await verifiedSession(await pageActor());
  if (!actor) redirect("/login");
  return actor;
});

/** Pages read the session cookie directly (auth/page-session.ts); runAs (tests, scripts) still wins. */
async function pageActor(): Promise<Actor | null> {
  if (isExplicitActor()) return currentActor();
  return pageSession();
}
