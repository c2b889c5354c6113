import crypto from "node:crypto";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { probabilityOnStageChange } from "@/lib/deals/rules";
import { zonedTimeToUtc } from "@/lib/dates/zoned";
import { firstActionDetails } from "@/lib/import/plan";
import type { ImportRow } from "@/lib/import/rows";
import type { TenantContext } from "@/server/tenant";
import { batchFingerprint } from "./fingerprint";
import { numberArray, textArray } from "./sql-arrays";

export type CreateSettings = {
  importId: string;
  batch: number;
  fileName: string;
  now: Date;
  firstAction: { type: string; details: string; dueAt: Date };
  lossReasonId: string | null;
  /** Kanban position for the row at `index` (new deals go to the top of their column, in file order). */
  positionOf: (row: ImportRow) => number;
  /** Timing of each statement, for the benchmark's breakdown. */
  phase?: (name: string, ms: number) => void;
};

/**
 * A closed deal's close time: the expected close date (noon in the org's zone) when it is in the
 * past — a historical win should not count as won today — else the import time.
 */
function closedAtOf(row: ImportRow, ctx: TenantContext, now: Date): string | null {
  if (row.stage.kind === "open") return null;
  if (!row.expectedCloseDate) return now.toISOString();
  const [y, m, d] = row.expectedCloseDate.split("-").map(Number) as [number, number, number];
  const at = zonedTimeToUtc({ year: y, month: m, day: d, hour: 12, minute: 0 }, ctx.org.timeZone);
  return (at < now ? at : now).toISOString();
}

/**
 * Inserts a batch of new deals, their actions and the batch's entry for revert: three set-based
 * statements whatever the batch size. Open deals get their first next action (the invariant is
 * checked at commit); won and lost deals get none, but a completed one carrying the row's notes.
 */
export async function insertNewDeals(tx: DbOrTx, ctx: TenantContext, created: ImportRow[], s: CreateSettings) {
  if (created.length === 0) return [];
  const rows = created.map((row) => ({ row }));
  const ids = rows.map(() => crypto.randomUUID());
  const owners = rows.map(({ row }) => row.owner?.userId ?? ctx.userId);
  let t0 = performance.now();
  const lap = (name: string) => {
    s.phase?.(name, performance.now() - t0);
    t0 = performance.now();
  };
  await tx.execute(sql`
    insert into deals (id, org_id, title, contact_name, owner_id, value_minor, currency, stage_id, probability, sector, source,
                       expected_close_date, loss_reason_id, loss_note, closed_at, position, created_by)
    select t.id, ${ctx.orgId}, t.title, t.contact, t.owner_id, t.value_minor, ${ctx.org.currency}, t.stage_id, t.probability, t.sector,
           t.source, t.close_date, t.loss_reason_id, t.loss_note, t.closed_at, t.position, ${ctx.userId}
      from unnest(${textArray(ids)}::uuid[], ${textArray(rows.map(({ row }) => row.title))}::text[],
                  ${textArray(rows.map(({ row }) => row.contact))}::text[], ${textArray(owners)}::uuid[],
                  ${numberArray(rows.map(({ row }) => row.valueMinor ?? 0))}::bigint[], ${textArray(rows.map(({ row }) => row.stage.id))}::uuid[],
                  ${numberArray(rows.map(({ row }) => probabilityOnStageChange(row.stage)))}::int[],
                  ${textArray(rows.map(({ row }) => row.sector))}::text[], ${textArray(rows.map(({ row }) => row.source))}::text[],
                  ${textArray(rows.map(({ row }) => row.expectedCloseDate))}::date[],
                  ${textArray(rows.map(({ row }) => (row.stage.kind === "lost" ? s.lossReasonId : null)))}::uuid[],
                  ${textArray(rows.map(({ row }) => (row.stage.kind === "lost" ? (row.notes ? `Imported: ${row.notes}`.slice(0, 1000) : "Imported") : null)))}::text[],
                  ${textArray(rows.map(({ row }) => closedAtOf(row, ctx, s.now)))}::timestamptz[],
                  ${numberArray(rows.map(({ row }) => s.positionOf(row)))}::float8[])
        as t(id, title, contact, owner_id, value_minor, stage_id, probability, sector, source, close_date, loss_reason_id, loss_note, closed_at, position)`);
  lap("create.deals");

  // Open deals: the pending first step. Closed deals with notes: a completed step that keeps them.
  type NewAction = { dealId: string; ownerId: string; details: string; outcome: string | null };
  const act = rows.flatMap(({ row }, i): NewAction[] => {
    if (row.stage.kind === "open") {
      return [{ dealId: ids[i]!, ownerId: owners[i]!, details: firstActionDetails(s.firstAction.details, row.notes), outcome: null }];
    }
    if (row.stage.kind === "won" && row.notes) {
      return [{ dealId: ids[i]!, ownerId: owners[i]!, details: `Imported from ${s.fileName}`.slice(0, 2000), outcome: row.notes.slice(0, 2000) }];
    }
    return [];
  });
  if (act.length > 0) {
    await tx.execute(sql`
      insert into actions (org_id, deal_id, owner_id, type, due_at, details, completed_at, completed_by, outcome, created_by)
      select ${ctx.orgId}, t.deal_id, t.owner_id, ${s.firstAction.type}::action_type,
             case when t.outcome is null then ${s.firstAction.dueAt.toISOString()}::timestamptz else ${s.now.toISOString()}::timestamptz end,
             t.details,
             case when t.outcome is null then null else ${s.now.toISOString()}::timestamptz end,
             case when t.outcome is null then null else ${ctx.userId}::uuid end,
             t.outcome, ${ctx.userId}
        from unnest(${textArray(act.map((a) => a.dealId))}::uuid[], ${textArray(act.map((a) => a.ownerId))}::uuid[],
                    ${textArray(act.map((a) => a.details))}::text[], ${textArray(act.map((a) => a.outcome))}::text[])
          as t(deal_id, owner_id, details, outcome)`);
  }
  lap("create.actions");

  const idArray = textArray(ids);
  await tx.execute(sql`
    insert into import_created_batches (org_id, import_id, batch, deal_ids, after_hash)
    values (${ctx.orgId}, ${s.importId}, ${s.batch}, ${idArray}::uuid[], ${batchFingerprint(ctx.orgId, sql`${idArray}::uuid[]`)})`);
  lap("create.fingerprint");
  return ids;
}
