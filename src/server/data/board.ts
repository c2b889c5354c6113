import "server-only";

import { and, asc, eq, isNull, sql } from "drizzle-orm";

import { actions, deals, pipelineStages, users } from "@/db/schema";
import { dayBounds } from "@/lib/dates/zoned";
import type { StageKind } from "@/lib/deals/pipeline-defaults";
import { daysSince, type DueState, dueState, isStale } from "@/lib/deals/rules";
import type { ActionType } from "@/lib/schemas/deals";
import type { TenantContext } from "@/server/tenant";
import { versionedCache, viewerScope } from "@/server/versioned-cache";

import { visibleDeals } from "./deal-scope";

/** Cards per column: beyond it the column shows "+ N more", linking to the deals list. */
export const BOARD_COLUMN_LIMIT = 20;

export type BoardTotal = { currency: string; totalMinor: number; weightedMinor: number };

export type BoardCard = {
  id: string;
  title: string;
  contactName: string;
  valueMinor: number;
  currency: string;
  probability: number;
  ownerId: string;
  ownerName: string;
  position: number;
  /** The one pending next action (null only if the invariant was broken outside the app). */
  action: { type: ActionType; dueAt: Date; details: string } | null;
  due: DueState | null;
  /** Last completed action, or creation when nothing was completed yet: the staleness clock. */
  activitySince: Date;
  idleDays: number;
  stale: boolean;
};

export type BoardColumn = {
  id: string;
  name: string;
  probability: number;
  staleAfterDays: number;
  count: number;
  /** One entry per currency (the org's first); empty when the column has no deals. */
  totals: BoardTotal[];
  cards: BoardCard[];
  /** Deals in the column beyond the cap. */
  hidden: number;
  /** The first deal beyond the cap: the lower neighbour when a card is dropped at the end of a full column. */
  nextHiddenId: string | null;
};

export type Board = {
  columns: BoardColumn[];
  won: { id: string; name: string };
  lost: { id: string; name: string };
  ownerId: string | null;
  now: Date;
};

export type GetBoardParams = {
  /** Managers and admins: only this person's deals. Reps always see only their own (visibleDeals). */
  ownerId?: string | null;
  limit?: number;
  now?: Date;
};

/**
 * The Kanban board: every stage of the org with, for open stages, the aggregate (count, total,
 * weighted total per currency) and the first `limit` cards in Kanban order. Two queries in
 * parallel: one GROUP BY for the aggregates, one LATERAL top-N per stage for the cards, both on the
 * (org, [owner,] stage, position) indexes.
 */
export async function getBoard(ctx: TenantContext, options: GetBoardParams = {}): Promise<Board> {
  const limit = options.limit ?? BOARD_COLUMN_LIMIT;
  const now = options.now ?? new Date();
  const ownerId = options.ownerId ?? null;
  const [rows, aggregates] = await Promise.all([stagesWithTopCards(ctx, ownerId, limit), columnAggregates(ctx, ownerId)]);

  const dayEnd = dayBounds(now, ctx.org.timeZone).end;
  const columns = new Map<string, BoardColumn>();
  const closing: Partial<Record<"won" | "lost", { id: string; name: string }>> = {};
  const overflow = new Map<string, string>();

  for (const row of rows) {
    if (row.kind !== "open") {
      closing[row.kind] = { id: row.stageId, name: row.stageName };
      continue;
    }
    let column = columns.get(row.stageId);
    if (!column) {
      column = {
        id: row.stageId,
        name: row.stageName,
        probability: row.stageProbability,
        staleAfterDays: row.staleAfterDays,
        count: 0,
        totals: [],
        cards: [],
        hidden: 0,
        nextHiddenId: null,
      };
      columns.set(row.stageId, column);
    }
    if (!row.card) continue;
    if (column.cards.length === limit) {
      overflow.set(row.stageId, row.card.id); // the (limit + 1)th row only tells us what comes next
      continue;
    }
    const c = row.card;
    const activitySince = c.lastActivityAt ?? c.createdAt;
    column.cards.push({
      id: c.id,
      title: c.title,
      contactName: c.contactName,
      valueMinor: c.valueMinor,
      currency: c.currency,
      probability: c.probability,
      ownerId: c.ownerId,
      ownerName: c.ownerName,
      position: c.position,
      action: c.actionType && c.actionDueAt ? { type: c.actionType, dueAt: c.actionDueAt, details: c.actionDetails ?? "" } : null,
      due: c.actionDueAt ? dueState(c.actionDueAt, now, dayEnd) : null,
      activitySince,
      idleDays: daysSince(activitySince, now),
      stale: isStale({ lastActivityAt: c.lastActivityAt, createdAt: c.createdAt }, row.staleAfterDays, now),
    });
  }

  for (const agg of aggregates) {
    const column = columns.get(agg.stageId);
    if (!column) continue;
    column.count += agg.count;
    column.totals.push({ currency: agg.currency, totalMinor: agg.totalMinor, weightedMinor: agg.weightedMinor });
  }
  for (const column of columns.values()) {
    // The org's currency first, then the others alphabetically (imports can bring foreign ones).
    column.totals.sort(
      (x, y) => Number(y.currency === ctx.org.currency) - Number(x.currency === ctx.org.currency) || x.currency.localeCompare(y.currency),
    );
    column.hidden = Math.max(0, column.count - column.cards.length);
    column.nextHiddenId = overflow.get(column.id) ?? null;
  }

  if (!closing.won || !closing.lost) throw new Error(`Organization ${ctx.orgId} has no won or lost stage`);
  return { columns: [...columns.values()], won: closing.won, lost: closing.lost, ownerId, now };
}

type StageRow = {
  stageId: string;
  stageName: string;
  stageProbability: number;
  staleAfterDays: number;
  kind: StageKind;
  card: {
    id: string;
    title: string;
    contactName: string;
    valueMinor: number;
    currency: string;
    probability: number;
    ownerId: string;
    ownerName: string;
    position: number;
    createdAt: Date;
    lastActivityAt: Date | null;
    actionType: ActionType | null;
    actionDueAt: Date | null;
    actionDetails: string | null;
  } | null;
};

/** Every stage in board order, each followed by its first limit + 1 visible cards (LEFT JOIN LATERAL … LIMIT). */
async function stagesWithTopCards(ctx: TenantContext, ownerId: string | null, limit: number): Promise<StageRow[]> {
  const card = ctx.db
    .select({
      id: deals.id,
      title: deals.title,
      contactName: deals.contactName,
      valueMinor: deals.valueMinor,
      currency: deals.currency,
      probability: deals.probability,
      ownerId: deals.ownerId,
      ownerName: sql<string>`${users.name}`.as("owner_name"),
      position: deals.position,
      createdAt: deals.createdAt,
      lastActivityAt: deals.lastActivityAt,
      actionType: sql<ActionType | null>`${actions.type}`.as("action_type"),
      actionDueAt: sql<Date | null>`${actions.dueAt}`.mapWith(actions.dueAt).as("action_due_at"),
      actionDetails: sql<string | null>`${actions.details}`.as("action_details"),
    })
    .from(deals)
    .innerJoin(users, eq(users.id, deals.ownerId))
    .leftJoin(actions, and(eq(actions.orgId, deals.orgId), eq(actions.dealId, deals.id), isNull(actions.completedAt)))
    .where(
      and(
        visibleDeals(ctx),
        ownerId ? eq(deals.ownerId, ownerId) : undefined,
        eq(deals.stageId, pipelineStages.id),
        // Won and lost stages get a row (for the drop zones) but no cards.
        sql`${pipelineStages.kind} = 'open'`,
      ),
    )
    .orderBy(asc(deals.position), asc(deals.id))
    .limit(limit + 1)
    .as("card");

  const rows = await ctx.db
    .select({
      stageId: pipelineStages.id,
      stageName: pipelineStages.name,
      stageProbability: pipelineStages.probability,
      staleAfterDays: pipelineStages.staleAfterDays,
      kind: pipelineStages.kind,
      cardId: card.id,
      title: card.title,
      contactName: card.contactName,
      valueMinor: card.valueMinor,
      currency: card.currency,
      probability: card.probability,
      ownerId: card.ownerId,
      ownerName: card.ownerName,
      position: card.position,
      createdAt: card.createdAt,
      lastActivityAt: card.lastActivityAt,
      actionType: card.actionType,
      actionDueAt: card.actionDueAt,
      actionDetails: card.actionDetails,
    })
    .from(pipelineStages)
    .leftJoinLateral(card, sql`true`)
    .where(eq(pipelineStages.orgId, ctx.orgId))
    .orderBy(asc(pipelineStages.position), asc(card.position), asc(card.id));

  return rows.map(({ stageId, stageName, stageProbability, staleAfterDays, kind, cardId, ...c }) => ({
    stageId,
    stageName,
    stageProbability,
    staleAfterDays,
    kind,
    card: cardId
      ? {
          ...c,
          id: cardId,
          title: c.title!,
          contactName: c.contactName!,
          valueMinor: c.valueMinor!,
          currency: c.currency!,
          probability: c.probability!,
          ownerId: c.ownerId!,
          ownerName: c.ownerName!,
          position: c.position!,
          createdAt: c.createdAt!,
        }
      : null,
  }));
}

/** Count, total and weighted total per open stage and currency: SQL does the sums, never a loop over deals. */
type ColumnAggregate = { stageId: string; currency: string; count: number; totalMinor: number; weightedMinor: number };

/**
 * A lead's whole-org board aggregates every open deal (≈ 35 ms of database CPU at 60 000 open
 * deals) on each load: kept per viewer scope and owner filter until the org's data changes.
 */
const aggregatesCache = versionedCache<ColumnAggregate[]>("board-aggregates", { ttlMs: 60_000, maxEntries: 1000 });

function columnAggregates(ctx: TenantContext, ownerId: string | null): Promise<ColumnAggregate[]> {
  return aggregatesCache.get(ctx, [viewerScope(ctx), ownerId], () => selectColumnAggregates(ctx, ownerId));
}

function selectColumnAggregates(ctx: TenantContext, ownerId: string | null) {
  return ctx.db
    .select({
      stageId: deals.stageId,
      currency: deals.currency,
      count: sql<number>`count(*)`.mapWith(Number),
      totalMinor: sql<number>`coalesce(sum(${deals.valueMinor}), 0)`.mapWith(Number),
      weightedMinor: sql<number>`coalesce(sum(${deals.weightedMinor}), 0)`.mapWith(Number),
    })
    .from(deals)
    .where(and(visibleDeals(ctx), ownerId ? eq(deals.ownerId, ownerId) : undefined, eq(deals.status, "open")))
    .groupBy(deals.stageId, deals.currency);
}

/**
 * Visible deals per stage (open, won and lost; not deleted) for the pipeline settings, so an admin
 * sees which stages are in use before trying to remove one (reps see their own counts).
 */
export async function countDealsPerStage(ctx: TenantContext): Promise<Map<string, number>> {
  const rows = await ctx.db
    .select({ stageId: deals.stageId, n: sql<number>`count(*)`.mapWith(Number) })
    .from(deals)
    .where(visibleDeals(ctx))
    .groupBy(deals.stageId);
  return new Map(rows.map((r) => [r.stageId, r.n]));
}
