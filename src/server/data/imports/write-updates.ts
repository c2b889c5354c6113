import "server-only";

import { sql } from "drizzle-orm";

import { probabilityOnStageChange } from "@/lib/deals/rules";
import type { ImportRow } from "@/lib/import/rows";
import type { TenantContext } from "@/server/tenant";

import { DEAL_FINGERPRINT, PENDING_ACTION_JOIN } from "./fingerprint";
import { numberArray, textArray } from "./sql-arrays";

type Locked = {
  id: string;
  title: string;
  owner_id: string;
  value_minor: string;
  stage_id: string;
  probability: number;
  status: "open" | "won" | "lost";
  sector: string | null;
  source: string | null;
  expected_close_date: string | null;
  before: string;
};

type Next = {
  id: string;
  title: string;
  ownerId: string;
  oldOwnerId: string;
  valueMinor: number;
  stageId: string;
  probability: number;
  sector: string | null;
  source: string | null;
  expectedCloseDate: string | null;
  closing: "won" | "lost" | null;
  before: string;
};

export type UpdateOutcome = { updated: string[]; skipped: { index: number; message: string }[] };

export type UpdateExistingDealsParams = {
  /** The rows to apply (`index` in their batch) and the existing deal each matched. */
  pairs: { index: number; row: ImportRow; dealId: string }[];
  importId: string;
  now: Date;
  lossReasonId: string | null;
};

/** The deal as the row would leave it; only what the file says (non-blank cells) changes. */
function nextValues(row: ImportRow, d: Locked): Omit<Next, "before"> {
  const stageId = row.stageGiven ? row.stage.id : d.stage_id;
  return {
    id: d.id,
    title: row.titleGiven ? row.title : d.title,
    ownerId: row.owner?.userId ?? d.owner_id,
    oldOwnerId: d.owner_id,
    valueMinor: row.valueMinor ?? Number(d.value_minor),
    stageId,
    probability: row.stageGiven ? probabilityOnStageChange(row.stage) : d.probability,
    sector: row.sector ?? d.sector,
    source: row.source ?? d.source,
    expectedCloseDate: row.expectedCloseDate ?? d.expected_close_date,
    closing: row.stageGiven && row.stage.kind !== "open" ? row.stage.kind : null,
  };
}

function unchanged(n: Omit<Next, "before">, d: Locked): boolean {
  return (
    n.title === d.title &&
    n.ownerId === d.owner_id &&
    n.valueMinor === Number(d.value_minor) &&
    n.stageId === d.stage_id &&
    n.probability === d.probability &&
    n.sector === d.sector &&
    n.source === d.source &&
    n.expectedCloseDate === d.expected_close_date
  );
}

/**
 * Updates the existing deals rows matched, after locking them and keeping their before-image (the
 * deal, its pending action and its current stage-history row) for an exact revert. Moving to won
 * or lost closes the pending action as closing a deal does; a new owner takes over the pending
 * action when it was the old owner's. Rows that would change nothing are reported as skipped.
 */
export async function updateExistingDeals(ctx: TenantContext, s: UpdateExistingDealsParams): Promise<UpdateOutcome> {
  const { pairs } = s;
  const tx = ctx.db;
  const out: UpdateOutcome = { updated: [], skipped: [] };
  if (pairs.length === 0) return out;
  const locked = await tx.execute<Locked>(sql`
    select deals.id, deals.title, deals.owner_id, deals.value_minor, deals.stage_id, deals.probability, deals.status, deals.sector,
           deals.source, deals.expected_close_date::text as expected_close_date,
           jsonb_build_object('deal', to_jsonb(deals), 'action', to_jsonb(pa), 'historyId', h.id)::text as before
      from deals ${PENDING_ACTION_JOIN}
      left join deal_stage_history h on h.org_id = deals.org_id and h.deal_id = deals.id and h.exited_at is null
     where deals.org_id = ${ctx.orgId} and deals.id = any(${textArray(pairs.map((p) => p.dealId))}::uuid[]) and deals.deleted_at is null
       for update of deals`);
  const byId = new Map(locked.map((d) => [d.id, d]));
  const next: Next[] = [];
  for (const { index, row, dealId } of pairs) {
    const d = byId.get(dealId);
    if (!d || d.status !== "open") {
      out.skipped.push({ index, message: d ? `The matching deal is ${d.status} and locked` : "The matching deal was deleted meanwhile" });
      continue;
    }
    const n = nextValues(row, d);
    if (unchanged(n, d)) out.skipped.push({ index, message: "The matching deal is already up to date" });
    else next.push({ ...n, before: d.before });
  }
  if (next.length === 0) return out;

  const closing = next.filter((n) => n.closing);
  if (closing.length > 0) {
    await tx.execute(sql`
      update actions set completed_at = ${s.now.toISOString()}::timestamptz, completed_by = ${ctx.userId}, outcome = t.outcome
        from unnest(${textArray(closing.map((n) => n.id))}::uuid[], ${textArray(closing.map((n) => `Closed as ${n.closing} (import)`))}::text[]) as t(deal_id, outcome)
       where actions.org_id = ${ctx.orgId} and actions.deal_id = t.deal_id and actions.completed_at is null`);
  }
  const reassigned = next.filter((n) => !n.closing && n.ownerId !== n.oldOwnerId);
  if (reassigned.length > 0) {
    await tx.execute(sql`
      update actions set owner_id = t.new_owner
        from unnest(${textArray(reassigned.map((n) => n.id))}::uuid[], ${textArray(reassigned.map((n) => n.oldOwnerId))}::uuid[],
                    ${textArray(reassigned.map((n) => n.ownerId))}::uuid[]) as t(deal_id, old_owner, new_owner)
       where actions.org_id = ${ctx.orgId} and actions.deal_id = t.deal_id and actions.owner_id = t.old_owner and actions.completed_at is null`);
  }
  await tx.execute(sql`
    update deals
       set title = t.title, owner_id = t.owner_id, value_minor = t.value_minor, stage_id = t.stage_id, probability = t.probability,
           sector = t.sector, source = t.source, expected_close_date = t.close_date,
           loss_reason_id = case when t.closing = 'lost' then ${s.lossReasonId}::uuid else deals.loss_reason_id end,
           loss_note = case when t.closing = 'lost' then 'Imported' else deals.loss_note end,
           last_activity_at = case when t.closing is null then deals.last_activity_at else ${s.now.toISOString()}::timestamptz end,
           updated_at = ${s.now.toISOString()}::timestamptz
      from unnest(${textArray(next.map((n) => n.id))}::uuid[], ${textArray(next.map((n) => n.title))}::text[],
                  ${textArray(next.map((n) => n.ownerId))}::uuid[], ${numberArray(next.map((n) => n.valueMinor))}::bigint[],
                  ${textArray(next.map((n) => n.stageId))}::uuid[], ${numberArray(next.map((n) => n.probability))}::int[],
                  ${textArray(next.map((n) => n.sector))}::text[], ${textArray(next.map((n) => n.source))}::text[],
                  ${textArray(next.map((n) => n.expectedCloseDate))}::date[], ${textArray(next.map((n) => n.closing))}::text[])
        as t(id, title, owner_id, value_minor, stage_id, probability, sector, source, close_date, closing)
     where deals.org_id = ${ctx.orgId} and deals.id = t.id`);
  await tx.execute(sql`
    insert into import_changes (org_id, import_id, deal_id, kind, before, after_hash)
    select deals.org_id, ${s.importId}, deals.id, 'updated', t.before::jsonb, ${DEAL_FINGERPRINT}
      from unnest(${textArray(next.map((n) => n.id))}::uuid[], ${textArray(next.map((n) => n.before))}::text[]) as t(id, before)
      join deals on deals.org_id = ${ctx.orgId} and deals.id = t.id
      ${PENDING_ACTION_JOIN}`);
  out.updated = next.map((n) => n.id);
  return out;
}
