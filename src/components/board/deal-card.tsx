"use client";

import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { clsx } from "clsx";
import Link from "next/link";

import type { BadgeTone } from "@/components/ui/badge";
import { ACTION_TYPE_LABELS } from "@/lib/schemas/deals";

import { BoardIcon } from "./board-icons";
import type { CardView } from "./board-types";
import { dealHref, initials, staleText } from "./card-text";

const DUE_TONES: Record<NonNullable<CardView["due"]>, BadgeTone> = { overdue: "red", today: "amber", upcoming: "neutral" };

type SortableDealCardProps = { orgSlug: string; card: CardView; staleAfterDays: number };

/**
 * One tab stop per card: the card is the link to the deal and the drag handle at once. Space picks
 * it up (Enter keeps following the link); a mouse drag starts after 5 px, so a click still opens it.
 */
export function SortableDealCard({ orgSlug, card, staleAfterDays }: SortableDealCardProps) {
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: card.id, data: { type: "card" } });
  return (
    // The column's list has no markers (list-none on the <ol>), so the item needs no class of its own.
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      className={isDragging ? "opacity-40" : undefined}
    >
      <Link
        href={dealHref(orgSlug, card.id)}
        // A board shows many cards: prefetching every deal page would flood the server on each visit.
        prefetch={false}
        draggable={false}
        {...attributes}
        {...listeners}
        // The sortable hook would make it a role="button"; it is a link that can also be dragged.
        // A link is focusable and never disabled: tabindex="0" and aria-disabled="false" say nothing, on every card.
        role={undefined}
        tabIndex={undefined}
        aria-disabled={undefined}
        aria-roledescription="draggable deal"
        data-deal-id={card.id}
        className="card-link"
      >
        <DealCardBody card={card} staleAfterDays={staleAfterDays} />
      </Link>
    </li>
  );
}

/** The card's face, shared by the list and the drag overlay. */
export function DealCardBody({ card, staleAfterDays, lifted = false }: { card: CardView; staleAfterDays: number; lifted?: boolean }) {
  const stale = card.staleDays !== null ? staleText(card.staleDays, staleAfterDays) : null;
  return (
    // Lifted: a shadow and ring only. A tilt or scale would widen the overlay's bounding box, and
    // the keyboard sensor, which compares boxes, would then find its own column "to the right".
    // Short component classes (app/globals.css): a full board repeats this markup for every card.
    <article className={clsx("card-face", card.due === "overdue" && "card-late", lifted && "card-lifted")}>
      {card.ownerName !== undefined ? (
        <div className="card-top">
          <h3 className="card-title">{card.title}</h3>
          <span title={card.ownerName} className="card-owner">
            <span aria-hidden>{initials(card.ownerName)}</span>
            <span className="sr-only">{`Owner: ${card.ownerName}`}</span>
          </span>
        </div>
      ) : (
        <h3 className="card-title">{card.title}</h3>
      )}
      <p className="card-line">
        <span className="card-who">{card.contactName}</span>
        <span className="card-value">{card.valueLabel}</span>
      </p>
      <div className="card-badges">
        {/* The badge carries the tooltip itself; its icon is sized by .card-badges (no class per <svg>). */}
        <span title={card.dueTitle} className={`badge badge-${card.due ? DUE_TONES[card.due] : "red"}`}>
          <BoardIcon name={card.actionType ?? "none"} />
          {card.actionType ? <span className="sr-only">{`${ACTION_TYPE_LABELS[card.actionType]}, `}</span> : null}
          {card.dueLabel}
        </span>
        {stale ? (
          <span title={stale.title} className="badge badge-amber">
            <BoardIcon name="stale" />
            {stale.label}
            <span className="sr-only">{`: ${stale.title}`}</span>
          </span>
        ) : null}
      </div>
    </article>
  );
}
