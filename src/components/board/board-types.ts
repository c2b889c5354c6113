import type { DueState } from "@/lib/deals/rules";
import type { ActionType } from "@/lib/schemas/deals";

/**
 * What the board's client components receive. Labels that need Intl (money, dates) are formatted
 * on the server in the org's locale and time zone, so the first client render matches the HTML;
 * only totals changed by an optimistic move are re-formatted in the browser. Anything derivable
 * (links, initials, stale wording) is derived on the client: a full column of cards (BOARD_COLUMN_LIMIT) travels in
 * the RSC payload, so every field counts.
 */
export type CardView = {
  id: string;
  title: string;
  contactName: string;
  valueMinor: number;
  /** value × the deal's own probability, as the database computes it. */
  weightedMinor: number;
  currency: string;
  valueLabel: string;
  /** Left out when the board shows one person's deals: their name on every card would say nothing. */
  ownerName?: string;
  actionType: ActionType | null;
  due: DueState | null;
  dueLabel: string;
  /** Tooltip: the exact due time and what the step is. */
  dueTitle: string;
  /** Days since the last completed action, when that makes the deal stale; otherwise null. */
  staleDays: number | null;
};

export type TotalView = { currency: string; totalMinor: number; weightedMinor: number; totalLabel: string; weightedLabel: string };

export type ColumnView = {
  id: string;
  name: string;
  probability: number;
  staleAfterDays: number;
  count: number;
  totals: TotalView[];
  cards: CardView[];
  hidden: number;
  nextHiddenId: string | null;
  moreHref: string;
};

export type ClosingStage = { id: string; name: string };

/** Card ids per column, in display order: the shape dnd-kit's sortable lists work on while dragging. */
export type Items = Record<string, string[]>;
