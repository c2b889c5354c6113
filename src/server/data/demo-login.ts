import "server-only";

import { eq } from "drizzle-orm";

import { users } from "@/db/schema";
import { DEMO_ORGS, DEMO_PASSWORD } from "@/db/seed/demo-data";
import { normalizeEmail } from "@/lib/email";

import type { DbContext } from "./context";

export type DemoLogin = { email: string; password: string };

// Rendetalje's admin, who also belongs to the two other demo orgs: one login shows all of them.
const DEMO_EMAIL = normalizeEmail(DEMO_ORGS[0]!.people.admin.email);

/**
 * The login that the sign-in page offers to fill in, when this database holds the demo seed; null
 * otherwise. Decided by the data rather than by SEED_DEMO, which says nothing here: the demo is
 * seeded into an empty database only, and `npm start`'s web workers run with SEED_DEMO=off once
 * the primary has seeded it.
 */
export async function demoLoginHint({ db }: DbContext): Promise<DemoLogin | null> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, DEMO_EMAIL)).limit(1);
  return row ? { email: DEMO_EMAIL, password: DEMO_PASSWORD } : null;
}
