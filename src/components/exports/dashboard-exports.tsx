import { DASHBOARD_TABLE_LABELS, DASHBOARD_TABLES } from "@/lib/schemas/export-params";

import { ExportMenu } from "./export-menu";
import { MonthlyReportDialog } from "./monthly-report-dialog";

/** The dashboard toolbar's export slot: its tables for the filters shown, and the monthly PDF. */
export function DashboardExports({ orgSlug, today, locale }: { orgSlug: string; today: string; locale: string }) {
  return (
    <>
      <ExportMenu
        targets={DASHBOARD_TABLES.map((t) => ({ label: DASHBOARD_TABLE_LABELS[t], href: `/${orgSlug}/exports/dashboard/${t}` }))}
        note="For the filters and period shown"
        align="start"
      />
      <MonthlyReportDialog orgSlug={orgSlug} today={today} locale={locale} />
    </>
  );
}
