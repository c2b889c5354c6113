"use client";

import { useEffect, useRef, useState } from "react";
import { CompleteActionDialog } from "@/components/actions/complete-action-dialog";
import { SnoozeActionDialog } from "@/components/actions/snooze-action-dialog";
import type { ActionForCompletion, OrgDisplay } from "@/components/actions/types";
import { QueueRow } from "./queue-row";
import { QueueSection } from "./queue-section";
import type { Assignee } from "@/components/actions/types";
import type { QueueSectionView } from "./types";

type TodayQueueProps = {
  org: OrgDisplay;
  sections: QueueSectionView[];
  lossReasons: { id: string; label: string }[];
  assignees: Assignee[];
  showOwner: boolean;
};

type Active = { action: ActionForCompletion; mode: "complete" | "snooze"; index: number };

/**
 * The queue's sections with ONE pair of dialogs for all rows: when an action is completed (by us
 * or, in a conflict, by someone else) its row disappears on refresh, and the dialog must survive
 * that to show its message.
 */
export function TodayQueue({ org, sections, lossReasons, assignees, showOwner }: TodayQueueProps) {
  const [active, setActive] = useState<Active | null>(null);
  const [open, setOpen] = useState(false);
  const listRef = useRef<HTMLDivElement>(null);
  const lastIndex = useRef(0);

  function start(action: ActionForCompletion, mode: Active["mode"], index: number) {
    lastIndex.current = index;
    setActive({ action, mode, index });
    setOpen(true);
  }

  // When the row that had focus is gone (completed, snoozed into another bucket), keep the
  // keyboard user in place: focus the row that took its position, or the last one.
  useEffect(() => {
    if (open || !active) return; // only after a dialog was used: never steal focus on page load
    const focused = document.activeElement;
    if (focused && focused !== document.body && document.contains(focused)) return;
    const links = listRef.current?.querySelectorAll<HTMLElement>("[data-queue-row-link]");
    if (links?.length) links[Math.min(lastIndex.current, links.length - 1)]!.focus();
  }, [sections, open, active]);

  let flatIndex = 0;
  return (
    <div ref={listRef} className="space-y-6">
      {sections.map((section) => (
        <QueueSection key={section.bucket} section={section}>
          {section.rows.map((row) => {
            const index = flatIndex++;
            return (
              <QueueRow
                key={row.action.id}
                orgSlug={org.slug}
                bucket={section.bucket}
                row={row}
                showOwner={showOwner}
                onComplete={() => start(row.action, "complete", index)}
                onSnooze={() => start(row.action, "snooze", index)}
              />
            );
          })}
        </QueueSection>
      ))}
      {active ? (
        active.mode === "complete" ? (
          <CompleteActionDialog
            org={org}
            action={active.action}
            lossReasons={lossReasons}
            assignees={assignees}
            open={open}
            onOpenChange={setOpen}
          />
        ) : (
          <SnoozeActionDialog org={org} action={active.action} open={open} onOpenChange={setOpen} />
        )
      ) : null}
    </div>
  );
}
