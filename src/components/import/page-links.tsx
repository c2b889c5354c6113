import { ChevronLeft, ChevronRight } from "lucide-react";
import Link from "next/link";

import { buttonClasses } from "@/components/ui/button";

type PageLinksProps = { href: (page: number) => string; page: number; pageCount: number; label: string };

/** Previous / next as plain links: history entries, keyboard-reachable, no JavaScript needed. */
export function PageLinks({ href, page, pageCount, label }: PageLinksProps) {
  if (pageCount <= 1) return null;
  const disabled = "pointer-events-none opacity-50";
  return (
    <nav aria-label={label} className="flex items-center justify-end gap-2 border-t border-zinc-200 px-5 py-3 text-sm dark:border-zinc-800">
      <Link
        href={href(page - 1)}
        aria-disabled={page <= 1}
        tabIndex={page <= 1 ? -1 : undefined}
        className={buttonClasses("secondary", "sm", page <= 1 ? disabled : undefined)}
      >
        <ChevronLeft aria-hidden className="size-4" />
        Previous
      </Link>
      <span className="px-1 text-zinc-700 tabular-nums dark:text-zinc-300">
        Page {page} of {pageCount}
      </span>
      <Link
        href={href(page + 1)}
        aria-disabled={page >= pageCount}
        tabIndex={page >= pageCount ? -1 : undefined}
        className={buttonClasses("secondary", "sm", page >= pageCount ? disabled : undefined)}
      >
        Next
        <ChevronRight aria-hidden className="size-4" />
      </Link>
    </nav>
  );
}
