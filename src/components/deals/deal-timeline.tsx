import { clsx } from "clsx";
import {
  AlarmClock,
  ArrowRightLeft,
  CircleCheck,
  CirclePlus,
  CircleX,
  type LucideIcon,
  PenLine,
  RotateCcw,
  Trash2,
  Trophy,
  Undo2,
} from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";

import { Card, CardHeader } from "@/components/ui/card";
import { ACTION_TYPE_LABELS } from "@/lib/schemas/deals";
import type { TimelineEntry } from "@/server/data/deal-timeline";

import { describeChange, formatWhen, type OrgFormat } from "./timeline-format";

type DealTimelineProps = { entries: TimelineEntry[]; org: OrgFormat; moreHref: string | null };

/** The deal's history, newest first. A server component: nothing here needs the browser. */
export function DealTimeline({ entries, org, moreHref }: DealTimelineProps) {
  return (
    <Card>
      <CardHeader title="Timeline" description="Completed actions, stage changes and edits, newest first." />
      {entries.length === 0 ? (
        <p className="px-5 py-6 text-sm text-zinc-500 dark:text-zinc-400">Nothing has happened on this deal yet.</p>
      ) : (
        <ol aria-label="Deal history" className="px-5 py-4">
          {entries.map((entry, i) => (
            <TimelineItem key={entry.key} entry={entry} org={org} last={i === entries.length - 1} />
          ))}
        </ol>
      )}
      {moreHref ? (
        <div className="border-t border-zinc-200 px-5 py-3 text-center dark:border-zinc-800">
          <Link
            href={moreHref}
            scroll={false}
            className="rounded text-sm font-medium text-brand-700 hover:text-brand-800 dark:text-brand-300 dark:hover:text-brand-200"
          >
            Show older entries
          </Link>
        </div>
      ) : null}
    </Card>
  );
}

const TONES = {
  neutral: "bg-zinc-100 text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300",
  brand: "bg-brand-50 text-brand-700 dark:bg-brand-950 dark:text-brand-300",
  green: "bg-emerald-50 text-emerald-700 dark:bg-emerald-950 dark:text-emerald-300",
  red: "bg-red-50 text-red-700 dark:bg-red-950 dark:text-red-300",
  amber: "bg-amber-50 text-amber-700 dark:bg-amber-950 dark:text-amber-300",
};

function TimelineItem({ entry, org, last }: { entry: TimelineEntry; org: OrgFormat; last: boolean }) {
  const { icon: Icon, tone, title, body } = describe(entry, org);
  return (
    <li className="relative flex gap-3 pb-5 last:pb-0">
      {last ? null : <span aria-hidden className="absolute top-8 bottom-0 left-[15px] w-px bg-zinc-200 dark:bg-zinc-800" />}
      <span aria-hidden className={clsx("relative flex size-8 shrink-0 items-center justify-center rounded-full", TONES[tone])}>
        <Icon className="size-4" />
      </span>
      <div className="min-w-0 flex-1 pt-1">
        <p className="text-sm text-zinc-900 dark:text-zinc-100">{title}</p>
        {body ? <div className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{body}</div> : null}
        <p className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">
          {entry.actor.name ?? "System"} · <time dateTime={entry.at.toISOString()}>{formatWhen(entry.at, org)}</time>
        </p>
      </div>
    </li>
  );
}

type Described = { icon: LucideIcon; tone: keyof typeof TONES; title: ReactNode; body?: ReactNode };

const strong = (text: string) => <span className="font-medium">{text}</span>;

function describe(entry: TimelineEntry, org: OrgFormat): Described {
  switch (entry.kind) {
    case "action":
      return {
        icon: CircleCheck,
        tone: "brand",
        title: (
          <>
            {strong(ACTION_TYPE_LABELS[entry.actionType])} done: {entry.details}
          </>
        ),
        body: entry.outcome ? <p className="whitespace-pre-line">{entry.outcome}</p> : undefined,
      };
    case "created":
      return { icon: CirclePlus, tone: "neutral", title: <>Deal created in {strong(entry.stage)}</> };
    case "moved":
      return {
        icon: ArrowRightLeft,
        tone: "neutral",
        title: (
          <>
            Moved from {strong(entry.from ?? "?")} to {strong(entry.to)}
          </>
        ),
      };
    case "won":
      return { icon: Trophy, tone: "green", title: <>Closed as {strong("won")}</>, body: entry.from ? `From ${entry.from}` : undefined };
    case "lost":
      return {
        icon: CircleX,
        tone: "red",
        title: <>Closed as {strong("lost")}</>,
        body: entry.lossReason ? `Reason: ${entry.lossReason}` : undefined,
      };
    case "reopened":
      return {
        icon: RotateCcw,
        tone: "amber",
        title: <>Reopened into {strong(entry.to)}</>,
        body: entry.from ? `Was ${entry.from}` : undefined,
      };
    case "edited":
      return {
        icon: PenLine,
        tone: "neutral",
        title: entry.changes.length === 1 ? <>Changed the {describeChange(entry.changes[0]!, org).label}</> : <>Edited the deal</>,
        body: (
          <ul className="space-y-0.5">
            {entry.changes.map((c) => {
              const d = describeChange(c, org);
              return (
                <li key={c.field}>
                  <span className="capitalize">{d.label}</span>: <span className="line-through decoration-zinc-400">{d.before}</span> →{" "}
                  <span className="text-zinc-900 dark:text-zinc-100">{d.after}</span>
                </li>
              );
            })}
          </ul>
        ),
      };
    case "snoozed":
      return {
        icon: AlarmClock,
        tone: "amber",
        title: (
          <>
            Snoozed {entry.actionType ? strong(ACTION_TYPE_LABELS[entry.actionType].toLowerCase()) : "the next action"}
            {entry.to ? <> to {formatWhen(entry.to, org)}</> : null}
          </>
        ),
        body: (
          <>
            {entry.details ? <p>{entry.details}</p> : null}
            {entry.reason ? <p>Why: {entry.reason}</p> : null}
            {entry.from ? <p className="text-xs">Was due {formatWhen(entry.from, org)}</p> : null}
          </>
        ),
      };
    case "deleted":
      return { icon: Trash2, tone: "red", title: "Deal deleted" };
    case "restored":
      return { icon: Undo2, tone: "green", title: "Deal restored" };
  }
}
