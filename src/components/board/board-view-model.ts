import { formatDateTime, formatTime } from "@/lib/dates/format";
import { describeDue } from "@/lib/dates/relative";
import { weightedValue } from "@/lib/deals/rules";
import { formatMoney } from "@/lib/money";
import { ACTION_TYPE_LABELS } from "@/lib/schemas/deals";
import { UI_LANGUAGE } from "@/lib/ui-language";
import type { Board, BoardCard } from "@/server/data/board";

import { totalView } from "./board-state";
import type { CardView, ColumnView } from "./board-types";

type OrgFormat = { slug: string; locale: string; timeZone: string };

/**
 * Server-side: turns the board data into what the client renders, with every label formatted in
 * the org's locale and time zone (never the browser's or the server's). `showOwner`: the cards
 * carry their owner's name (a board of several people's deals); otherwise they leave it out.
 */
export function toBoardView(board: Board, org: OrgFormat, { showOwner }: { showOwner: boolean }): { columns: ColumnView[] } {
  const ownerQuery = board.ownerId ? `&owner=${board.ownerId}` : "";
  return {
    columns: board.columns.map((column) => ({
      id: column.id,
      name: column.name,
      probability: column.probability,
      staleAfterDays: column.staleAfterDays,
      count: column.count,
      totals: column.totals.map((t) => totalView(t.currency, t.totalMinor, t.weightedMinor, org.locale)),
      cards: column.cards.map((card) => toCardView(card, board.now, org, showOwner)),
      hidden: column.hidden,
      nextHiddenId: column.nextHiddenId,
      moreHref: `/${org.slug}/deals?stage=${column.id}${ownerQuery}`,
    })),
  };
}

export function toCardView(card: BoardCard, now: Date, org: OrgFormat, showOwner = true): CardView {
  const due = card.action?.dueAt;
  return {
    id: card.id,
    title: card.title,
    contactName: card.contactName,
    valueMinor: card.valueMinor,
    weightedMinor: weightedValue(card.valueMinor, card.probability),
    currency: card.currency,
    valueLabel: formatMoney(card.valueMinor, card.currency, org.locale),
    // Absent rather than null: the key itself would travel once per card.
    ...(showOwner ? { ownerName: card.ownerName } : {}),
    actionType: card.action?.type ?? null,
    due: card.due,
    dueLabel: dueLabel(card, now, org),
    dueTitle:
      due && card.action
        ? `${ACTION_TYPE_LABELS[card.action.type]} due ${formatDateTime(due, org.locale, org.timeZone)}: ${card.action.details}`
        : "This deal has no pending next step",
    staleDays: card.stale ? card.idleDays : null,
  };
}

/**
 * The badge text. Times and dates follow the org's locale; the relative phrase is the one every
 * page uses (describeDue), in the UI's language.
 */
function dueLabel(card: BoardCard, now: Date, { locale, timeZone }: OrgFormat): string {
  const due = card.action?.dueAt;
  if (!due) return "No next step";
  const relative = describeDue(due, now, { language: UI_LANGUAGE, timeZone }).text;
  if (card.due === "overdue") return `Overdue · ${relative}`;
  if (card.due === "today") return `Today ${formatTime(due, locale, timeZone)}`;
  return relative;
}
