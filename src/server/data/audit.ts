import "server-only";

import { auditLog } from "@/db/schema";
import type { TenantContext } from "@/server/tenant";

export type AuditEntry = { entity: string; entityId: string; action: string; before?: unknown; after?: unknown };

/**
 * Written in the same transaction as the change it describes. Several entries (a hand-over of a
 * member's deals, say) go in one multi-row INSERT rather than one round trip each.
 */
export async function recordAudit(ctx: Pick<TenantContext, "db" | "orgId" | "userId">, entries: AuditEntry | AuditEntry[]) {
  const list = Array.isArray(entries) ? entries : [entries];
  if (list.length === 0) return;
  await ctx.db.insert(auditLog).values(
    list.map((entry) => ({
      orgId: ctx.orgId,
      actorId: ctx.userId,
      entity: entry.entity,
      entityId: entry.entityId,
      action: entry.action,
      before: entry.before ?? null,
      after: entry.after ?? null,
    })),
  );
}
