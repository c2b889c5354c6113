import "server-only";

import { sql } from "drizzle-orm";

import { zonedTimeToUtc } from "@/lib/dates/zoned";
import { probabilityOnStageChange } from "@/lib/deals/rules";
import { firstActionDetails } from "@/lib/import/plan";
import type { ImportRow } from "@/lib/import/rows";
import type { TenantContext } from "@/server/tenant";

import { DEAL_FINGERPRINT } from "./fingerprint";
import { sameDeal } from "./matching-sql";
import { numberArray, textArray } from "./sql-arrays";
import { tracePhase, traceStart } from "./trace";

export type CreateSettings = {
  importId: string;
  batch: number;
  fileName: string;
  now: Date;
  firstAction: { type: string; details: string; dueAt: Date };
  /** What the first next step of an open row says: its stage's step (lib/import/first-steps.ts). */
  firstStepOf: (row: ImportRow) => string;
  lossReasonId: string | null;
  /** Kanban position for the row (new deals go to the top of their column, in file order). */
  positionOf: (row: ImportRow) => number;
  /** Ids of the new deals and actions, in ascending order (ids.ts). */
  newId: () => string;
  /** A closed row's close time (closedAtReader), kept across batches. */
  closedAt: (row: ImportRow) => string | null;
  /** The row's creation time from its created-date column (createdAtReader), null without one. */
  createdAt: (row: ImportRow) => string | null;
};

/**
 * A date's noon in the org's zone, capped at `now` (a date in the future has not happened yet).
 * Memoised per date: the time-zone arithmetic was half a second of a 100 000-row import, for a few
 * hundred dates.
 */
function pastNoonReader(ctx: TenantContext, now: Date): (isoDate: string) => string {
  const byDate = new Map<string, string>();
  return (isoDate) => {
    let at = byDate.get(isoDate);
    if (at === undefined) {
      const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number];
      const noon = zonedTimeToUtc({ year: y, month: m, day: d, hour: 12, minute: 0 }, ctx.org.timeZone);
      at = (noon < now ? noon : now).toISOString();
      byDate.set(isoDate, at);
    }
    return at;
  };
}

/**
 * A closed deal's close time: its won or lost date from the file, else its expected close date,
 * at noon in the org's zone when in the past — a historical win should not count as won today —
 * else the import time.
 */
export function closedAtReader(ctx: TenantContext, now: Date): (row: ImportRow) => string | null {
  const noonOf = pastNoonReader(ctx, now);
  return (row) => {
    if (row.stage.kind === "open") return null;
    const day = (row.stage.kind === "won" ? row.wonDate : row.lostDate) ?? row.expectedCloseDate;
    return day ? noonOf(day) : now.toISOString();
  };
}

/** A deal's creation time from the file's created date (noon in the org's zone), null without one. */
export function createdAtReader(ctx: TenantContext, now: Date): (row: ImportRow) => string | null {
  const noonOf = pastNoonReader(ctx, now);
  return (row) => (row.createdDate ? noonOf(row.createdDate) : null);
}

/** What a batch's insert did: the ids it created, and the rows (by index) it skipped as duplicates. */
export type CreateOutcome = { ids: string[]; duplicates: number[] };

export type InsertNewDealsParams = { rows: ImportRow[]; settings: CreateSettings; skipDuplicates?: boolean };

/**
 * Inserts a batch of new deals, their actions and the batch's entry for revert in ONE statement
 * (one round trip, one pass of the statement-level triggers of drizzle/0010), whatever the batch
 * size. Open deals get their first next action (the invariant is checked at commit); won and lost
 * deals get none, but a completed one carrying the row's notes. The revert fingerprint is taken
 * from what the two inserts return — the rows as written, after the BEFORE triggers — rather than
 * by reading them back.
 *
 * With `skipDuplicates` ("create" mode) the statement also looks each row up among the existing
 * deals (matching.ts's rule) and leaves out those that match, so the job need not wait for a
 * lookup's answer before sending the batch: it can queue the next batch while this one runs.
 */
export async function insertNewDeals(
  ctx: TenantContext,
  { rows, settings: s, skipDuplicates = false }: InsertNewDealsParams,
): Promise<CreateOutcome> {
  if (rows.length === 0) return { ids: [], duplicates: [] };
  const t0 = traceStart();
  const ids = rows.map(() => s.newId());
  const owners = rows.map((row) => row.owner?.userId ?? ctx.userId);

  // Open deals: the pending first step. Closed deals with notes: a completed step that keeps them.
  type NewAction = { id: string; dealId: string; ownerId: string; details: string; outcome: string | null };
  const act = rows.flatMap((row, i): NewAction[] => {
    if (row.stage.kind === "open") {
      return [
        {
          id: s.newId(),
          dealId: ids[i]!,
          ownerId: owners[i]!,
          details: firstActionDetails(s.firstStepOf(row), row.notes),
          outcome: null,
        },
      ];
    }
    if (row.stage.kind === "won" && row.notes) {
      return [
        {
          id: s.newId(),
          dealId: ids[i]!,
          ownerId: owners[i]!,
          details: `Imported from ${s.fileName}`.slice(0, 2000),
          outcome: row.notes.slice(0, 2000),
        },
      ];
    }
    return [];
  });
  const duplicates = skipDuplicates
    ? sql`select t.ord from input t cross join lateral (select 1 from deals where ${sameDeal(ctx, sql`t.contact`, sql`t.title`, sql`t.value_minor`)} limit 1) m`
    : sql`select ord from input where false`;
  const statement = sql`
    with input as (
      select * from unnest(${textArray(ids)}::uuid[], ${textArray(rows.map((row) => row.title))}::text[],
                           ${textArray(rows.map((row) => row.contact))}::text[], ${textArray(owners)}::uuid[],
                           ${numberArray(rows.map((row) => row.valueMinor))}::bigint[], ${textArray(rows.map((row) => row.stage.id))}::uuid[],
                           ${numberArray(rows.map((row) => probabilityOnStageChange(row.stage)))}::int[],
                           ${textArray(rows.map((row) => row.sector))}::text[], ${textArray(rows.map((row) => row.source))}::text[],
                           ${textArray(rows.map((row) => row.expectedCloseDate))}::date[],
                           ${textArray(rows.map((row) => (row.stage.kind === "lost" ? s.lossReasonId : null)))}::uuid[],
                           ${textArray(rows.map((row) => (row.stage.kind === "lost" ? (row.notes ? `Imported: ${row.notes}`.slice(0, 1000) : "Imported") : null)))}::text[],
                           ${textArray(rows.map(s.closedAt))}::timestamptz[], ${textArray(rows.map(s.createdAt))}::timestamptz[],
                           ${numberArray(rows.map((row) => s.positionOf(row)))}::float8[])
               with ordinality
               as t(id, title, contact, owner_id, value_minor, stage_id, probability, sector, source, close_date, loss_reason_id, loss_note, closed_at, created_at, position, ord)
    ), duplicate as (
      ${duplicates}
    ), new_deals as (
      insert into deals (id, org_id, title, contact_name, owner_id, value_minor, currency, stage_id, probability, sector, source,
                         expected_close_date, loss_reason_id, loss_note, closed_at, position, created_by, created_at)
      select t.id, ${ctx.orgId}, t.title, t.contact, t.owner_id, coalesce(t.value_minor, 0), ${ctx.org.currency}, t.stage_id, t.probability,
             t.sector, t.source, t.close_date, t.loss_reason_id, t.loss_note, t.closed_at, t.position, ${ctx.userId},
             -- The file's created date, never after the close (deals_closed_after_created) nor now; least() skips nulls.
             least(now(), t.closed_at, t.created_at)
        from input t
       where t.ord not in (select ord from duplicate)
      returning *
    ), new_actions as (
      insert into actions (id, org_id, deal_id, owner_id, type, due_at, details, completed_at, completed_by, outcome, created_by)
      select t.id, ${ctx.orgId}, t.deal_id, t.owner_id, ${s.firstAction.type}::action_type,
             case when t.outcome is null then ${s.firstAction.dueAt.toISOString()}::timestamptz else ${s.now.toISOString()}::timestamptz end,
             t.details,
             case when t.outcome is null then null else ${s.now.toISOString()}::timestamptz end,
             case when t.outcome is null then null else ${ctx.userId}::uuid end,
             t.outcome, ${ctx.userId}
        from unnest(${textArray(act.map((a) => a.id))}::uuid[], ${textArray(act.map((a) => a.dealId))}::uuid[],
                    ${textArray(act.map((a) => a.ownerId))}::uuid[], ${textArray(act.map((a) => a.details))}::text[],
                    ${textArray(act.map((a) => a.outcome))}::text[])
          as t(id, deal_id, owner_id, details, outcome)
       where t.deal_id in (select id from new_deals)
      returning *
    ), batch as (
      insert into import_created_batches (org_id, import_id, batch, deal_ids, after_hash)
      select ${ctx.orgId}, ${s.importId}, ${s.batch}, array_agg(deals.id order by deals.id), md5(string_agg(${DEAL_FINGERPRINT}, ',' order by deals.id))
        from new_deals deals
        left join new_actions pa on pa.deal_id = deals.id and pa.completed_at is null
      having count(*) > 0
    )
    select ord from duplicate`;
  tracePhase("build", t0);
  const found = await ctx.db.execute<{ ord: string | number }>(statement);
  const duplicate = new Set(found.map((r) => Number(r.ord) - 1));
  return { ids: ids.filter((_, i) => !duplicate.has(i)), duplicates: [...duplicate].sort((x, y) => x - y) };
}
