import type { ReactNode } from "react";

import type { DashboardFilters as Filters } from "@/lib/schemas/dashboard-filters";
import type { DashboardOptions } from "@/server/data/dashboard/get-dashboard";

import { DashboardFilters } from "./dashboard-filters";

type DashboardToolbarProps = {
  filters: Filters;
  options: DashboardOptions;
  period: { from: string; to: string };
  /**
   * EXPORT SLOT — the export engineer puts the Excel/CSV/PDF links here (they get the same URL
   * filters: build them with dashboardFiltersToQuery). Nothing is rendered when it is empty.
   */
  exportSlot?: ReactNode;
};

/** The bar above the dashboard: the filters on the left, the export links (later) on the right. */
export function DashboardToolbar({ filters, options, period, exportSlot }: DashboardToolbarProps) {
  return (
    <section aria-label="Dashboard filters" className="mb-6 flex flex-wrap items-start justify-between gap-3">
      <DashboardFilters filters={filters} options={options} period={period} />
      {exportSlot ? (
        <div className="flex shrink-0 items-center gap-2" data-slot="dashboard-export">
          {exportSlot}
        </div>
      ) : null}
    </section>
  );
}
