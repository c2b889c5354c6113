import { clsx } from "clsx";
import { ArrowRight } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";

import { Card } from "@/components/ui/card";
import { formatCount } from "@/lib/format/figures";

import { BUCKET_LOOK } from "./bucket-look";
import type { QueueSectionView } from "./types";

/** One bucket of the queue: a heading with the true count, the (capped) rows, and the way to the rest. */
export function QueueSection({ section, locale, children }: { section: QueueSectionView; locale: string; children: ReactNode }) {
  const look = BUCKET_LOOK[section.bucket];
  const headingId = `queue-${section.bucket}`;
  const hidden = section.count - section.rows.length;
  return (
    <section aria-labelledby={headingId} id={section.bucket} className="scroll-mt-20">
      <Card className={clsx("overflow-hidden border-l-4", look.accent)}>
        <div className="flex items-baseline justify-between gap-3 border-b border-zinc-200 px-4 py-3 sm:px-5 dark:border-zinc-800">
          <h2 id={headingId} className="text-sm font-semibold text-zinc-900 dark:text-zinc-100">
            {look.title}
          </h2>
          <span className={clsx("text-sm font-semibold tabular-nums", look.count)}>
            {formatCount(section.count, locale)}
            <span className="sr-only"> {section.count === 1 ? "action" : "actions"}</span>
          </span>
        </div>
        {section.rows.length ? (
          <ul className="divide-y divide-zinc-100 dark:divide-zinc-800">{children}</ul>
        ) : (
          <p className="px-4 py-4 text-sm text-zinc-500 sm:px-5 dark:text-zinc-400">{look.empty}</p>
        )}
        {hidden > 0 ? (
          <div className="border-t border-zinc-200 bg-zinc-50/70 px-4 py-3 text-sm sm:px-5 dark:border-zinc-800 dark:bg-zinc-900">
            <Link
              href={section.moreHref}
              className="inline-flex items-center gap-1 rounded font-medium text-brand-700 hover:text-brand-800 dark:text-brand-300 dark:hover:text-brand-200"
            >
              And {formatCount(hidden, locale)} more {look.more} — open the deals list filtered to them
              <ArrowRight aria-hidden className="size-3.5" />
            </Link>
          </div>
        ) : null}
      </Card>
    </section>
  );
}
