import "server-only";

import { sql } from "drizzle-orm";

/**
 * A fingerprint of a deal and its pending action (joined as `pa`), taken when the import leaves
 * them and again at revert: any later change — an edit, a stage move, a Kanban reorder, the action
 * completed, snoozed or reassigned, a soft delete — changes it, and the revert is refused rather
 * than overwrite someone's work. Times go in as epoch numbers so the session time zone cannot
 * change the text. (A row value's text is a third cheaper to build than a jsonb array's.)
 */
export const DEAL_FINGERPRINT = sql.raw(`md5(row(
  deals.title, deals.contact_name, deals.owner_id, deals.value_minor, deals.currency, deals.stage_id, deals.probability,
  deals.status, deals.sector, deals.source, deals.expected_close_date, deals.loss_reason_id, deals.loss_note,
  extract(epoch from deals.closed_at), deals.position, extract(epoch from deals.stage_entered_at),
  extract(epoch from deals.last_activity_at), extract(epoch from deals.deleted_at), extract(epoch from deals.updated_at),
  pa.id, pa.owner_id, pa.type, extract(epoch from pa.due_at), pa.details
)::text)`);

/** The join that goes with DEAL_FINGERPRINT. */
export const PENDING_ACTION_JOIN = sql.raw(
  `left join actions pa on pa.org_id = deals.org_id and pa.deal_id = deals.id and pa.completed_at is null`,
);

/** One fingerprint for a batch of created deals (their DEAL_FINGERPRINTs in id order). */
export function batchFingerprint(orgId: unknown, dealIds: unknown) {
  return sql`(select md5(string_agg(${DEAL_FINGERPRINT}, ',' order by deals.id))
                from deals ${PENDING_ACTION_JOIN}
               where deals.org_id = ${orgId} and deals.id = any(${dealIds}))`;
}
