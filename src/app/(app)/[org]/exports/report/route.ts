import { todayIn } from "@/lib/kpi/period";
import { can } from "@/lib/permissions";
import { exportFileName, parseReportMonth } from "@/lib/schemas/export-params";
import { ForbiddenError } from "@/server/errors";
import { getMonthlyReport, monthlyReportPdf } from "@/server/exports/pdf-report";
import { exportRoute, type OrgRouteParams, pdfFile } from "@/server/exports/respond";

export const dynamic = "force-dynamic";

/** GET /<org>/exports/report?month=YYYY-MM: the monthly PDF report (this month, to date, by default). */
export function GET(request: Request, route: OrgRouteParams) {
  return exportRoute(request, route, async (ctx, url) => {
    if (!can(ctx.role, "dashboard.view")) throw new ForbiddenError();
    const now = new Date();
    const month = parseReportMonth(url.searchParams.get("month"), todayIn(now, ctx.org.timeZone));
    const report = await getMonthlyReport(ctx, month, now);
    return pdfFile(exportFileName(ctx.org.slug, "report", month, "pdf"), monthlyReportPdf(ctx, report));
  });
}
