import "server-only";

import type { DbOrTx } from "@/db/client";
import { auditLog } from "@/db/schema";
import type { TenantContext } from "@/server/tenant";

type AuditEntry = { entity: string; entityId: string; action: string; before?: unknown; after?: unknown };

/** Written in the same transaction as the change it describes. */
export async function recordAudit(tx: DbOrTx, ctx: Pick<TenantContext, "orgId" | "userId">, entry: AuditEntry) {
  await tx.insert(auditLog).values({
    orgId: ctx.orgId,
    actorId: ctx.userId,
    entity: entry.entity,
    entityId: entry.entityId,
    action: entry.action,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}
