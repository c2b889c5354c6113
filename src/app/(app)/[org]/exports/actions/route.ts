import { parseActionExportFilters } from "@/lib/schemas/export-params";
import { actionExportTable } from "@/server/exports/action-rows";
import { exportRoute, type OrgRouteParams, tableFile } from "@/server/exports/respond";

export const dynamic = "force-dynamic";

/** GET /<org>/exports/actions?format=csv|xlsx&status=all|pending|completed&from=&to=&owner=: next steps of the visible deals. */
export function GET(request: Request, route: OrgRouteParams) {
  return exportRoute(request, route, async (ctx, url) => {
    const filters = parseActionExportFilters(url.searchParams);
    return tableFile(ctx, url, { what: "actions", title: "Actions", table: actionExportTable(ctx, filters) });
  });
}
