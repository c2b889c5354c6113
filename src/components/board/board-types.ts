import type { DueState } from "@/lib/deals/rules";
import type { ActionType } from "@/lib/schemas/deals";

/**
 * What the board's client components receive. Labels (money, dates) are formatted on the server in
 * the org's locale and time zone, so the first client render matches the HTML exactly; only totals
 * changed by an optimistic move are re-formatted in the browser.
 */
export type CardView = {
  id: string;
  title: string;
  contactName: string;
  href: string;
  valueMinor: number;
  /** value × the deal's own probability, as the database computes it. */
  weightedMinor: number;
  currency: string;
  valueLabel: string;
  ownerName: string;
  ownerInitials: string;
  action: { type: ActionType; typeLabel: string; details: string } | null;
  due: DueState | null;
  dueLabel: string;
  dueTitle: string;
  stale: boolean;
  staleLabel: string;
  staleTitle: string;
};

export type TotalView = { currency: string; totalMinor: number; weightedMinor: number; totalLabel: string; weightedLabel: string };

export type ColumnView = {
  id: string;
  name: string;
  probability: number;
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
