"use client";

import { useDroppable } from "@dnd-kit/core";
import { SortableContext, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { clsx } from "clsx";
import Link from "next/link";

import { countOf, formatCount } from "@/lib/format/figures";

import type { CardView, ColumnView } from "./board-types";
import { SortableDealCard } from "./deal-card";

type BoardColumnProps = { orgSlug: string; locale: string; column: ColumnView; cards: CardView[] };

/** A stage: header with its figures, then a sortable list of cards. The whole column is a drop target, header included. */
export function BoardColumn({ orgSlug, locale, column, cards }: BoardColumnProps) {
  const { setNodeRef, isOver } = useDroppable({ id: column.id, data: { type: "column" } });
  const headingId = `column-${column.id}`;
  return (
    <section
      ref={setNodeRef}
      aria-labelledby={headingId}
      data-testid="board-column"
      data-stage-name={column.name}
      className="flex min-w-0 flex-col rounded-xl border border-zinc-200 bg-zinc-50/80 dark:border-zinc-800 dark:bg-zinc-900/40"
    >
      <ColumnHeader column={column} headingId={headingId} locale={locale} />
      <ol
        aria-labelledby={headingId}
        className={clsx(
          "flex min-h-24 flex-1 list-none flex-col gap-2 overflow-y-auto p-2 transition-colors lg:max-h-[calc(100dvh-17rem)]",
          isOver && "bg-brand-50/70 dark:bg-brand-950/30",
        )}
      >
        <SortableContext id={column.id} items={cards.map((c) => c.id)} strategy={verticalListSortingStrategy}>
          {cards.map((card) => (
            <SortableDealCard key={card.id} orgSlug={orgSlug} card={card} staleAfterDays={column.staleAfterDays} />
          ))}
        </SortableContext>
        {cards.length === 0 ? (
          <li className="grid flex-1 place-items-center rounded-lg border border-dashed border-zinc-300 px-3 py-6 text-center text-xs text-zinc-500 dark:border-zinc-700 dark:text-zinc-400">
            No deals in this stage
          </li>
        ) : null}
      </ol>
      {column.hidden > 0 ? (
        <Link
          href={column.moreHref}
          prefetch={false}
          className="border-t border-zinc-200 px-3 py-2 text-center text-xs font-medium text-brand-700 hover:bg-zinc-100 hover:text-brand-800 dark:border-zinc-800 dark:text-brand-300 dark:hover:bg-zinc-800"
        >
          + {formatCount(column.hidden, locale)} more in the deals list
        </Link>
      ) : null}
    </section>
  );
}

function ColumnHeader({ column, headingId, locale }: { column: ColumnView; headingId: string; locale: string }) {
  return (
    <header className="space-y-1.5 border-b border-zinc-200 px-3 py-2.5 dark:border-zinc-800">
      <div className="flex items-baseline justify-between gap-2">
        <h2 id={headingId} className="min-w-0 truncate text-sm font-semibold text-zinc-900 dark:text-zinc-100">
          {column.name}
        </h2>
        <span className="shrink-0 text-xs text-zinc-500 tabular-nums dark:text-zinc-400">
          <span className="sr-only">Probability </span>
          {column.probability} %
        </span>
      </div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-2 text-xs text-zinc-600 dark:text-zinc-400">
        <dt className="sr-only">Deals</dt>
        <dd className="col-span-2 font-medium text-zinc-700 dark:text-zinc-300" data-testid="column-count">
          {countOf(column.count, "deal", "deals", locale)}
        </dd>
        <dt>Total</dt>
        <dd className="text-right font-medium text-zinc-800 tabular-nums dark:text-zinc-200" data-testid="column-total">
          {column.totals.length
            ? column.totals.map((t) => (
                <span key={t.currency} className="block">
                  {t.totalLabel}
                </span>
              ))
            : "—"}
        </dd>
        <dt>Weighted</dt>
        <dd className="text-right tabular-nums" data-testid="column-weighted">
          {column.totals.length
            ? column.totals.map((t) => (
                <span key={t.currency} className="block">
                  {t.weightedLabel}
                </span>
              ))
            : "—"}
        </dd>
      </dl>
    </header>
  );
}
