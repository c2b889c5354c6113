import { weightedValue } from "@/lib/deals/rules";
import { formatMoney } from "@/lib/money";

import type { ColumnView, Items, TotalView } from "./board-types";

/**
 * Pure board state transitions: the drag bookkeeping (which column holds which card while
 * dragging) and the optimistic updates applied before the server answers. Rolled back for free:
 * useOptimistic drops them when the action's transition ends, and the server's board takes over.
 */

export function itemsOf(columns: ColumnView[]): Items {
  return Object.fromEntries(columns.map((c) => [c.id, c.cards.map((card) => card.id)]));
}

/** The column an id belongs to: a column id is its own column, a card id the column that lists it. */
export function columnOf(items: Items, id: string): string | undefined {
  if (id in items) return id;
  return Object.keys(items).find((columnId) => items[columnId]!.includes(id));
}

/**
 * While dragging over another column, move the card there (so the column opens a gap for it):
 * over a column's empty space it goes last; over a card, before it, or after it when `below`.
 * Returns the same object when nothing changes.
 */
export function moveAcross(items: Items, activeId: string, overId: string, below: boolean): Items {
  const from = columnOf(items, activeId);
  const to = columnOf(items, overId);
  if (!from || !to || from === to) return items;
  const target = items[to]!;
  const overIndex = target.indexOf(overId);
  const index = overIndex === -1 ? target.length : overIndex + (below ? 1 : 0);
  return {
    ...items,
    [from]: items[from]!.filter((id) => id !== activeId),
    [to]: [...target.slice(0, index), activeId, ...target.slice(index)],
  };
}

/** The final arrangement when the card is dropped over `overId` (a card or a column). */
export function dropInto(items: Items, activeId: string, overId: string): { columnId: string; ids: string[] } | null {
  const column = columnOf(items, activeId);
  if (!column || columnOf(items, overId) !== column) return null;
  const ids = items[column]!;
  const from = ids.indexOf(activeId);
  const to = overId === column ? ids.length - 1 : ids.indexOf(overId);
  if (from === to || to === -1) return { columnId: column, ids };
  const next = ids.filter((id) => id !== activeId);
  next.splice(to, 0, activeId);
  return { columnId: column, ids: next };
}

/**
 * The neighbours the server positions the card between. Dropped last in a capped column, the lower
 * neighbour is the first hidden deal, so the card stays where the user put it instead of jumping
 * below every hidden one.
 */
export function neighboursOf(ids: string[], dealId: string, nextHiddenId: string | null) {
  const index = ids.indexOf(dealId);
  return { beforeId: ids[index - 1] ?? null, afterId: ids[index + 1] ?? nextHiddenId ?? null };
}

export function cardLocation(columns: ColumnView[], dealId: string): { columnId: string; index: number } | null {
  for (const column of columns) {
    const index = column.cards.findIndex((c) => c.id === dealId);
    if (index !== -1) return { columnId: column.id, index };
  }
  return null;
}

export type BoardChange = { type: "move"; dealId: string; toColumnId: string; index: number } | { type: "remove"; dealId: string };

/** Applies a drop before the server confirms it: the card moves and both columns' count and totals follow. */
export function applyChange(columns: ColumnView[], change: BoardChange, locale: string): ColumnView[] {
  const from = cardLocation(columns, change.dealId);
  if (!from) return columns;
  const fromColumn = columns.find((c) => c.id === from.columnId)!;
  const card = fromColumn.cards[from.index]!;
  if (change.type === "move" && change.toColumnId === from.columnId) {
    const cards = fromColumn.cards.filter((c) => c.id !== card.id);
    cards.splice(change.index, 0, card);
    return columns.map((c) => (c.id === from.columnId ? { ...c, cards } : c));
  }
  const to = change.type === "move" ? columns.find((c) => c.id === change.toColumnId) : undefined;
  if (change.type === "move" && !to) return columns;
  return columns.map((c) => {
    if (c.id === from.columnId) {
      const count = c.count - 1;
      return {
        ...c,
        count,
        cards: c.cards.filter((x) => x.id !== card.id),
        totals: count === 0 ? [] : adjustTotals(c.totals, card.currency, -card.valueMinor, -card.weightedMinor, locale),
      };
    }
    if (to && c.id === to.id && change.type === "move") {
      // Entering an open stage resets the deal to the stage's probability (probabilityOnStageChange).
      const moved = { ...card, weightedMinor: weightedValue(card.valueMinor, c.probability) };
      const cards = c.cards.slice();
      cards.splice(change.index, 0, moved);
      return {
        ...c,
        count: c.count + 1,
        cards,
        totals: adjustTotals(c.totals, card.currency, card.valueMinor, moved.weightedMinor, locale),
      };
    }
    return c;
  });
}

/** Adds (or, negative, removes) one card's value and weighted value in its currency's total. */
function adjustTotals(totals: TotalView[], currency: string, value: number, weighted: number, locale: string): TotalView[] {
  const existing = totals.find((t) => t.currency === currency);
  if (!existing) return [...totals, totalView(currency, value, weighted, locale)];
  return totals.map((t) => (t === existing ? totalView(currency, t.totalMinor + value, t.weightedMinor + weighted, locale) : t));
}

export function totalView(currency: string, totalMinor: number, weightedMinor: number, locale: string): TotalView {
  return {
    currency,
    totalMinor,
    weightedMinor,
    totalLabel: formatMoney(totalMinor, currency, locale),
    weightedLabel: formatMoney(weightedMinor, currency, locale),
  };
}
