import "server-only";

import { and, asc, eq, gte, isNotNull, isNull, lt, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";

import { actions, deals, pipelineStages, users } from "@/db/schema";
import { shiftDate, startOfDayIn } from "@/lib/kpi/period";
import { ACTION_TYPE_LABELS, type ActionType } from "@/lib/schemas/deals";
import type { ActionExportFilters } from "@/lib/schemas/export-params";
import { visibleDeals } from "@/server/data/deal-scope";
import type { TenantContext } from "@/server/tenant";

import { cursorBatches, wallMinute } from "./cursor";
import { type ExportTable, zonedHeader } from "./table";

export type ActionExportRow = {
  id: string;
  state: "done" | "overdue" | "pending";
  type: ActionType;
  details: string;
  owner: string;
  due: string;
  completed: string | null;
  completed_by: string | null;
  outcome: string | null;
  deal_id: string;
  deal: string;
  contact: string;
  stage: string;
  deal_owner: string;
};

const STATE_LABELS = { done: "Done", overdue: "Overdue", pending: "Pending" } as const;

/** [from 00:00, the day after `to` 00:00) in the org's zone; either end may be open. */
function within(column: typeof actions.dueAt | typeof actions.completedAt, f: ActionExportFilters, timeZone: string): SQL | undefined {
  return and(
    f.from ? gte(column, startOfDayIn(f.from, timeZone)) : undefined,
    f.to ? lt(column, startOfDayIn(shiftDate(f.to, 1), timeZone)) : undefined,
  );
}

/**
 * Next steps of the deals the actor can see (org first, then visibleDeals: not deleted, reps only
 * their own deals), pending and/or completed. The date range reads the due time of a pending action
 * and the completion time of a completed one — "what was planned for, or done in, those days" —
 * and the rows come in that order. Pending-only exports walk actions_org_pending_due_idx.
 */
export function actionExportQuery(ctx: TenantContext, f: ActionExportFilters, now: Date) {
  const tz = ctx.org.timeZone;
  const owner = alias(users, "action_owner");
  const dealOwner = alias(users, "deal_owner");
  const completer = alias(users, "completer");
  const pending = and(isNull(actions.completedAt), within(actions.dueAt, f, tz));
  const completed = and(isNotNull(actions.completedAt), within(actions.completedAt, f, tz));
  const byStatus = f.status === "pending" ? pending : f.status === "completed" ? completed : or(pending, completed);
  return ctx.db
    .select({
      id: sql`${actions.id}`.as("id"),
      state: sql`case when ${actions.completedAt} is not null then 'done'
        when ${actions.dueAt} < ${now.toISOString()}::timestamptz then 'overdue' else 'pending' end`.as("state"),
      type: sql`${actions.type}`.as("type"),
      details: sql`${actions.details}`.as("details"),
      owner: sql`${owner.name}`.as("owner"),
      due: wallMinute(actions.dueAt, tz).as("due"),
      completed: wallMinute(actions.completedAt, tz).as("completed"),
      completedBy: sql`${completer.name}`.as("completed_by"),
      outcome: sql`${actions.outcome}`.as("outcome"),
      dealId: sql`${deals.id}`.as("deal_id"),
      deal: sql`${deals.title}`.as("deal"),
      contact: sql`${deals.contactName}`.as("contact"),
      stage: sql`${pipelineStages.name}`.as("stage"),
      dealOwner: sql`${dealOwner.name}`.as("deal_owner"),
    })
    .from(actions)
    .innerJoin(deals, and(eq(deals.orgId, actions.orgId), eq(deals.id, actions.dealId)))
    .innerJoin(pipelineStages, and(eq(pipelineStages.orgId, deals.orgId), eq(pipelineStages.id, deals.stageId)))
    .innerJoin(owner, eq(owner.id, actions.ownerId))
    .innerJoin(dealOwner, eq(dealOwner.id, deals.ownerId))
    .leftJoin(completer, eq(completer.id, actions.completedBy))
    .where(and(eq(actions.orgId, ctx.orgId), visibleDeals(ctx), byStatus, f.ownerId ? eq(actions.ownerId, f.ownerId) : undefined))
    .orderBy(sql`coalesce(${actions.completedAt}, ${actions.dueAt})`, asc(actions.id));
}

export function actionExportTable(ctx: TenantContext, f: ActionExportFilters, now: Date = new Date()): ExportTable<ActionExportRow> {
  const tz = ctx.org.timeZone;
  const query = actionExportQuery(ctx, f, now).toSQL();
  return {
    sheet: "Actions",
    open: () => cursorBatches<ActionExportRow>(query),
    columns: [
      { header: zonedHeader("Due", tz), kind: "datetime", width: 18, value: (r) => r.due },
      { header: "Status", kind: "text", width: 10, value: (r) => STATE_LABELS[r.state] },
      { header: "Type", kind: "text", width: 9, value: (r) => ACTION_TYPE_LABELS[r.type] },
      { header: "Details", kind: "text", width: 40, value: (r) => r.details },
      { header: "Owner", kind: "text", width: 20, value: (r) => r.owner },
      { header: zonedHeader("Completed", tz), kind: "datetime", width: 18, value: (r) => r.completed },
      { header: "Completed by", kind: "text", width: 20, value: (r) => r.completed_by },
      { header: "Outcome", kind: "text", width: 40, value: (r) => r.outcome },
      { header: "Deal", kind: "text", width: 32, value: (r) => r.deal },
      { header: "Contact", kind: "text", width: 26, value: (r) => r.contact },
      { header: "Stage", kind: "text", width: 14, value: (r) => r.stage },
      { header: "Deal owner", kind: "text", width: 20, value: (r) => r.deal_owner },
      { header: "Deal ID", kind: "text", width: 38, value: (r) => r.deal_id },
      { header: "Action ID", kind: "text", width: 38, value: (r) => r.id },
    ],
  };
}
