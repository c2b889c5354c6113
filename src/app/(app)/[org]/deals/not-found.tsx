"use client";

import { SearchX } from "lucide-react";
import Link from "next/link";
import { useParams } from "next/navigation";

import { buttonClasses } from "@/components/ui/button";

/**
 * A deal that does not exist, was deleted, belongs to another org or (for a rep) to another rep:
 * all look the same, on purpose. Rendered inside the shell, so navigation stays at hand. It sits at
 * deals/ because the deal's layout ([dealId]/layout.tsx) raises the not-found, and a segment's
 * own not-found.tsx only catches what its page and children raise.
 */
export default function DealNotFound() {
  const { org } = useParams<{ org: string }>();
  return (
    <div className="mx-auto max-w-md py-16 text-center">
      <div className="mx-auto mb-4 flex size-12 items-center justify-center rounded-full bg-zinc-100 text-zinc-500 dark:bg-zinc-800 dark:text-zinc-400">
        <SearchX aria-hidden className="size-6" />
      </div>
      <h1 className="text-lg font-semibold text-zinc-900 dark:text-zinc-100">Deal not found</h1>
      <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
        It may have been deleted, or it is not one you can see. Sales reps see their own deals only.
      </p>
      <Link href={`/${org}/deals`} className={buttonClasses("secondary", "md", "mt-6")}>
        Back to deals
      </Link>
    </div>
  );
}
