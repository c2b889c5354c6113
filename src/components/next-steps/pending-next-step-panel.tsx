"use client";

import { AlarmClock, CircleCheck } from "lucide-react";
import { useRouter } from "next/navigation";
import { type JSX, startTransition, useState } from "react";

import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { formatDateTime } from "@/lib/dates/format";
import { describeDue } from "@/lib/dates/relative";
import { dayBounds } from "@/lib/dates/zoned";
import { dueState } from "@/lib/deals/rules";
import { UI_LANGUAGE } from "@/lib/ui-language";

import { CompleteNextStepDialog } from "./complete-next-step-dialog";
import { DueStateBadge } from "./due-state-badge";
import { ACTION_TYPE_LABELS, NextStepTypeIcon } from "./next-step-type";
import { SnoozeNextStepDialog } from "./snooze-next-step-dialog";
import type { Assignee, NextStepForCompletion, OrgDisplay } from "./types";

type PendingNextStepPanelProps = {
  org: OrgDisplay;
  step: NextStepForCompletion;
  lossReasons: { id: string; label: string }[];
  /** Members for "assign next action to"; pass [] for reps (the next action then goes to the deal owner). */
  assignees: Assignee[];
};

/**
 * A deal's one pending next action, with its due state, and the two things one does with it:
 * complete it (planning the next or closing the deal) or snooze it.
 */
export function PendingNextStepPanel({ org, step, lossReasons, assignees }: PendingNextStepPanelProps): JSX.Element {
  const [open, setOpen] = useState<"complete" | "snooze" | null>(null);
  const router = useRouter();
  // The actions answer with their result only; the deal page (timeline, stage, the new next
  // step) is read again in the background.
  const refresh = () => startTransition(() => router.refresh());
  const now = new Date();
  const dueAt = new Date(step.dueAt);
  const state = dueState(dueAt, now, dayBounds(now, org.timeZone).end);
  const distance = describeDue(dueAt, now, { language: UI_LANGUAGE, timeZone: org.timeZone });

  return (
    <Card aria-labelledby={`next-action-${step.id}`}>
      <CardHeader title={<span id={`next-action-${step.id}`}>Next action</span>} actions={<DueStateBadge state={state} />} />
      <CardBody className="space-y-4">
        <div className="flex gap-3">
          <span className="mt-0.5 inline-flex size-8 shrink-0 items-center justify-center rounded-full bg-zinc-100 text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300">
            <NextStepTypeIcon type={step.type} />
          </span>
          <div className="min-w-0 space-y-1">
            <p className="text-sm font-medium break-words text-zinc-900 dark:text-zinc-100">
              <span className="text-zinc-500 dark:text-zinc-400">{ACTION_TYPE_LABELS[step.type]}:</span> {step.details}
            </p>
            <p className="text-sm text-zinc-600 dark:text-zinc-400" suppressHydrationWarning>
              <time dateTime={step.dueAt}>{formatDateTime(dueAt, org.locale, org.timeZone)}</time>
              <span className={distance.late ? "font-medium text-red-700 dark:text-red-400" : undefined}> · {distance.text}</span>
            </p>
            <p className="text-xs text-zinc-500 dark:text-zinc-400">Assigned to {step.ownerName}</p>
          </div>
        </div>
        <div className="flex flex-wrap gap-2">
          <Button onClick={() => setOpen("complete")} icon={<CircleCheck aria-hidden className="size-4" />}>
            Complete &amp; plan next
          </Button>
          <Button variant="secondary" onClick={() => setOpen("snooze")} icon={<AlarmClock aria-hidden className="size-4" />}>
            Snooze
          </Button>
        </div>
      </CardBody>
      <CompleteNextStepDialog
        org={org}
        step={step}
        lossReasons={lossReasons}
        assignees={assignees}
        open={open === "complete"}
        onOpenChange={(o) => setOpen(o ? "complete" : null)}
        onCompleted={refresh}
      />
      <SnoozeNextStepDialog
        org={org}
        step={step}
        open={open === "snooze"}
        onOpenChange={(o) => setOpen(o ? "snooze" : null)}
        onSnoozed={refresh}
      />
    </Card>
  );
}
