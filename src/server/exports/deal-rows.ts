import "server-only";

import { sql } from "drizzle-orm";

import { actions, deals, lossReasons, pipelineStages, users } from "@/db/schema";
import type { DealFilters } from "@/lib/schemas/deal-filters";
import { ACTION_TYPE_LABELS, type ActionType } from "@/lib/schemas/deals";
import { withDealListQuery } from "@/server/data/deal-list-sql";
import type { TenantContext } from "@/server/tenant";

import { cursorBatches, isoDay, wallMinute } from "./cursor";
import { type ExportTable, zonedHeader } from "./table";

export type DealExportRow = {
  id: string;
  title: string;
  contact: string;
  owner: string;
  stage: string;
  status: "open" | "won" | "lost";
  value_minor: string;
  weighted_minor: string;
  currency: string;
  probability: number;
  sector: string | null;
  source: string | null;
  expected_close: string | null;
  next_type: ActionType | null;
  next_due: string | null;
  next_details: string | null;
  last_activity: string | null;
  created: string;
  closed: string | null;
  loss_reason: string | null;
};

const STATUS_LABELS = { open: "Open", won: "Won", lost: "Lost" } as const;

/**
 * The deals list's query — same scope (org first, not deleted, reps their own), same filters and
 * same order, via withDealListQuery — with every column worth exporting, and no paging. Each column
 * is aliased because the rows are read raw from the cursor, where two "name" columns would collide.
 */
export function dealExportQuery(ctx: TenantContext, filters: DealFilters, now: Date) {
  const tz = ctx.org.timeZone;
  const qb = ctx.db
    .select({
      id: sql`${deals.id}`.as("id"),
      title: sql`${deals.title}`.as("title"),
      contact: sql`${deals.contactName}`.as("contact"),
      owner: sql`${users.name}`.as("owner"),
      stage: sql`${pipelineStages.name}`.as("stage"),
      status: sql`${deals.status}`.as("status"),
      valueMinor: sql`${deals.valueMinor}`.as("value_minor"),
      weightedMinor: sql`${deals.weightedMinor}`.as("weighted_minor"),
      currency: sql`${deals.currency}`.as("currency"),
      probability: sql`${deals.probability}`.as("probability"),
      sector: sql`${deals.sector}`.as("sector"),
      source: sql`${deals.source}`.as("source"),
      expectedClose: isoDay(deals.expectedCloseDate).as("expected_close"),
      nextType: sql`${actions.type}`.as("next_type"),
      nextDue: wallMinute(actions.dueAt, tz).as("next_due"),
      nextDetails: sql`${actions.details}`.as("next_details"),
      lastActivity: wallMinute(deals.lastActivityAt, tz).as("last_activity"),
      created: wallMinute(deals.createdAt, tz).as("created"),
      closed: wallMinute(deals.closedAt, tz).as("closed"),
      // Only lost deals have a reason: the probe runs for those rows alone.
      lossReason: sql`case when ${deals.lossReasonId} is not null then (
        select ${lossReasons.label} from ${lossReasons}
        where ${lossReasons.orgId} = ${deals.orgId} and ${lossReasons.id} = ${deals.lossReasonId}) end`.as("loss_reason"),
    })
    .from(deals)
    .$dynamic();
  return withDealListQuery(qb, ctx, filters, now);
}

export function dealExportTable(ctx: TenantContext, filters: DealFilters, now: Date = new Date()): ExportTable<DealExportRow> {
  const tz = ctx.org.timeZone;
  const query = dealExportQuery(ctx, filters, now).toSQL();
  return {
    sheet: "Deals",
    open: () => cursorBatches<DealExportRow>(query),
    columns: [
      { header: "Title", kind: "text", width: 36, value: (r) => r.title },
      { header: "Contact", kind: "text", width: 28, value: (r) => r.contact },
      { header: "Owner", kind: "text", width: 20, value: (r) => r.owner },
      { header: "Stage", kind: "text", width: 14, value: (r) => r.stage },
      { header: "Status", kind: "text", width: 8, value: (r) => STATUS_LABELS[r.status] },
      { header: "Value", kind: "money", width: 16, value: (r) => r.value_minor, currency: (r) => r.currency },
      { header: "Weighted value", kind: "money", width: 16, value: (r) => r.weighted_minor, currency: (r) => r.currency },
      { header: "Currency", kind: "text", width: 9, value: (r) => r.currency },
      { header: "Probability", kind: "percent", width: 12, value: (r) => r.probability / 100 },
      { header: "Sector", kind: "text", width: 18, value: (r) => r.sector },
      { header: "Source", kind: "text", width: 16, value: (r) => r.source },
      { header: "Expected close", kind: "date", width: 14, value: (r) => r.expected_close },
      { header: "Next action", kind: "text", width: 11, value: (r) => (r.next_type ? ACTION_TYPE_LABELS[r.next_type] : null) },
      { header: zonedHeader("Next action due", tz), kind: "datetime", width: 18, value: (r) => r.next_due },
      { header: "Next action details", kind: "text", width: 40, value: (r) => r.next_details },
      { header: zonedHeader("Last activity", tz), kind: "datetime", width: 18, value: (r) => r.last_activity },
      { header: zonedHeader("Created", tz), kind: "datetime", width: 18, value: (r) => r.created },
      { header: zonedHeader("Closed", tz), kind: "datetime", width: 18, value: (r) => r.closed },
      { header: "Loss reason", kind: "text", width: 20, value: (r) => r.loss_reason },
      { header: "Deal ID", kind: "text", width: 38, value: (r) => r.id },
    ],
  };
}
