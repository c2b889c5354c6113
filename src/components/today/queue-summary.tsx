import { clsx } from "clsx";

import { TODAY_BUCKETS, type TodayBucket } from "@/lib/deals/today-buckets";
import { formatCount } from "@/lib/format/figures";

import { BUCKET_LOOK } from "./bucket-look";

/** The three counts at the top; each jumps to its section. */
export function QueueSummary({ counts, locale }: { counts: Record<TodayBucket, number>; locale: string }) {
  return (
    <nav aria-label="Queue summary" className="mb-6">
      <ul className="grid grid-cols-3 gap-2 sm:gap-4">
        {TODAY_BUCKETS.map((bucket) => {
          const look = BUCKET_LOOK[bucket];
          return (
            <li key={bucket}>
              <a
                href={`#${bucket}`}
                className={clsx(
                  "block rounded-xl border border-l-4 border-zinc-200 bg-white px-3 py-3 shadow-xs transition-colors hover:bg-zinc-50 sm:px-4",
                  "dark:border-zinc-800 dark:bg-zinc-900/60 dark:hover:bg-zinc-800/60",
                  look.accent,
                )}
              >
                <span
                  className={clsx(
                    "block text-2xl font-semibold tabular-nums",
                    counts[bucket] ? look.count : "text-zinc-400 dark:text-zinc-500",
                  )}
                >
                  {formatCount(counts[bucket], locale)}
                </span>
                <span className="block text-xs font-medium text-zinc-600 sm:text-sm dark:text-zinc-400">{look.short}</span>
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
