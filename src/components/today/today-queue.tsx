"use client";

import { useRouter } from "next/navigation";
import { type ReactNode, startTransition, useEffect, useMemo, useOptimistic, useRef, useState } from "react";

import { CompleteNextStepDialog } from "@/components/next-steps/complete-next-step-dialog";
import { SnoozeNextStepDialog } from "@/components/next-steps/snooze-next-step-dialog";
import type { Assignee, OrgDisplay } from "@/components/next-steps/types";
import type { CompletionResult, SnoozeResult } from "@/lib/next-steps/results";

import { withRowOwner } from "./build-view";
import { applyQueueChange, completionChange, type QueueChange, type QueueScope, snoozeChange } from "./queue-changes";
import { QueueRow, ROW_LINK } from "./queue-row";
import { QueueSection } from "./queue-section";
import { QueueSummary } from "./queue-summary";
import type { QueueRowView, QueueSectionView, RowOwner, SentQueueSection } from "./types";

type TodayQueueProps = {
  org: OrgDisplay;
  sections: SentQueueSection[];
  /** The owner of every row when they share one (sharedOwner): sent once instead of on each row. */
  rowOwner: RowOwner | null;
  /** Whose queue this is and the rows-per-bucket cap: where a just-planned action may appear. */
  scope: QueueScope;
  lossReasons: { id: string; label: string }[];
  assignees: Assignee[];
  showOwner: boolean;
  /** Shown instead of the sections when all three buckets are empty. */
  emptyState: ReactNode;
};

type Active = { row: QueueRowView; mode: "complete" | "snooze"; index: number };

/**
 * The summary counts and the queue's sections, with ONE pair of dialogs for all rows: when an
 * action is completed (by us or, in a conflict, by someone else) its row disappears, and the
 * dialog must survive that to show its message.
 *
 * Completing or snoozing answers with the action's result only (no re-rendered page, so the
 * response stays small and fast). The queue applies that result at once — the row leaves, the
 * next action enters its bucket, the counts follow — as an optimistic state that holds until the
 * background router.refresh() in the same transition brings the server's queue.
 */
export function TodayQueue({
  org,
  sections: sentSections,
  rowOwner,
  scope,
  lossReasons,
  assignees,
  showOwner,
  emptyState,
}: TodayQueueProps) {
  const router = useRouter();
  const serverSections = useMemo(() => withRowOwner(sentSections, rowOwner), [sentSections, rowOwner]);
  const [sections, applyChange] = useOptimistic(serverSections, (current: QueueSectionView[], change: QueueChange) =>
    applyQueueChange(current, change, org, scope),
  );
  const [active, setActive] = useState<Active | null>(null);
  const [open, setOpen] = useState(false);
  const listRef = useRef<HTMLDivElement>(null);
  const lastIndex = useRef(0);
  // After a change: the sections shown when it was made, and whether the dialog has finished closing.
  const focusAfterChange = useRef<{ before: QueueSectionView[]; closed: boolean } | null>(null);
  const shown = useRef(sections);

  function start(row: QueueRowView, mode: Active["mode"], index: number) {
    lastIndex.current = index;
    focusAfterChange.current = null;
    setActive({ row, mode, index });
    setOpen(true);
  }

  function change(next: QueueChange) {
    focusAfterChange.current = { before: sections, closed: false };
    startTransition(() => {
      applyChange(next);
      // Reconciles with the server (rows beyond the cap, other people's changes); nobody waits on it.
      router.refresh();
    });
  }

  /**
   * Keyboard users stay in place: the row that took the changed row's position, or the last one;
   * with the queue now empty, the empty state's link.
   */
  function focusRowAt(index: number) {
    const links = listRef.current?.querySelectorAll<HTMLElement>(ROW_LINK);
    if (links?.length) links[Math.min(index, links.length - 1)]!.focus();
    else listRef.current?.querySelector<HTMLElement>("a[href], button")?.focus();
  }

  function focusAfterChangeIfReady() {
    const pending = focusAfterChange.current;
    if (!pending?.closed || shown.current === pending.before) return;
    focusAfterChange.current = null;
    focusRowAt(lastIndex.current);
  }

  // Radix returns focus to what opened the dialog once it has unmounted. After a change that row
  // is gone or moved, so focus goes to the row now at its position instead; likewise when a
  // refresh removed it while the dialog was open (someone else completed it).
  function onCloseAutoFocus(event: Event) {
    if (focusAfterChange.current) {
      event.preventDefault();
      focusAfterChange.current.closed = true;
      focusAfterChangeIfReady();
    } else if (active && !listRef.current?.querySelector(`[data-action-id="${CSS.escape(active.row.action.id)}"]`)) {
      event.preventDefault();
      focusRowAt(lastIndex.current);
    }
  }

  useEffect(() => {
    shown.current = sections;
    focusAfterChangeIfReady();
  });

  // A refresh that removes the focused row after the dialog closed (a conflict: someone else
  // completed it) would drop focus to the page: put it back on the row at that position.
  useEffect(() => {
    if (open || !active) return; // only after a dialog was used: never steal focus on page load
    if (document.activeElement && document.activeElement !== document.body) return;
    if (listRef.current?.querySelector(`[data-action-id="${CSS.escape(active.row.action.id)}"]`)) return;
    focusRowAt(lastIndex.current);
  }, [sections, open, active]);

  const counts = { overdue: 0, today: 0, upcoming: 0 };
  for (const section of sections) counts[section.bucket] = section.count;
  const empty = counts.overdue + counts.today + counts.upcoming === 0;

  let flatIndex = 0;
  return (
    <>
      <QueueSummary counts={counts} locale={org.locale} />
      {empty ? null : (
        <p className="mb-3 hidden text-xs text-zinc-500 sm:block dark:text-zinc-400">
          Keyboard: focus a deal and press <Kbd>C</Kbd> to complete, <Kbd>S</Kbd> to snooze, <Kbd>↑</Kbd> <Kbd>↓</Kbd> to move.
        </p>
      )}
      <div ref={listRef} className="space-y-6">
        {empty
          ? emptyState
          : sections.map((section) => (
              <QueueSection key={section.bucket} section={section} locale={org.locale}>
                {section.rows.map((row) => {
                  const index = flatIndex++;
                  return (
                    <QueueRow
                      key={row.action.id}
                      orgSlug={org.slug}
                      bucket={section.bucket}
                      row={row}
                      showOwner={showOwner}
                      onComplete={() => start(row, "complete", index)}
                      onSnooze={() => start(row, "snooze", index)}
                    />
                  );
                })}
              </QueueSection>
            ))}
        {active ? (
          active.mode === "complete" ? (
            <CompleteNextStepDialog
              org={org}
              step={active.row.action}
              lossReasons={lossReasons}
              assignees={assignees}
              open={open}
              onOpenChange={setOpen}
              onCompleted={(result: CompletionResult) => change(completionChange(active.row, result, new Date()))}
              onCloseAutoFocus={onCloseAutoFocus}
            />
          ) : (
            <SnoozeNextStepDialog
              org={org}
              step={active.row.action}
              open={open}
              onOpenChange={setOpen}
              onSnoozed={(result: SnoozeResult) => change(snoozeChange(active.row, result, new Date()))}
              onCloseAutoFocus={onCloseAutoFocus}
            />
          )
        ) : null}
      </div>
    </>
  );
}

function Kbd({ children }: { children: string }) {
  return <kbd className="rounded border border-zinc-300 px-1 font-mono text-[0.7rem] dark:border-zinc-600">{children}</kbd>;
}
