import "server-only";

import { and, eq } from "drizzle-orm";

import { memberships, organizations, users } from "@/db/schema";
import { DEMO_ORGS, DEMO_PASSWORD } from "@/db/seed/demo-data";
import { normalizeEmail } from "@/lib/email";
import { verifyPassword } from "@/server/auth/password";

import type { DbContext } from "./context";

export type DemoLogin = { email: string; password: string };

// Rendetalje's admin, who also belongs to the two other demo orgs: one login shows all of them.
const DEMO_ORG = DEMO_ORGS[0]!;
const DEMO_EMAIL = normalizeEmail(DEMO_ORG.people.admin.email);

// Whether a stored hash is the demo password's, per hash: bcrypt costs ~0.1 s, and the hash only
// changes when the password does, so each process checks each hash once.
const demoPasswordChecks = new Map<string, Promise<boolean>>();

/**
 * The login that the sign-in page offers to fill in, when this database holds the demo and the
 * hint would work: the demo's account, admin of the demo's first org, still with the demo
 * password. Null on an install set up through the setup page, and once the demo account's
 * password was changed. Decided by the data rather than by SEED_DEMO, which says nothing here: the
 * demo is seeded into an empty database only, and `npm start`'s web workers run with SEED_DEMO=off
 * once the primary has seeded it.
 */
export async function demoLoginHint({ db }: DbContext): Promise<DemoLogin | null> {
  const [row] = await db
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.role, "admin")))
    .innerJoin(organizations, and(eq(organizations.id, memberships.orgId), eq(organizations.slug, DEMO_ORG.slug)))
    .where(eq(users.email, DEMO_EMAIL))
    .limit(1);
  if (!row || !(await isDemoPassword(row.passwordHash))) return null;
  return { email: DEMO_EMAIL, password: DEMO_PASSWORD };
}

function isDemoPassword(hash: string): Promise<boolean> {
  let check = demoPasswordChecks.get(hash);
  if (!check) {
    check = verifyPassword(DEMO_PASSWORD, hash);
    // A hash that is replaced never comes back; a handful of entries at most per process.
    if (demoPasswordChecks.size > 16) demoPasswordChecks.clear();
    demoPasswordChecks.set(hash, check);
  }
  return check;
}
