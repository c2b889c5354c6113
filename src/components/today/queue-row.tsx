"use client";

import Link from "next/link";
import type { KeyboardEvent } from "react";

import { ACTION_TYPE_LABELS } from "@/components/next-steps/next-step-type";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";

import type { QueueRowView, TodayBucket } from "./types";

/** Each row's deal link, the row's focus target (↑/↓ and the queue's focus after a change find rows by it). */
export const ROW_LINK = "[data-queue-row-link]";

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
      const rows = Array.from(document.querySelectorAll<HTMLElement>(ROW_LINK));
      const current = rows.indexOf(event.currentTarget.querySelector<HTMLElement>(ROW_LINK)!);
      const next = rows[current + (event.key === "ArrowDown" ? 1 : -1)];
      if (next) {
        event.preventDefault();
        next.focus();
      }
    }
  }

  return (
    <li onKeyDown={onKeyDown} data-action-id={action.id} className="q-row">
      <div className="q-main">
        <div className="q-head">
          <Link href={`/${orgSlug}/deals/${action.deal.id}`} data-queue-row-link="" aria-keyshortcuts="C S" className="q-title">
            {action.deal.title}
          </Link>
          <span className="q-contact">{action.deal.contactName}</span>
        </div>
        {/* The details follow the label as one text node: two adjacent ones get a <!-- --> in the HTML, on every row. */}
        <p className="q-details">
          <b>{`${ACTION_TYPE_LABELS[action.type]}:`}</b>
          {` ${action.details}`}
        </p>
        <div className="q-meta">
          <span className="q-strong">{row.value}</span>
          <Badge tone="neutral">{row.stage}</Badge>
          {showOwner ? <span>{action.ownerName}</span> : null}
        </div>
      </div>

      <div className="q-due">
        <time dateTime={action.dueAt}>{row.due}</time>
        <span className={late ? "q-late" : "q-soon"}>{row.distance}</span>
      </div>

      <div className="q-buttons">
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
