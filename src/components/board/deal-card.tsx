"use client";

import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { clsx } from "clsx";
import Link from "next/link";

import { Badge, type BadgeTone } from "@/components/ui/badge";
import { ACTION_TYPE_LABELS } from "@/lib/schemas/deals";

import { BoardIcon } from "./board-icons";
import type { CardView } from "./board-types";
import { dealHref, initials, staleText } from "./card-text";

const DUE_TONES: Record<NonNullable<CardView["due"]>, BadgeTone> = { overdue: "red", today: "amber", upcoming: "neutral" };

type SortableDealCardProps = { orgSlug: string; card: CardView; staleAfterDays: number; showOwner: boolean };

/**
 * One tab stop per card: the card is the link to the deal and the drag handle at once. Space picks
 * it up (Enter keeps following the link); a mouse drag starts after 5 px, so a click still opens it.
 */
export function SortableDealCard({ orgSlug, card, staleAfterDays, showOwner }: SortableDealCardProps) {
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: card.id, data: { type: "card" } });
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      className={clsx("list-none", isDragging && "opacity-40")}
    >
      <Link
        href={dealHref(orgSlug, card.id)}
        // A board shows many cards: prefetching every deal page would flood the server on each visit.
        prefetch={false}
        draggable={false}
        {...attributes}
        {...listeners}
        // The sortable hook would make it a role="button"; it is a link that can also be dragged.
        role={undefined}
        aria-roledescription="draggable deal"
        data-deal-id={card.id}
        className="card-link"
      >
        <DealCardBody card={card} staleAfterDays={staleAfterDays} showOwner={showOwner} />
      </Link>
    </li>
  );
}

/** The card's face, shared by the list and the drag overlay. */
export function DealCardBody({
  card,
  staleAfterDays,
  showOwner,
  lifted = false,
}: {
  card: CardView;
  staleAfterDays: number;
  showOwner: boolean;
  lifted?: boolean;
}) {
  const stale = card.staleDays !== null ? staleText(card.staleDays, staleAfterDays) : null;
  return (
    // Lifted: a shadow and ring only. A tilt or scale would widen the overlay's bounding box, and
    // the keyboard sensor, which compares boxes, would then find its own column "to the right".
    <article
      className={clsx(
        "card-face",
        card.due === "overdue" && "border-red-200 dark:border-red-900/70",
        lifted ? "shadow-lg ring-2 ring-brand-500/40" : "hover:shadow-sm",
      )}
    >
      <div className="flex items-start justify-between gap-2">
        <h3 className="card-title">{card.title}</h3>
        {showOwner ? (
          <span
            title={card.ownerName}
            className="grid size-6 shrink-0 place-items-center rounded-full bg-zinc-100 text-[0.625rem] font-semibold text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300"
          >
            <span aria-hidden>{initials(card.ownerName)}</span>
            <span className="sr-only">Owner: {card.ownerName}</span>
          </span>
        ) : null}
      </div>
      <p className="card-line">
        <span className="min-w-0 truncate">{card.contactName}</span>
        <span className="q-strong shrink-0">{card.valueLabel}</span>
      </p>
      <div className="flex flex-wrap items-center gap-1.5">
        <span title={card.dueTitle} className="inline-flex">
          <Badge tone={card.due ? DUE_TONES[card.due] : "red"} className="gap-1">
            <BoardIcon name={card.actionType ?? "none"} className="size-3" />
            {card.actionType ? <span className="sr-only">{ACTION_TYPE_LABELS[card.actionType]}, </span> : null}
            {card.dueLabel}
          </Badge>
        </span>
        {stale ? (
          <span title={stale.title} className="inline-flex">
            <Badge tone="amber" className="gap-1">
              <BoardIcon name="stale" className="size-3" />
              {stale.label}
              <span className="sr-only">: {stale.title}</span>
            </Badge>
          </span>
        ) : null}
      </div>
    </article>
  );
}
