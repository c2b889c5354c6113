import "server-only";

import { auditLog } from "@/db/schema";
import type { TenantContext } from "@/server/tenant";

export type AuditEntry = { entity: string; entityId: string; action: string; before?: unknown; after?: unknown };

/** Written in the same transaction as the change it describes. */
export async function recordAudit(ctx: Pick<TenantContext, "db" | "orgId" | "userId">, entry: AuditEntry) {
  await ctx.db.insert(auditLog).values({
    orgId: ctx.orgId,
    actorId: ctx.userId,
    entity: entry.entity,
    entityId: entry.entityId,
    action: entry.action,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}
