import { can } from "@/lib/permissions";
import { parseDashboardFilters } from "@/lib/schemas/dashboard-filters";
import { ForbiddenError } from "@/server/errors";
import { dashboardTableFile, parseDashboardTable } from "@/server/exports/dashboard-tables";
import { exportRoute } from "@/server/exports/respond";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ org: string; table: string }> };

/** GET /<org>/exports/dashboard/<deadlines|leaderboard|sectors|funnel>?format=csv|xlsx&<the dashboard's filters>. */
export function GET(request: Request, route: Params) {
  return exportRoute(request, route, async (ctx, url) => {
    if (!can(ctx.role, "dashboard.view")) throw new ForbiddenError();
    const table = parseDashboardTable((await route.params).table);
    return dashboardTableFile(ctx, url, table, parseDashboardFilters(url.searchParams));
  });
}
