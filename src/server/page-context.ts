import "server-only";

import { notFound, redirect } from "next/navigation";
import { cache } from "react";

import type { Permission } from "@/lib/permissions";
import { can } from "@/lib/permissions";

import { type Actor, currentActor, isExplicitActor } from "./actor";
import { pageSessionUserId } from "./auth/page-session";
import { AppError } from "./errors";
import { resolveTenantCached, type TenantContext } from "./tenant";

/** For server components: signed out → /login; not a member (or no such org) → 404. */
export const getPageTenant = cache(async (orgSlug: string, permission?: Permission): Promise<TenantContext> => {
  const actor = await pageActor();
  if (!actor) redirect("/login");
  try {
    const ctx = await resolveTenantCached(actor.userId, orgSlug);
    if (permission && !can(ctx.role, permission)) notFound();
    return ctx;
  } catch (err) {
    if (err instanceof AppError && err.code === "NOT_FOUND") notFound();
    throw err;
  }
});

export const getPageActor = cache(async () => {
  const actor = await pageActor();
  if (!actor) redirect("/login");
  return actor;
});

/** Pages read the session cookie directly (auth/page-session.ts); runAs (tests, scripts) still wins. */
async function pageActor(): Promise<Actor | null> {
  if (isExplicitActor()) return currentActor();
  const userId = await pageSessionUserId();
  return userId ? { userId } : null;
}
