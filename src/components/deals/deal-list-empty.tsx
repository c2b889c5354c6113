import { Handshake, Plus, SearchX } from "lucide-react";
import Link from "next/link";

import { buttonClasses } from "@/components/ui/button";

/** Why the list is empty: the filters exclude everything, nothing is open right now, or there are no deals at all. */
export type EmptyReason = "filtered" | "none-open" | "none";

const COPY: Record<EmptyReason, { title: string; text: string }> = {
  filtered: { title: "No deals match these filters", text: "Try another search, widen the date range, or clear the filters." },
  "none-open": { title: "No open deals", text: "Every deal here is won or lost. Start a new one, or look back at the closed ones." },
  none: {
    title: "No deals yet",
    text: "Create your first deal. Every deal starts with its next step, so nothing falls through the cracks.",
  },
};

export function DealListEmpty({ base, reason }: { base: string; reason: EmptyReason }) {
  const Icon = reason === "filtered" ? SearchX : Handshake;
  return (
    <div className="flex flex-col items-center px-6 py-14 text-center">
      <span className="mb-3 inline-flex size-11 items-center justify-center rounded-full bg-zinc-100 text-zinc-500 dark:bg-zinc-800 dark:text-zinc-400">
        <Icon aria-hidden className="size-5" />
      </span>
      <h2 className="text-base font-semibold text-zinc-900 dark:text-zinc-100">{COPY[reason].title}</h2>
      <p className="mt-1 max-w-sm text-sm text-zinc-600 dark:text-zinc-400">{COPY[reason].text}</p>
      <div className="mt-5 flex flex-wrap justify-center gap-2">
        {reason === "filtered" ? (
          <Link href={base} className={buttonClasses("secondary")}>
            Reset filters
          </Link>
        ) : (
          <Link href={`${base}/new`} className={buttonClasses("primary")}>
            <Plus aria-hidden className="size-4" />
            New deal
          </Link>
        )}
        {reason === "none-open" ? (
          <Link href={`${base}?status=all`} className={buttonClasses("secondary")}>
            Show all deals
          </Link>
        ) : null}
      </div>
    </div>
  );
}
