import "server-only";

import { and, asc, eq, type SQL } from "drizzle-orm";
import { cache } from "react";

import { type Database, type DbOrTx, getDb } from "@/db/client";
import { memberships, organizations, users } from "@/db/schema";
import { can, type Permission, type Role } from "@/lib/permissions";

import type { Actor } from "./actor";
import { ForbiddenError, NotFoundError } from "./errors";

export type Org = typeof organizations.$inferSelect;

/**
 * Everything a data function needs: which org, who is acting, with which role, and the database —
 * or, inside `inTransaction`, the transaction (the one way a transaction travels to data functions).
 */
export type TenantContext = {
  db: DbOrTx;
  org: Org;
  orgId: string;
  userId: string;
  userName: string;
  userEmail: string;
  role: Role;
};

/**
 * The org comes from the URL slug checked against the actor's memberships in one query — never
 * from client input. A slug the actor is not a member of is indistinguishable from a missing one.
 */
export function resolveTenant(actor: Actor, orgSlug: string, db: Database = getDb()): Promise<TenantContext> {
  return tenantWhere(actor, eq(organizations.slug, orgSlug), db);
}

/**
 * The tenant of a known org id, for work outside a request (the import job): the org comes from
 * the job's own record, and the actor must still be a member of it (else not found).
 */
export function resolveTenantById(actor: Actor, orgId: string, db: Database = getDb()): Promise<TenantContext> {
  return tenantWhere(actor, eq(organizations.id, orgId), db);
}

/** The one membership query behind both: the org that matches `which`, if the actor is a member. */
async function tenantWhere(actor: Actor, which: SQL, db: Database): Promise<TenantContext> {
  const [row] = await db
    .select({ org: organizations, role: memberships.role, userName: users.name, userEmail: users.email })
    .from(organizations)
    .innerJoin(memberships, and(eq(memberships.orgId, organizations.id), eq(memberships.userId, actor.userId)))
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(which);
  if (!row) throw new NotFoundError("Organization");
  return { db, org: row.org, orgId: row.org.id, userId: actor.userId, userName: row.userName, userEmail: row.userEmail, role: row.role };
}

/** Request-scoped memo: layout, page and nested components resolve the tenant once. */
export const resolveTenantCached = cache((userId: string, orgSlug: string): Promise<TenantContext> => resolveTenant({ userId }, orgSlug));

export function requirePermission(ctx: TenantContext, permission: Permission): void {
  if (!can(ctx.role, permission)) throw new ForbiddenError();
}

export type OrgSummary = { slug: string; name: string; role: Role };

/** The org switcher's list. Not tenant-scoped by design: it lists the actor's own memberships. */
export async function listMyOrganizations(userId: string, db: Database = getDb()): Promise<OrgSummary[]> {
  return db
    .select({ slug: organizations.slug, name: organizations.name, role: memberships.role })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.orgId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(organizations.name));
}
