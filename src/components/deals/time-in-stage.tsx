import { clsx } from "clsx";

import { Card, CardBody, CardHeader } from "@/components/ui/card";
import type { StageTime } from "@/server/data/deal-timeline";

import { barPercents, formatStay } from "./timeline-format";

/**
 * How long the deal spent in each open stage (all stays summed; the current one up to now). Won
 * and lost are end states, so they are not bars: the header already says when the deal closed.
 */
export function TimeInStage({ stages }: { stages: StageTime[] }) {
  const open = stages.filter((s) => s.kind === "open");
  const widths = barPercents(open.map((s) => s.seconds));
  const total = open.reduce((sum, s) => sum + s.seconds, 0);

  return (
    <Card>
      <CardHeader title="Time in stage" description={open.length ? `${formatStay(total)} in the pipeline` : undefined} />
      <CardBody>
        {open.length === 0 ? (
          <p className="text-sm text-zinc-500 dark:text-zinc-400">No time recorded in open stages.</p>
        ) : (
          <ul className="space-y-3">
            {open.map((s, i) => (
              <li key={s.stageId}>
                <div className="flex items-baseline justify-between gap-3 text-sm">
                  <span className="truncate font-medium text-zinc-800 dark:text-zinc-200">
                    {s.name}
                    {s.current ? <span className="ml-1.5 text-xs font-normal text-brand-700 dark:text-brand-300">(now)</span> : null}
                  </span>
                  <span className="shrink-0 text-zinc-600 tabular-nums dark:text-zinc-400">
                    {formatStay(s.seconds)}
                    {s.stays > 1 ? <span className="text-xs"> · {s.stays} stays</span> : null}
                  </span>
                </div>
                <div aria-hidden className="mt-1.5 h-2 overflow-hidden rounded-full bg-zinc-100 dark:bg-zinc-800">
                  <div
                    className={clsx("h-full rounded-full", s.current ? "bg-brand-600 dark:bg-brand-500" : "bg-zinc-400 dark:bg-zinc-500")}
                    style={{ width: `${widths[i]}%` }}
                  />
                </div>
              </li>
            ))}
          </ul>
        )}
      </CardBody>
    </Card>
  );
}
