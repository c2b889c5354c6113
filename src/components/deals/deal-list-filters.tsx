"use client";

import { clsx } from "clsx";
import { SlidersHorizontal } from "lucide-react";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useOptimistic, useRef, useState, useTransition } from "react";

import { Input } from "@/components/ui/input";
import { MultiSelectMenu } from "@/components/ui/multi-select-menu";
import { Select } from "@/components/ui/select";
import {
  DEAL_DATE_FIELD_LABELS,
  DEAL_DATE_FIELDS,
  DEAL_STATUS_FILTER_LABELS,
  DEAL_STATUS_FILTERS,
  type DealDateField,
  type DealFilters,
  dealFiltersToQuery,
  type DealSortKey,
  type DealStatusFilter,
  DEFAULT_DEAL_FILTERS,
  hasActiveDealFilters,
  type SortDirection,
} from "@/lib/schemas/deal-filters";

import { DealListSearch } from "./deal-list-search";
import { DEAL_SORT_OPTIONS } from "./deal-list-sort-options";

export type FilterStage = { id: string; name: string; kind: "open" | "won" | "lost" };

type DealListFiltersProps = {
  filters: DealFilters;
  stages: FilterStage[];
  /** Null for reps, who only ever see their own deals. */
  owners: { id: string; name: string }[] | null;
  sectors: string[];
};

const STAGE_GROUPS = { open: "Open stages", won: "Closed", lost: "Closed" } as const;

/**
 * The filter bar writes every change to the URL (router.replace: filtering is not a new history
 * entry), and the server page renders the result. The controls show the new choice at once
 * (useOptimistic) while the list loads, and a change made before the previous one has loaded
 * builds on it rather than on the props, which lag behind until the server answers.
 */
export function DealListFilters({ filters: current, stages, owners, sectors }: DealListFiltersProps) {
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  const [filters, showFilters] = useOptimistic(current);
  const [moreOpen, setMoreOpen] = useState(false);
  const latest = useRef(current);

  useEffect(() => {
    latest.current = current;
  }, [current]);

  function apply(patch: Partial<DealFilters>) {
    const next = { ...latest.current, ...patch, page: 1 };
    latest.current = next;
    const query = dealFiltersToQuery(next);
    startTransition(() => {
      showFilters(next);
      router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
    });
  }

  const narrowed = hasActiveDealFilters(filters);
  const secondaryCount = [filters.stageIds.length > 0, filters.ownerId, filters.sector, filters.from || filters.to, filters.overdue].filter(
    Boolean,
  ).length;
  const sortValue = `${filters.sort}:${filters.dir}`;
  const resettable = narrowed || filters.sort !== DEFAULT_DEAL_FILTERS.sort || filters.dir !== DEFAULT_DEAL_FILTERS.dir;

  return (
    <section aria-label="Filter deals" className="mb-5 space-y-2" aria-busy={pending || undefined}>
      <div className="flex flex-wrap items-center gap-2">
        <DealListSearch value={current.q} onSearch={(q) => apply({ q })} pending={pending} />
        <Select
          aria-label="Status"
          value={filters.status}
          onChange={(e) => apply({ status: e.target.value as DealStatusFilter })}
          className="w-32"
        >
          {DEAL_STATUS_FILTERS.map((s) => (
            <option key={s} value={s}>
              {s === "all" ? "All deals" : DEAL_STATUS_FILTER_LABELS[s]}
            </option>
          ))}
        </Select>
        <button
          type="button"
          aria-expanded={moreOpen}
          aria-controls="deal-filters-more"
          onClick={() => setMoreOpen((open) => !open)}
          className="inline-flex h-9 items-center gap-1.5 rounded-md border border-zinc-300 bg-white px-3 text-sm font-medium text-zinc-700 shadow-xs hover:bg-zinc-50 md:hidden dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-200 dark:hover:bg-zinc-800"
        >
          <SlidersHorizontal aria-hidden className="size-4" />
          Filters{secondaryCount > 0 ? ` (${secondaryCount})` : ""}
        </button>
      </div>

      <div id="deal-filters-more" className={clsx("flex-wrap items-center gap-2 md:flex", moreOpen ? "flex" : "hidden")}>
        <MultiSelectMenu
          label="Stage"
          emptyText="All"
          options={stages.map((s) => ({ value: s.id, label: s.name, group: STAGE_GROUPS[s.kind] }))}
          selected={filters.stageIds}
          onChange={(stageIds) => apply({ stageIds })}
          className="w-full sm:w-44"
        />
        {owners ? (
          <Select
            aria-label="Owner"
            value={filters.ownerId ?? ""}
            onChange={(e) => apply({ ownerId: e.target.value || null })}
            className="w-full sm:w-44"
          >
            <option value="">All owners</option>
            {owners.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </Select>
        ) : null}
        <Select
          aria-label="Sector"
          value={filters.sector ?? ""}
          onChange={(e) => apply({ sector: e.target.value || null })}
          className="w-full sm:w-44"
        >
          <option value="">All sectors</option>
          {/* A sector from the URL that no visible deal has any more stays selectable, so the select never lies. */}
          {filters.sector && !sectors.includes(filters.sector) ? <option value={filters.sector}>{filters.sector}</option> : null}
          {sectors.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </Select>

        <fieldset className="flex w-full flex-wrap items-center gap-2 sm:w-auto">
          <legend className="sr-only">Date range</legend>
          <Select
            aria-label="Date to filter on"
            value={filters.dateField}
            onChange={(e) => apply({ dateField: e.target.value as DealDateField })}
            className="w-full sm:w-40"
          >
            {DEAL_DATE_FIELDS.map((f) => (
              <option key={f} value={f}>
                {DEAL_DATE_FIELD_LABELS[f]}
              </option>
            ))}
          </Select>
          <div className="grid w-full grid-cols-[1fr_auto_1fr] items-center gap-2 sm:flex sm:w-auto">
            <DateInput label="From" value={filters.from} max={filters.to} onChange={(from) => apply({ from })} />
            <span aria-hidden className="text-sm text-zinc-500">
              –
            </span>
            <DateInput label="To" value={filters.to} min={filters.from} onChange={(to) => apply({ to })} />
          </div>
        </fieldset>

        <label className="inline-flex h-9 items-center gap-2 rounded-md px-1 text-sm text-zinc-800 dark:text-zinc-200">
          <input
            type="checkbox"
            checked={filters.overdue}
            onChange={(e) => apply({ overdue: e.target.checked })}
            className="size-4 rounded border-zinc-300 accent-brand-600 dark:border-zinc-600"
          />
          Overdue only
        </label>

        <Select
          aria-label="Sort"
          value={sortValue}
          onChange={(e) => {
            const [sort, dir] = e.target.value.split(":") as [DealSortKey, SortDirection];
            apply({ sort, dir });
          }}
          className="w-full sm:w-60"
        >
          {DEAL_SORT_OPTIONS.map((o) => (
            <option key={`${o.sort}:${o.dir}`} value={`${o.sort}:${o.dir}`}>
              {o.label}
            </option>
          ))}
        </Select>

        {resettable ? (
          <Link
            href={pathname}
            replace
            scroll={false}
            className="inline-flex h-9 items-center rounded-md px-2 text-sm font-medium text-brand-700 hover:text-brand-800 hover:underline dark:text-brand-300 dark:hover:text-brand-200"
          >
            Reset
          </Link>
        ) : null}
      </div>
    </section>
  );
}

type DateInputProps = {
  label: string;
  value: string | null;
  min?: string | null;
  max?: string | null;
  onChange: (value: string | null) => void;
};

/** Applies a date only once it is complete (or cleared): half-typed dates don't reload the list. */
function DateInput({ label, value, min, max, onChange }: DateInputProps) {
  return (
    <Input
      type="date"
      aria-label={`${label} date`}
      value={value ?? ""}
      min={min ?? undefined}
      max={max ?? undefined}
      onChange={(e) => {
        const v = e.target.value;
        if (v === "" || /^\d{4}-\d{2}-\d{2}$/.test(v)) onChange(v || null);
      }}
      className="sm:w-40"
    />
  );
}
