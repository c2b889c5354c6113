import { and, asc, count, eq, isNull } from "drizzle-orm";

import { getDb } from "../../../src/db/client";
import { auditLog, invitations, memberships, organizations } from "../../../src/db/schema";
import { uniqueSuffix } from "../../../src/db/seed/factories";
import type { OrgSettingsInput } from "../../../src/lib/schemas/organization";

/**
 * Everything an org-level action could change, read straight from the database: comparing two
 * snapshots proves that a refused action wrote nothing (and that org B is untouched by org A).
 */
export async function snapshotOrg(orgId: string) {
  const db = getDb();
  const [org] = await db.select().from(organizations).where(eq(organizations.id, orgId));
  const members = await db
    .select({ userId: memberships.userId, role: memberships.role })
    .from(memberships)
    .where(eq(memberships.orgId, orgId))
    .orderBy(asc(memberships.userId));
  const pending = await db
    .select({ id: invitations.id, email: invitations.email, role: invitations.role })
    .from(invitations)
    .where(and(eq(invitations.orgId, orgId), isNull(invitations.acceptedAt)))
    .orderBy(asc(invitations.id));
  const [audit] = await db.select({ n: count() }).from(auditLog).where(eq(auditLog.orgId, orgId));
  return { org, members, pending, auditRows: audit!.n };
}

export async function auditRowsFor(orgId: string, entity: string) {
  return getDb()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.orgId, orgId), eq(auditLog.entity, entity)))
    .orderBy(asc(auditLog.id));
}

export async function roleOf(orgId: string, userId: string) {
  const [row] = await getDb()
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
  return row?.role;
}

/** A fresh address nobody in this database has used. */
export function newEmail(label = "invitee"): string {
  return `${label}-${uniqueSuffix()}@example.test`;
}

/** Valid org settings input (what the settings form posts); overrides may be invalid on purpose. */
export function validSettings(overrides: Partial<Record<keyof OrgSettingsInput, unknown>> = {}): OrgSettingsInput {
  return {
    name: `Renamed ${uniqueSuffix()}`,
    currency: "EUR",
    locale: "fr-FR",
    timeZone: "Europe/Paris",
    defaultTaxRate: "20",
    saleNumberPrefix: "al",
    ...overrides,
  } as OrgSettingsInput;
}
