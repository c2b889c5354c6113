import { clsx } from "clsx";
import { ArrowDown, ArrowUp, ChevronsUpDown } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";

import { BoardIconSprite } from "@/components/board/board-icons";
import { formatDate, formatDateTime } from "@/lib/dates/format";
import { describeDue } from "@/lib/dates/relative";
import { countOf, formatCount } from "@/lib/format/figures";
import { formatMoney } from "@/lib/money";
import { type DealFilters, dealFiltersToQuery, type DealSortKey, sortToggle } from "@/lib/schemas/deal-filters";
import { UI_LANGUAGE } from "@/lib/ui-language";
import type { CurrencyTotal, DealListRow } from "@/server/data/deal-list";

import { DealListRows, type DealRowView } from "./deal-list-rows";

type Org = { slug: string; locale: string; timeZone: string };

type DealListTableProps = {
  org: Org;
  rows: DealListRow[];
  totals: CurrencyTotal[];
  total: number;
  filters: DealFilters;
  /** Reps only see their own deals, so the owner column would say the same thing on every row. */
  showOwner: boolean;
  now: Date;
};

// `.dl-*` classes (app/globals.css): every row repeats them, as utilities they were half the page.
const cell = "dl-cell";

const SORT_LABELS: Record<DealSortKey, string> = {
  created: "creation date",
  title: "title",
  value: "value",
  weighted: "weighted value",
  stage: "stage",
  owner: "owner",
  close: "expected close date",
  due: "next action due time",
};

export function DealListTable({ org, rows, totals, total, filters, showOwner, now }: DealListTableProps) {
  const base = `/${org.slug}/deals`;
  const header = (key: DealSortKey, label: string, className?: string) => (
    <SortHeader key={key} sortKey={key} label={label} filters={filters} base={base} className={className} />
  );
  return (
    <div className="overflow-x-auto">
      {/* The next step's icon once per page, referenced by every row (an inline icon is ~700 bytes, twice: HTML and RSC payload). */}
      <BoardIconSprite />
      <table className="w-full text-left text-sm">
        <caption className="sr-only">
          Deals, sorted by {SORT_LABELS[filters.sort]} ({filters.dir === "asc" ? "ascending" : "descending"})
        </caption>
        <thead className="border-b border-zinc-200 text-xs text-zinc-500 dark:border-zinc-800 dark:text-zinc-400">
          <tr>
            {header("title", "Deal", "pl-5")}
            {header("stage", "Stage", "hidden md:table-cell")}
            {showOwner ? header("owner", "Owner", "hidden lg:table-cell") : null}
            {header("value", "Value", "hidden text-right sm:table-cell")}
            {header("weighted", "Weighted", "hidden text-right lg:table-cell")}
            {header("due", "Next action")}
            {header("close", "Close", "hidden pr-5 xl:table-cell")}
          </tr>
        </thead>
        <DealListRows base={base} rows={rows.map((deal) => toRowView(deal, org, now, showOwner))} showOwner={showOwner} />
        <tfoot className="hidden border-t-2 border-zinc-200 text-sm font-medium sm:table-footer-group dark:border-zinc-700">
          {totals.map((t, i) => (
            <tr key={t.currency}>
              <th scope="row" className={clsx(cell, "pl-5 text-left font-medium text-zinc-700 dark:text-zinc-300")}>
                {i === 0 ? `Total, ${countOf(total, "deal", "deals", org.locale)}` : null}
                {totals.length > 1 ? (
                  <span className="block text-xs font-normal text-zinc-500">
                    {formatCount(t.count, org.locale)} in {t.currency}
                  </span>
                ) : null}
              </th>
              <td className={clsx(cell, "hidden md:table-cell")} />
              {showOwner ? <td className={clsx(cell, "hidden lg:table-cell")} /> : null}
              <td className={clsx(cell, "text-right whitespace-nowrap tabular-nums")}>
                {formatMoney(t.valueMinor, t.currency, org.locale)}
              </td>
              <td className={clsx(cell, "hidden text-right whitespace-nowrap tabular-nums lg:table-cell")}>
                {formatMoney(t.weightedMinor, t.currency, org.locale)}
              </td>
              <td className={cell} />
              <td className={clsx(cell, "hidden xl:table-cell")} />
            </tr>
          ))}
        </tfoot>
      </table>
    </div>
  );
}

/** Formats one row for DealListRows (a client component): what it shows, nothing more. */
function toRowView(deal: DealListRow, org: Org, now: Date, showOwner: boolean): DealRowView {
  const money = (minor: number) => formatMoney(minor, deal.currency, org.locale);
  const next = deal.nextAction;
  const distance = next ? describeDue(next.dueAt, now, { language: UI_LANGUAGE, timeZone: org.timeZone }) : null;
  return {
    id: deal.id,
    title: deal.title,
    contactName: deal.contactName,
    sector: deal.sector,
    stageName: deal.stageName,
    probability: deal.probability,
    ...(showOwner ? { ownerName: deal.ownerName } : {}),
    value: money(deal.valueMinor),
    weighted: money(deal.weightedMinor),
    close: deal.expectedCloseDate ? formatDate(deal.expectedCloseDate, org.locale, org.timeZone) : null,
    next:
      next && distance
        ? {
            type: next.type,
            state: next.state,
            dueAt: next.dueAt.toISOString(),
            dueTitle: formatDateTime(next.dueAt, org.locale, org.timeZone),
            distance: distance.text,
            late: distance.late,
          }
        : null,
    closed: next ? null : { won: deal.status === "won", at: deal.closedAt ? formatDate(deal.closedAt, org.locale, org.timeZone) : null },
  };
}

type SortHeaderProps = { sortKey: DealSortKey; label: string; filters: DealFilters; base: string; className?: string };

/** A column header that is a link: the URL holds the sort, so it works without JavaScript and can be shared. */
function SortHeader({ sortKey, label, filters, base, className }: SortHeaderProps): ReactNode {
  const active = filters.sort === sortKey;
  const query = dealFiltersToQuery(filters, sortToggle(filters, sortKey));
  const Icon = !active ? ChevronsUpDown : filters.dir === "asc" ? ArrowUp : ArrowDown;
  const right = className?.includes("text-right");
  return (
    <th
      scope="col"
      aria-sort={active ? (filters.dir === "asc" ? "ascending" : "descending") : undefined}
      className={clsx("px-3 py-2.5 font-medium whitespace-nowrap", className)}
    >
      <Link
        href={query ? `${base}?${query}` : base}
        replace
        scroll={false}
        className={clsx(
          "inline-flex items-center gap-1 rounded hover:text-zinc-900 dark:hover:text-zinc-100",
          right && "flex-row-reverse",
          active && "text-zinc-900 dark:text-zinc-100",
        )}
      >
        {label}
        <Icon aria-hidden className={clsx("size-3.5", !active && "opacity-40")} />
      </Link>
    </th>
  );
}
