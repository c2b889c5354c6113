"use client";

import { usePathname, useRouter } from "next/navigation";
import { useEffect, useOptimistic, useRef, useTransition } from "react";

import { Input } from "@/components/ui/input";
import { MultiSelectMenu } from "@/components/ui/multi-select-menu";
import { Select } from "@/components/ui/select";
import {
  type DashboardFilters as Filters,
  dashboardFiltersToQuery,
  type DashboardRange,
  hasActiveDashboardFilters,
  RANGE_LABELS,
  RANGE_PRESETS,
} from "@/lib/schemas/dashboard-filters";
import type { DashboardOptions } from "@/server/data/dashboard/get-dashboard";

type DashboardFiltersProps = {
  filters: Filters;
  options: DashboardOptions;
  /** The resolved period, shown in the date inputs when a preset is selected. */
  period: { from: string; to: string };
};

const STAGE_GROUPS = { open: "Open stages", won: "Closed", lost: "Closed" } as const;

/**
 * Stage, sector, owner and period filters. Every change is written to the URL (router.replace:
 * filtering is not a history entry) and the server renders the dashboard for it; the controls show
 * the new choice at once while it loads (useOptimistic).
 */
export function DashboardFilters({ filters: current, options, period }: DashboardFiltersProps) {
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  const [filters, showFilters] = useOptimistic(current);
  const latest = useRef(current);
  useEffect(() => {
    latest.current = current;
  }, [current]);

  function apply(patch: Partial<Filters>) {
    const next = { ...latest.current, ...patch };
    latest.current = next;
    const query = dashboardFiltersToQuery(next);
    startTransition(() => {
      showFilters(next);
      router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
    });
  }

  function applyRange(range: DashboardRange) {
    apply(range === "custom" ? { range, from: period.from, to: period.to } : { range, from: null, to: null });
  }

  const custom = filters.range === "custom";
  const sectors = [...new Set([...options.sectors, ...filters.sectors])].sort((a, b) => a.localeCompare(b));

  return (
    <div
      className="grid w-full grid-cols-2 items-center gap-2 sm:flex sm:w-auto sm:flex-wrap"
      aria-busy={pending || undefined}
      data-testid="dashboard-filters"
    >
      <Select
        id="dashboard-period"
        aria-label="Period"
        value={filters.range}
        onChange={(e) => applyRange(e.target.value as DashboardRange)}
        className="w-full sm:w-44"
      >
        {RANGE_PRESETS.map((r) => (
          <option key={r} value={r}>
            {RANGE_LABELS[r]}
          </option>
        ))}
        <option value="custom">{RANGE_LABELS.custom}</option>
      </Select>
      {custom ? (
        <fieldset className="col-span-2 flex w-full items-center gap-2 sm:w-auto">
          <legend className="sr-only">Custom period</legend>
          <DateInput label="From" value={filters.from ?? period.from} max={filters.to ?? period.to} onChange={(from) => apply({ from })} />
          <span aria-hidden className="text-sm text-zinc-500">
            –
          </span>
          <DateInput label="To" value={filters.to ?? period.to} min={filters.from ?? period.from} onChange={(to) => apply({ to })} />
        </fieldset>
      ) : null}
      <MultiSelectMenu
        label="Stage"
        emptyText="All"
        options={options.stages.map((s) => ({ value: s.id, label: s.name, group: STAGE_GROUPS[s.kind] }))}
        selected={filters.stageIds}
        onChange={(stageIds) => apply({ stageIds })}
        className="w-full sm:w-44"
      />
      <MultiSelectMenu
        label="Sector"
        emptyText="All"
        options={sectors.map((s) => ({ value: s, label: s }))}
        selected={filters.sectors}
        onChange={(sectorList) => apply({ sectors: sectorList })}
        className="w-full sm:w-44"
      />
      {options.owners ? (
        <MultiSelectMenu
          label="Owner"
          emptyText="Everyone"
          options={options.owners.map((o) => ({ value: o.id, label: o.name }))}
          selected={filters.ownerIds}
          onChange={(ownerIds) => apply({ ownerIds })}
          className="w-full sm:w-48"
        />
      ) : null}
      {hasActiveDashboardFilters(filters) ? (
        <button
          type="button"
          onClick={() => {
            latest.current = { stageIds: [], sectors: [], ownerIds: [], range: "30d", from: null, to: null };
            startTransition(() => {
              showFilters(latest.current);
              router.replace(pathname, { scroll: false });
            });
            // The button disappears with the filters it cleared: keep keyboard focus in the filter bar.
            document.getElementById("dashboard-period")?.focus();
          }}
          className="col-span-2 inline-flex h-9 items-center rounded-md px-2 text-sm font-medium text-brand-700 hover:text-brand-800 hover:underline dark:text-brand-300 dark:hover:text-brand-200"
        >
          Reset filters
        </button>
      ) : null}
    </div>
  );
}

type DateInputProps = { label: string; value: string; min?: string; max?: string; onChange: (value: string) => void };

/** Applies a date only once it is complete: half-typed dates don't reload the dashboard. */
function DateInput({ label, value, min, max, onChange }: DateInputProps) {
  return (
    <Input
      type="date"
      aria-label={`${label} date`}
      value={value}
      min={min}
      max={max}
      required
      onChange={(e) => {
        if (/^\d{4}-\d{2}-\d{2}$/.test(e.target.value)) onChange(e.target.value);
      }}
      className="w-[calc(50%-0.75rem)] sm:w-40"
    />
  );
}
