"use client";

import { clsx } from "clsx";
import Link from "next/link";
import type { KeyboardEvent } from "react";

import { ACTION_TYPE_LABELS } from "@/components/next-steps/next-step-type";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";

import type { QueueRowView, TodayBucket } from "./types";

type QueueRowProps = {
  orgSlug: string;
  bucket: TodayBucket;
  row: QueueRowView;
  showOwner: boolean;
  onComplete: () => void;
  onSnooze: () => void;
};

/**
 * One pending action. The deal link is the row's focus target; with it (or a button) focused,
 * C completes, S snoozes and ↑/↓ move between rows — handled here because the keys bubble up.
 */
export function QueueRow({ orgSlug, bucket, row, showOwner, onComplete, onSnooze }: QueueRowProps) {
  const { action } = row;
  const late = bucket === "overdue";

  function onKeyDown(event: KeyboardEvent<HTMLLIElement>) {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const key = event.key.toLowerCase();
    if (key === "c" || key === "s") {
      event.preventDefault();
      (key === "c" ? onComplete : onSnooze)();
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      const rows = Array.from(document.querySelectorAll<HTMLElement>("[data-queue-row-link]"));
      const current = rows.indexOf(event.currentTarget.querySelector<HTMLElement>("[data-queue-row-link]")!);
      const next = rows[current + (event.key === "ArrowDown" ? 1 : -1)];
      if (next) {
        event.preventDefault();
        next.focus();
      }
    }
  }

  return (
    <li
      onKeyDown={onKeyDown}
      data-action-id={action.id}
      className="group relative flex flex-col gap-3 px-4 py-3.5 transition-colors focus-within:bg-zinc-50 hover:bg-zinc-50 sm:flex-row sm:items-center sm:gap-4 sm:px-5 dark:focus-within:bg-zinc-800/40 dark:hover:bg-zinc-800/40"
    >
      <div className="min-w-0 flex-1 space-y-1">
        <div className="flex flex-wrap items-baseline gap-x-2 gap-y-0.5">
          <Link
            href={`/${orgSlug}/deals/${action.deal.id}`}
            data-queue-row-link
            aria-keyshortcuts="C S"
            className="truncate rounded-sm font-medium text-zinc-900 hover:underline dark:text-zinc-50"
          >
            {action.deal.title}
          </Link>
          <span className="truncate text-sm text-zinc-500 dark:text-zinc-400">{action.deal.contactName}</span>
        </div>
        <p className="text-sm break-words text-zinc-700 dark:text-zinc-300">
          <span className="font-medium">{ACTION_TYPE_LABELS[action.type]}:</span> {action.details}
        </p>
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-zinc-500 dark:text-zinc-400">
          <span className="font-medium text-zinc-700 tabular-nums dark:text-zinc-300">{row.value}</span>
          <Badge tone="neutral">
            {row.stage} · {row.probability} %
          </Badge>
          {showOwner ? <span>{action.ownerName}</span> : null}
        </div>
      </div>

      <div className="flex items-center justify-between gap-3 sm:flex-col sm:items-end sm:justify-center sm:gap-1">
        <div className="text-sm sm:text-right">
          <time dateTime={action.dueAt} className="font-medium text-zinc-800 tabular-nums dark:text-zinc-200">
            {row.due}
          </time>
          <span
            className={clsx(
              "ml-2 text-xs sm:ml-0 sm:block",
              late ? "font-medium text-red-700 dark:text-red-400" : "text-zinc-500 dark:text-zinc-400",
            )}
          >
            {row.distance}
          </span>
        </div>
      </div>

      <div className="flex shrink-0 gap-2">
        {/* Text-only buttons: a queue can hold 150 rows, and every icon is markup sent per row. */}
        <Button size="sm" onClick={onComplete} aria-label={`Complete: ${action.deal.title}`}>
          Complete
        </Button>
        <Button size="sm" variant="ghost" onClick={onSnooze} aria-label={`Snooze: ${action.deal.title}`}>
          Snooze
        </Button>
      </div>
    </li>
  );
}
