import { parseDealFilters } from "@/lib/schemas/deal-filters";
import { dealExportTable } from "@/server/exports/deal-rows";
import { exportRoute, type OrgRouteParams, tableFile } from "@/server/exports/respond";

export const dynamic = "force-dynamic";

/** GET /<org>/exports/deals?format=csv|xlsx&<the deals list's filters and sort>: every matching deal, not one page. */
export function GET(request: Request, route: OrgRouteParams) {
  return exportRoute(request, route, async (ctx, url) => {
    const filters = parseDealFilters(url.searchParams);
    return tableFile(ctx, url, { what: "deals", title: "Deals", table: dealExportTable(ctx, filters) });
  });
}
