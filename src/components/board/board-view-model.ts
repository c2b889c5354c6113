import { formatDateTime, formatDueDistance, formatTime } from "@/lib/dates/format";
import { weightedValue } from "@/lib/deals/rules";
import { formatMoney } from "@/lib/money";
import { ACTION_TYPE_LABELS } from "@/lib/schemas/deals";
import type { Board, BoardCard } from "@/server/data/board";
import { totalView } from "./board-state";
import type { CardView, ColumnView } from "./board-types";

type OrgFormat = { slug: string; locale: string; timeZone: string };

const UI_LANGUAGE = "en";

/**
 * Server-side: turns the board data into what the client renders, with every label formatted in
 * the org's locale and time zone (never the browser's or the server's).
 */
export function toBoardView(board: Board, org: OrgFormat): { columns: ColumnView[] } {
  const ownerQuery = board.ownerId ? `&owner=${board.ownerId}` : "";
  return {
    columns: board.columns.map((column) => ({
      id: column.id,
      name: column.name,
      probability: column.probability,
      count: column.count,
      totals: column.totals.map((t) => totalView(t.currency, t.totalMinor, t.weightedMinor, org.locale)),
      cards: column.cards.map((card) => toCardView(card, column.staleAfterDays, board.now, org)),
      hidden: column.hidden,
      nextHiddenId: column.nextHiddenId,
      moreHref: `/${org.slug}/deals?stage=${column.id}${ownerQuery}`,
    })),
  };
}

export function toCardView(card: BoardCard, staleAfterDays: number, now: Date, org: OrgFormat): CardView {
  const { locale, timeZone } = org;
  const due = card.action?.dueAt;
  return {
    id: card.id,
    title: card.title,
    contactName: card.contactName,
    href: `/${org.slug}/deals/${card.id}`,
    valueMinor: card.valueMinor,
    weightedMinor: weightedValue(card.valueMinor, card.probability),
    currency: card.currency,
    valueLabel: formatMoney(card.valueMinor, card.currency, locale),
    ownerName: card.ownerName,
    ownerInitials: initials(card.ownerName),
    action: card.action ? { type: card.action.type, typeLabel: ACTION_TYPE_LABELS[card.action.type], details: card.action.details } : null,
    due: card.due,
    dueLabel: dueLabel(card, now, org),
    dueTitle: due && card.action ? `${ACTION_TYPE_LABELS[card.action.type]} due ${formatDateTime(due, locale, timeZone)}: ${card.action.details}` : "This deal has no pending next step",
    stale: card.stale,
    staleLabel: `Stale · ${card.idleDays} d`,
    staleTitle: `No completed action for ${card.idleDays} days; this stage flags deals after ${staleAfterDays}.`,
  };
}

/**
 * The badge text. Times and dates follow the org's locale; the words are the UI's language
 * (English), so the relative phrase is English too rather than "Overdue · i forgårs".
 */
function dueLabel(card: BoardCard, now: Date, { locale, timeZone }: OrgFormat): string {
  const due = card.action?.dueAt;
  if (!due) return "No next step";
  if (card.due === "overdue") return `Overdue · ${formatDueDistance(due, now, UI_LANGUAGE)}`;
  if (card.due === "today") return `Today ${formatTime(due, locale, timeZone)}`;
  return formatDueDistance(due, now, UI_LANGUAGE);
}

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0]!, parts.at(-1)!] : parts.slice(0, 1);
  return letters.map((p) => Array.from(p)[0]!.toUpperCase()).join("") || "?";
}
