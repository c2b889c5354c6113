import "server-only";

import { and, asc, eq, type SQL, sql } from "drizzle-orm";

import { deals, dealStageHistory, pipelineStages } from "@/db/schema";
import type { ActionType } from "@/lib/schemas/deals";
import { NotFoundError } from "@/server/errors";
import type { TenantContext } from "@/server/tenant";

import { type DealIdParams, visibleDeals } from "./deal-scope";

/**
 * A deal's history, merged from three sources in one SQL statement:
 *   - completed actions (what was done and what came of it),
 *   - deal_stage_history (creation, moves, closing, reopening — with who and when),
 *   - audit_log (field edits, snoozes of the deal's actions, delete/restore).
 * Closing and reopening also write an audit row; it is folded into the stage change it belongs to
 * (same transaction, so the same now()) rather than shown twice. Demo and imported deals have no
 * audit rows, which is why the stage history — not the audit log — is the source for stage events.
 */
type Actor = { id: string | null; name: string | null };

export type EditedField = "title" | "contactName" | "valueMinor" | "ownerId" | "probability" | "sector" | "source" | "expectedCloseDate";
export type FieldChange = { field: EditedField; before: string | number | null; after: string | number | null };

export type TimelineEntry = { key: string; at: Date; actor: Actor } & (
  | { kind: "action"; actionType: ActionType; details: string; outcome: string | null; dueAt: Date }
  | { kind: "created"; stage: string }
  | { kind: "moved"; from: string | null; to: string }
  | { kind: "won"; from: string | null }
  | { kind: "lost"; from: string | null; lossReason: string | null }
  | { kind: "reopened"; from: string | null; to: string }
  | { kind: "edited"; changes: FieldChange[] }
  | { kind: "snoozed"; actionType: ActionType | null; details: string | null; from: Date | null; to: Date | null; reason: string | null }
  | { kind: "deleted" }
  | { kind: "restored" }
);

export type TimelinePage = { entries: TimelineEntry[]; nextCursor: string | null };

const EDITED_FIELDS: EditedField[] = [
  "title",
  "contactName",
  "valueMinor",
  "ownerId",
  "probability",
  "sector",
  "source",
  "expectedCloseDate",
];
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const TIMELINE_MAX_LIMIT = 1000;

/** Every read here starts by proving the deal is visible to the actor (org, not deleted, rep's own). */
async function assertVisibleDeal(ctx: TenantContext, { dealId }: DealIdParams) {
  if (!UUID_RE.test(dealId)) throw new NotFoundError("Deal");
  const [row] = await ctx.db
    .select({ id: deals.id })
    .from(deals)
    .where(and(visibleDeals(ctx), eq(deals.id, dealId)));
  if (!row) throw new NotFoundError("Deal");
}

type Row = {
  source: "action" | "stage" | "audit";
  at: string;
  key: string;
  actor_id: string | null;
  actor_name: string | null;
  action_type: ActionType | null;
  details: string | null;
  outcome: string | null;
  due_at: string | null;
  audit_action: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  from_stage: string | null;
  from_kind: "open" | "won" | "lost" | null;
  to_stage: string | null;
  to_kind: "open" | "won" | "lost" | null;
  loss_reason: string | null;
  owner_before: string | null;
  owner_after: string | null;
};

/** Cursor = the last entry's exact time (microseconds, as PostgreSQL has it) and key. */
function encodeCursor(row: Row) {
  return `${row.at}|${row.key}`;
}
function decodeCursor(cursor: string | null | undefined): { at: string; key: string } | null {
  if (!cursor) return null;
  const i = cursor.lastIndexOf("|");
  if (i <= 0) return null;
  const at = cursor.slice(0, i);
  if (Number.isNaN(Date.parse(at))) return null;
  return { at, key: cursor.slice(i + 1) };
}

export type DealTimelineParams = DealIdParams & { limit?: number; before?: string | null };

/** Newest first; `limit` entries (default 100) from `before` (a cursor from the previous page). */
export async function getDealTimeline(ctx: TenantContext, { dealId, ...options }: DealTimelineParams): Promise<TimelinePage> {
  await assertVisibleDeal(ctx, { dealId });
  const limit = Math.min(Math.max(1, Math.floor(options.limit ?? 100)), TIMELINE_MAX_LIMIT);
  const cursor = decodeCursor(options.before);
  const org = ctx.orgId;
  const guardUuid = (expr: SQL) => sql`case when ${expr} ~* '^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$' then (${expr})::uuid end`;

  const rows = (await ctx.db.execute(sql`
    with hist as (
      select h.id, h.stage_id, h.entered_at, h.exited_at, h.changed_by,
             lag(h.stage_id) over (order by h.entered_at, h.id) as from_stage_id
        from deal_stage_history h
       where h.org_id = ${org} and h.deal_id = ${dealId}
    ),
    events as (
      select 'action' as source, a.completed_at as at, 'a:' || a.id::text as key, a.completed_by as actor_id,
             a.type::text as action_type, a.details, a.outcome, a.due_at,
             null::text as audit_action, null::jsonb as before, null::jsonb as after,
             null::uuid as from_stage_id, null::uuid as to_stage_id, null::uuid as loss_reason_id
        from actions a
       where a.org_id = ${org} and a.deal_id = ${dealId} and a.completed_at is not null
      union all
      select 'stage', h.entered_at, 's:' || lpad(h.id::text, 19, '0'), h.changed_by,
             null, null, null, null,
             x.action, null, x.after,
             h.from_stage_id, h.stage_id,
             -- the close's audit row names the reason; demo/imported closes only have the deal's own
             coalesce(${guardUuid(sql`x.after->>'lossReasonId'`)}, case when h.exited_at is null then d.loss_reason_id end)
        from hist h
        join deals d on d.org_id = ${org} and d.id = ${dealId}
        left join lateral (
          select l.action, l.after from audit_log l
           where l.org_id = ${org} and l.entity = 'deal' and l.entity_id = ${dealId}
             and l.created_at = h.entered_at and l.action in ('close_won', 'close_lost', 'reopen', 'move')
           limit 1
        ) x on true
      union all
      -- Two branches rather than one OR, so each is an index lookup on (org_id, entity, entity_id).
      select 'audit', l.created_at, 'l:' || lpad(l.id::text, 19, '0'), l.actor_id,
             null, null, null, null,
             l.action, l.before, l.after,
             null, null, null
        from audit_log l
       where l.org_id = ${org} and l.entity = 'deal' and l.entity_id = ${dealId} and l.action in ('update', 'delete', 'restore')
      union all
      select 'audit', l.created_at, 'l:' || lpad(l.id::text, 19, '0'), l.actor_id,
             act.type::text, act.details, null, null,
             l.action, l.before, l.after,
             null, null, null
        from actions act
        join audit_log l on l.org_id = ${org} and l.entity = 'action' and l.entity_id = act.id::text
       where act.org_id = ${org} and act.deal_id = ${dealId} and l.after->>'dealId' = ${dealId}
    )
    select e.source, to_json(e.at)#>>'{}' as at, e.key, e.actor_id, u.name as actor_name,
           e.action_type, e.details, e.outcome, to_json(e.due_at)#>>'{}' as due_at,
           e.audit_action, e.before, e.after,
           fs.name as from_stage, fs.kind as from_kind, ts.name as to_stage, ts.kind as to_kind,
           lr.label as loss_reason, ob.name as owner_before, oa.name as owner_after
      from events e
      left join users u on u.id = e.actor_id
      left join pipeline_stages fs on fs.org_id = ${org} and fs.id = e.from_stage_id
      left join pipeline_stages ts on ts.org_id = ${org} and ts.id = e.to_stage_id
      left join loss_reasons lr on lr.org_id = ${org} and lr.id = e.loss_reason_id
      left join users ob on e.audit_action = 'update' and ob.id = ${guardUuid(sql`e.before->>'ownerId'`)}
      left join users oa on e.audit_action = 'update' and oa.id = ${guardUuid(sql`e.after->>'ownerId'`)}
     where ${cursor ? sql`(e.at, e.key) < (${cursor.at}::timestamptz, ${cursor.key})` : sql`true`}
     order by e.at desc, e.key desc
     limit ${limit + 1}
  `)) as unknown as Row[];

  const page = rows.slice(0, limit);
  const entries = page.map(toEntry).filter((e): e is TimelineEntry => e !== null);
  return { entries, nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1]!) : null };
}

function toEntry(r: Row): TimelineEntry | null {
  const base = { key: r.key, at: new Date(r.at), actor: { id: r.actor_id, name: r.actor_name } };
  if (r.source === "action") {
    return {
      ...base,
      kind: "action",
      actionType: r.action_type!,
      details: r.details ?? "",
      outcome: r.outcome,
      dueAt: new Date(r.due_at!),
    };
  }
  if (r.source === "stage") {
    const to = r.to_stage ?? "?";
    if (r.from_stage === null) return { ...base, kind: "created", stage: to };
    if (r.to_kind === "won") return { ...base, kind: "won", from: r.from_stage };
    if (r.to_kind === "lost") return { ...base, kind: "lost", from: r.from_stage, lossReason: r.loss_reason };
    if (r.from_kind !== "open") return { ...base, kind: "reopened", from: r.from_stage, to };
    return { ...base, kind: "moved", from: r.from_stage, to };
  }
  switch (r.audit_action) {
    case "update":
      return { ...base, kind: "edited", changes: fieldChanges(r) };
    case "snooze": {
      const date = (v: unknown) => (typeof v === "string" && !Number.isNaN(Date.parse(v)) ? new Date(v) : null);
      const reason = typeof r.after?.reason === "string" ? r.after.reason : null;
      return {
        ...base,
        kind: "snoozed",
        actionType: r.action_type,
        details: r.details,
        from: date(r.before?.dueAt),
        to: date(r.after?.dueAt),
        reason,
      };
    }
    case "delete":
      return { ...base, kind: "deleted" };
    case "restore":
      return { ...base, kind: "restored" };
    default:
      return null;
  }
}

function fieldChanges(r: Row): FieldChange[] {
  const value = (v: unknown) => (typeof v === "string" || typeof v === "number" ? v : null);
  return EDITED_FIELDS.filter((f) => r.after && f in r.after).map((field) =>
    field === "ownerId"
      ? { field, before: r.owner_before, after: r.owner_after }
      : { field, before: value(r.before?.[field]), after: value(r.after?.[field]) },
  );
}

export type StageTime = {
  stageId: string;
  name: string;
  kind: "open" | "won" | "lost";
  /** Total seconds over every stay; the current stay counts up to now. */
  seconds: number;
  stays: number;
  current: boolean;
  lastEnteredAt: Date;
};

/** Time spent in each stage the deal has been in, in pipeline order (summed by PostgreSQL). */
export async function getTimeInStages(ctx: TenantContext, { dealId }: DealIdParams): Promise<StageTime[]> {
  await assertVisibleDeal(ctx, { dealId });
  return ctx.db
    .select({
      stageId: pipelineStages.id,
      name: pipelineStages.name,
      kind: pipelineStages.kind,
      seconds: sql<number>`extract(epoch from sum(coalesce(${dealStageHistory.exitedAt}, now()) - ${dealStageHistory.enteredAt}))`.mapWith(
        Number,
      ),
      stays: sql<number>`count(*)`.mapWith(Number),
      current: sql<boolean>`bool_or(${dealStageHistory.exitedAt} is null)`,
      lastEnteredAt: sql<Date>`max(${dealStageHistory.enteredAt})`.mapWith((v: string) => new Date(v)),
    })
    .from(dealStageHistory)
    .innerJoin(pipelineStages, and(eq(pipelineStages.orgId, dealStageHistory.orgId), eq(pipelineStages.id, dealStageHistory.stageId)))
    .where(and(eq(dealStageHistory.orgId, ctx.orgId), eq(dealStageHistory.dealId, dealId)))
    .groupBy(pipelineStages.id, pipelineStages.name, pipelineStages.kind, pipelineStages.position)
    .orderBy(sql`case ${pipelineStages.kind} when 'open' then 0 when 'won' then 1 else 2 end`, asc(pipelineStages.position));
}
