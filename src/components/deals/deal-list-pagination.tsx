import { clsx } from "clsx";
import { ChevronLeft, ChevronRight } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";

import { DEAL_PAGE_SIZES, type DealFilters, dealFiltersToQuery } from "@/lib/schemas/deal-filters";

type DealListPaginationProps = { base: string; filters: DealFilters; page: number; pageCount: number; total: number; locale: string };

const navLink = clsx(
  "inline-flex h-8 items-center gap-1 rounded-md border border-zinc-300 bg-white px-2.5 text-sm font-medium text-zinc-700 shadow-xs",
  "hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-200 dark:hover:bg-zinc-800",
);
const navDisabled =
  "inline-flex h-8 cursor-not-allowed items-center gap-1 rounded-md border border-zinc-200 px-2.5 text-sm font-medium text-zinc-400 dark:border-zinc-800 dark:text-zinc-600";

/** Previous / next as links (ordinary history entries, keyboard-reachable, work without JavaScript), plus the page size. */
export function DealListPagination({ base, filters, page, pageCount, total, locale }: DealListPaginationProps) {
  const href = (patch: Partial<DealFilters>) => {
    const query = dealFiltersToQuery({ ...filters, page }, patch);
    return query ? `${base}?${query}` : base;
  };
  const n = new Intl.NumberFormat(locale);
  const first = total === 0 ? 0 : (page - 1) * filters.pageSize + 1;
  const last = Math.min(total, page * filters.pageSize);

  return (
    <nav
      aria-label="Pagination"
      className="flex flex-wrap items-center justify-between gap-3 border-t border-zinc-200 px-5 py-3 text-sm dark:border-zinc-800"
    >
      <p className="text-zinc-600 dark:text-zinc-400">
        {n.format(first)}–{n.format(last)} of {n.format(total)}
      </p>
      <div className="flex items-center gap-2">
        <PageLink href={page > 1 ? href({ page: page - 1 }) : null} label="Previous page">
          <ChevronLeft aria-hidden className="size-4" />
          <span className="hidden sm:inline">Previous</span>
        </PageLink>
        <span className="px-1 text-zinc-700 tabular-nums dark:text-zinc-300">
          Page {n.format(page)} of {n.format(pageCount)}
        </span>
        <PageLink href={page < pageCount ? href({ page: page + 1 }) : null} label="Next page">
          <span className="hidden sm:inline">Next</span>
          <ChevronRight aria-hidden className="size-4" />
        </PageLink>
      </div>
      <div className="flex items-center gap-1 text-zinc-600 dark:text-zinc-400">
        <span id="deal-page-size">Per page</span>
        <ul className="flex items-center gap-0.5" aria-labelledby="deal-page-size">
          {DEAL_PAGE_SIZES.map((size) => (
            <li key={size}>
              {size === filters.pageSize ? (
                <span
                  aria-current="true"
                  className="inline-flex h-7 items-center rounded-md bg-zinc-100 px-2 font-medium text-zinc-900 dark:bg-zinc-800 dark:text-zinc-100"
                >
                  {size}
                </span>
              ) : (
                <Link
                  href={href({ pageSize: size })}
                  aria-label={`Show ${size} per page`}
                  className="inline-flex h-7 items-center rounded-md px-2 hover:bg-zinc-100 hover:text-zinc-900 dark:hover:bg-zinc-800 dark:hover:text-zinc-100"
                >
                  {size}
                </Link>
              )}
            </li>
          ))}
        </ul>
      </div>
    </nav>
  );
}

function PageLink({ href, label, children }: { href: string | null; label: string; children: ReactNode }) {
  if (!href) {
    return (
      <span aria-disabled="true" aria-label={label} className={navDisabled}>
        {children}
      </span>
    );
  }
  return (
    <Link href={href} aria-label={label} className={navLink}>
      {children}
    </Link>
  );
}
