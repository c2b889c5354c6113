import { getDb } from "../../../src/db/client";
import { createOrgWithTeam } from "../../../src/db/seed/factories";
import { runAs } from "../../../src/server/actor";
import { constraintOf } from "../../../src/server/errors";
import { resolveTenant, type TenantContext } from "../../../src/server/tenant";

/** Two orgs with a full team each: the usual start of an isolation test. */
export async function twoOrgs() {
  const db = getDb();
  const a = await createOrgWithTeam(db);
  const b = await createOrgWithTeam(db);
  return { a, b };
}

export function ctxFor(userId: string, orgSlug: string): Promise<TenantContext> {
  return resolveTenant({ userId }, orgSlug, getDb());
}

/** Calls a server action exactly as a signed-in user would, minus the HTTP session cookie. */
export function asUser<T>(userId: string, fn: () => Promise<T>): Promise<T> {
  return runAs({ userId }, fn);
}

/** Awaits a database operation that must fail, and returns the constraint it violated. */
export async function violatedConstraint(operation: Promise<unknown>): Promise<string | undefined> {
  try {
    await operation;
  } catch (err) {
    return constraintOf(err);
  }
  throw new Error("expected the database to refuse the operation, but it succeeded");
}
