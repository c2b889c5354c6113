import "server-only";

import { and, asc, eq, type SQL } from "drizzle-orm";
import { cache } from "react";

import { type Database, type DbOrTx, getDb } from "@/db/client";
import { memberships, organizations, users } from "@/db/schema";
import { can, type Permission, type Role } from "@/lib/permissions";

import type { Actor } from "./actor";
import { ForbiddenError, NotFoundError, UnauthenticatedError } from "./errors";

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

/**
 * The one membership query behind both: the org that matches `which`, if the actor is a member.
 * It starts from the user's row so that the same query also checks the session's version: a token
 * issued before a sign-out, a password change or the removal from the last org is refused here,
 * with no query of its own per request.
 */
async function tenantWhere(actor: Actor, which: SQL, db: Database): Promise<TenantContext> {
  const [row] = await db
    .select({
      org: organizations,
      role: memberships.role,
      userName: users.name,
      userEmail: users.email,
      sessionVersion: users.sessionVersion,
    })
    .from(users)
    .leftJoin(organizations, which)
    .leftJoin(memberships, and(eq(memberships.orgId, organizations.id), eq(memberships.userId, users.id)))
    .where(eq(users.id, actor.userId));
  assertSessionCurrent(actor, row?.sessionVersion);
  if (!row?.org || !row.role) throw new NotFoundError("Organization");
  return { db, org: row.org, orgId: row.org.id, userId: actor.userId, userName: row.userName, userEmail: row.userEmail, role: row.role };
}

/**
 * A session actor whose token is older than the user's session version (or whose user is gone) is
 * treated as signed out. Actors that are not a session (jobs, scripts) carry no version.
 */
function assertSessionCurrent(actor: Actor, current: number | undefined): void {
  if (actor.sessionVersion === undefined || actor.sessionVersion === current) return;
  // One line: anyone holding an old copy of a cookie can send it as often as they like.
  console.warn(`[auth] session refused: version ${actor.sessionVersion} of user ${actor.userId} was ended`);
  throw new UnauthenticatedError();
}

/** Request-scoped memo: layout, page and nested components resolve the tenant once. */
export const resolveTenantCached = cache((userId: string, sessionVersion: number | undefined, orgSlug: string): Promise<TenantContext> =>
  resolveTenant({ userId, sessionVersion }, orgSlug),
);

export function requirePermission(ctx: TenantContext, permission: Permission): void {
  if (!can(ctx.role, permission)) throw new ForbiddenError();
}

export type OrgSummary = { slug: string; name: string; role: Role };

/**
 * The org switcher's list. Not tenant-scoped by design: it lists the actor's own memberships. It
 * starts from the user's row, so it checks the session's version as the tenant query does (the
 * org picker at "/" runs no tenant query); an actor without orgs gets one row with no org.
 */
export async function listMyOrganizations(actor: Actor, db: Database = getDb()): Promise<OrgSummary[]> {
  const rows = await db
    .select({ slug: organizations.slug, name: organizations.name, role: memberships.role, sessionVersion: users.sessionVersion })
    .from(users)
    .leftJoin(memberships, eq(memberships.userId, users.id))
    .leftJoin(organizations, eq(organizations.id, memberships.orgId))
    .where(eq(users.id, actor.userId))
    .orderBy(asc(organizations.name));
  assertSessionCurrent(actor, rows[0]?.sessionVersion);
  return rows.flatMap(({ slug, name, role }) => (slug !== null && name !== null && role !== null ? [{ slug, name, role }] : []));
}
