import "server-only";

import { and, eq, sql } from "drizzle-orm";

import { imports } from "@/db/schema";
import { ConflictError, NotFoundError } from "@/server/errors";
import { requirePermission, type TenantContext } from "@/server/tenant";

import { recordAudit } from "../audit";
import { inTransaction } from "../context";
import { setActor } from "../deal-scope";
import { batchFingerprint, DEAL_FINGERPRINT, PENDING_ACTION_JOIN } from "./fingerprint";

/**
 * One-click revert, in one transaction. The rule: an import can be reverted once, and only while
 * every deal it created or updated is exactly as the import left it (same fields, same Kanban
 * position, same pending next action — see fingerprint.ts). Then:
 *   - deals it created are deleted for good, with their actions and stage history (FK cascade);
 *   - deals it updated get back their before-image: every column, their pending action (re-created
 *     as it was when the import completed or reassigned it), and their stage history (the rows the
 *     import's stage change added are removed and the previous stay is current again).
 * If anything changed, nothing is reverted and the user is told how many deals are affected.
 */
export type RevertImportParams = { importId: string };

export async function revertImport(ctx: TenantContext, { importId }: RevertImportParams) {
  requirePermission(ctx, "import.run");
  return inTransaction(ctx, async (txCtx) => {
    const tx = txCtx.db;
    await setActor(txCtx);
    const [imp] = await tx
      .select({ id: imports.id, status: imports.status, fileName: imports.fileName })
      .from(imports)
      .where(and(eq(imports.orgId, ctx.orgId), eq(imports.id, importId)))
      .for("update");
    if (!imp) throw new NotFoundError("Import");
    if (imp.status === "reverted") throw new ConflictError("This import was already reverted.");
    if (imp.status !== "completed") throw new ConflictError(`Only a completed import can be reverted; this one is ${imp.status}.`);

    // Lock what we are about to check and rewrite, so no one completes an action in between.
    const touched = sql`(select deal_id from import_changes c where c.org_id = ${ctx.orgId} and c.import_id = ${importId}
                          union all
                         select unnest(b.deal_ids) from import_created_batches b where b.org_id = ${ctx.orgId} and b.import_id = ${importId})`;
    await tx.execute(sql`select 1 from deals where deals.org_id = ${ctx.orgId} and deals.id in ${touched} for update`);
    await tx.execute(sql`
      select 1 from actions where actions.org_id = ${ctx.orgId} and actions.completed_at is null and actions.deal_id in ${touched} for update`);
    const [updated] = await tx.execute<{ changed: number; total: number }>(sql`
      select count(*) filter (where deals.id is null or ${DEAL_FINGERPRINT} <> c.after_hash)::int as changed, count(*)::int as total
        from import_changes c
        left join deals on deals.org_id = c.org_id and deals.id = c.deal_id
        ${PENDING_ACTION_JOIN}
       where c.org_id = ${ctx.orgId} and c.import_id = ${importId}`);
    const [created] = await tx.execute<{ changed: number; total: number }>(sql`
      select count(*) filter (where b.after_hash is distinct from ${batchFingerprint(sql`b.org_id`, sql`b.deal_ids`)})::int as changed,
             coalesce(sum(cardinality(b.deal_ids)), 0)::int as total
        from import_created_batches b
       where b.org_id = ${ctx.orgId} and b.import_id = ${importId}`);
    if ((updated?.changed ?? 0) > 0 || (created?.changed ?? 0) > 0) {
      throw new ConflictError(
        "Some of the deals this import wrote have changed since (edited, moved, or their next action completed or rescheduled). " +
          "Reverting would overwrite that work, so nothing was reverted.",
      );
    }

    await tx.execute(sql`
      delete from deals
       where deals.org_id = ${ctx.orgId}
         and deals.id in (select unnest(b.deal_ids) from import_created_batches b where b.org_id = ${ctx.orgId} and b.import_id = ${importId})`);
    await restoreUpdatedDeals(txCtx, { importId });

    await tx
      .update(imports)
      .set({ status: "reverted", revertedAt: new Date(), revertedBy: ctx.userId })
      .where(and(eq(imports.orgId, ctx.orgId), eq(imports.id, importId)));
    const result = { deleted: created?.total ?? 0, restored: updated?.total ?? 0 };
    await recordAudit(txCtx, { entity: "import", entityId: importId, action: "revert", after: { fileName: imp.fileName, ...result } });
    return { importId, ...result };
  });
}

/** The deals the import updated get back their before-image; `ctx.db` is the revert's transaction. */
async function restoreUpdatedDeals(ctx: TenantContext, { importId }: RevertImportParams) {
  const tx = ctx.db;
  const mine = sql`c.org_id = ${ctx.orgId} and c.import_id = ${importId} and c.kind = 'updated'`;
  // 1. Every column back. Moving back to the earlier stage makes the deal triggers stamp a new
  //    stage entry and history row; steps 2 and 4 undo exactly that.
  await tx.execute(sql`
    update deals
       set title = b.title, contact_name = b.contact_name, owner_id = b.owner_id, value_minor = b.value_minor, currency = b.currency,
           stage_id = b.stage_id, probability = b.probability, sector = b.sector, source = b.source,
           expected_close_date = b.expected_close_date, loss_reason_id = b.loss_reason_id, loss_note = b.loss_note,
           position = b.position, last_activity_at = b.last_activity_at, deleted_at = b.deleted_at, created_by = b.created_by
      from import_changes c, jsonb_populate_record(null::deals, c.before->'deal') b
     where ${mine} and deals.org_id = c.org_id and deals.id = c.deal_id`);
  // 2. The deal is open again here, so these are plain edits the triggers leave alone.
  await tx.execute(sql`
    update deals
       set stage_entered_at = b.stage_entered_at, closed_at = b.closed_at, updated_at = b.updated_at
      from import_changes c, jsonb_populate_record(null::deals, c.before->'deal') b
     where ${mine} and deals.org_id = c.org_id and deals.id = c.deal_id`);
  // 3. The pending action as it was (the import may have completed it or given it a new owner).
  await tx.execute(sql`
    delete from actions using import_changes c
     where ${mine} and actions.org_id = c.org_id and actions.deal_id = c.deal_id and actions.id = (c.before->'action'->>'id')::uuid`);
  await tx.execute(sql`
    insert into actions
    select (jsonb_populate_record(null::actions, c.before->'action')).* from import_changes c
     where ${mine} and jsonb_typeof(c.before->'action') = 'object'`);
  // 4. Stage history: drop the stays opened since, and make the stay current at import time current again.
  await tx.execute(sql`
    delete from deal_stage_history h using import_changes c
     where ${mine} and h.org_id = c.org_id and h.deal_id = c.deal_id and h.id > (c.before->>'historyId')::bigint`);
  await tx.execute(sql`
    update deal_stage_history h set exited_at = null
      from import_changes c
     where ${mine} and h.org_id = c.org_id and h.deal_id = c.deal_id and h.id = (c.before->>'historyId')::bigint and h.exited_at is not null`);
}
