import "server-only";

import { eq, sql } from "drizzle-orm";

import type { Database } from "@/db/client";
import { organizations, users } from "@/db/schema";
import { normalizeEmail } from "@/lib/email";

import { DEMO_ORGS, DEMO_PASSWORD, demoMembers, type DemoOrg } from "./demo-data";
import { addMember, createOrganization, seedPasswordHash } from "./factories";

export type SeededOrg = { org: typeof organizations.$inferSelect; demo: DemoOrg; members: { userId: string; role: string }[] };

/**
 * Seeds the demo once, in one transaction, on an empty database (no organizations).
 * Extra per-org content (pipelines, deals…) plugs in through `extend`.
 */
export async function seedDemo(db: Database, extend: ((tx: Database, orgs: SeededOrg[]) => Promise<void>)[] = []) {
  return db.transaction(async (tx) => {
    const hash = seedPasswordHash(DEMO_PASSWORD);
    const userIds = new Map<string, string>();
    const seeded: SeededOrg[] = [];
    for (const demo of DEMO_ORGS) {
      const { sectors: _sectors, people: _people, ...orgValues } = demo;
      const org = await createOrganization(tx, orgValues);
      const members: SeededOrg["members"] = [];
      for (const { person, role } of demoMembers(demo)) {
        const email = normalizeEmail(person.email);
        let userId = userIds.get(email);
        if (!userId) {
          const [u] = await tx.insert(users).values({ email, name: person.name, passwordHash: hash }).returning({ id: users.id });
          userId = u!.id;
          userIds.set(email, userId);
        }
        await addMember(tx, org.id, userId, role);
        members.push({ userId, role });
      }
      seeded.push({ org, demo, members });
    }
    for (const step of extend) await step(tx as unknown as Database, seeded);
    return seeded;
  });
}

export async function isDatabaseEmpty(db: Database): Promise<boolean> {
  const rows = await db.execute(sql`select exists(select 1 from organizations) as any`);
  return !(rows[0] as { any: boolean }).any;
}

export async function hasDemoData(db: Database): Promise<boolean> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, DEMO_ORGS[0]!.people.admin.email));
  return row !== undefined;
}

export function demoLoginsTable(): string {
  const lines = [`Demo logins (password for all: ${DEMO_PASSWORD})`];
  for (const org of DEMO_ORGS) {
    const roles = demoMembers(org).map(({ person, role }) => `${role}: ${person.email}`);
    lines.push(`  ${org.name.padEnd(18)} ${roles.join("  ")}`);
  }
  lines.push("  mette@momentum.demo belongs to Rendetalje (admin), Tekup (manager) and Foodtruck Fiesta (rep).");
  return lines.join("\n");
}
