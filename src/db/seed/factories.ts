import "server-only";

import { hashSync } from "@node-rs/bcrypt";

import type { DbOrTx } from "@/db/client";
import { insertOrganization, type NewOrganization } from "@/db/create-organization";
import { memberships, users } from "@/db/schema";
import { normalizeEmail } from "@/lib/email";
import type { Role } from "@/lib/permissions";

/**
 * Factories shared by the demo seed, the benchmarks and the tests. Deterministic when given
 * explicit values; `uniqueSuffix()` keeps parallel test files from colliding.
 */
export type NewUser = Omit<typeof users.$inferInsert, "passwordHash"> & { password?: string; passwordHash?: string };

let counter = 0;
export function uniqueSuffix(): string {
  counter += 1;
  return `${process.pid.toString(36)}${Date.now().toString(36)}${counter}`;
}

const hashCache = new Map<string, string>();
/** bcrypt is deliberately slow; seeds hash each distinct password once (cost 10 for seeds only). */
export function seedPasswordHash(password: string): string {
  let hash = hashCache.get(password);
  if (!hash) {
    hash = hashSync(password, 10);
    hashCache.set(password, hash);
  }
  return hash;
}

export async function createOrganization(db: DbOrTx, values: Partial<NewOrganization> = {}) {
  const suffix = uniqueSuffix();
  return insertOrganization(db, {
    name: values.name ?? `Test Org ${suffix}`,
    slug: values.slug ?? `org-${suffix}`,
    currency: values.currency ?? "DKK",
    locale: values.locale ?? "da-DK",
    timeZone: values.timeZone ?? "Europe/Copenhagen",
    defaultTaxRateBp: values.defaultTaxRateBp ?? 2500,
    saleNumberPrefix: values.saleNumberPrefix ?? "RS",
  });
}

export async function createUser(db: DbOrTx, values: Partial<NewUser> = {}) {
  const suffix = uniqueSuffix();
  const [user] = await db
    .insert(users)
    .values({
      email: normalizeEmail(values.email ?? `user-${suffix}@example.test`),
      name: values.name ?? `User ${suffix}`,
      passwordHash: values.passwordHash ?? seedPasswordHash(values.password ?? "password123"),
    })
    .returning();
  return user!;
}

export async function addMember(db: DbOrTx, orgId: string, userId: string, role: Role) {
  await db.insert(memberships).values({ orgId, userId, role });
}

/** An org with one member of each role — the usual starting point of an integration test. */
export async function createOrgWithTeam(db: DbOrTx, values: Partial<NewOrganization> = {}) {
  const org = await createOrganization(db, values);
  const [admin, manager, rep, rep2] = await Promise.all([
    createUser(db, { name: "Ada Admin" }),
    createUser(db, { name: "Max Manager" }),
    createUser(db, { name: "Rita Rep" }),
    createUser(db, { name: "Ravi Rep" }),
  ]);
  await addMember(db, org.id, admin!.id, "admin");
  await addMember(db, org.id, manager!.id, "manager");
  await addMember(db, org.id, rep!.id, "rep");
  await addMember(db, org.id, rep2!.id, "rep");
  return { org, admin: admin!, manager: manager!, rep: rep!, rep2: rep2! };
}
