import "server-only";

import { sql } from "drizzle-orm";

import type { ImportRow } from "@/lib/import/rows";
import type { TenantContext } from "@/server/tenant";

import { sameDeal } from "./matching-sql";
import { numberArray, textArray } from "./sql-arrays";

export type ExistingDeal = {
  id: string;
  title: string;
  ownerId: string;
  valueMinor: number;
  stageId: string;
  probability: number;
  status: "open" | "won" | "lost";
  sector: string | null;
  source: string | null;
  expectedCloseDate: string | null;
};

export type FindExistingDealsParams = { rows: ImportRow[] };

/**
 * The existing deal each row duplicates, by index in `rows`: same client (case-insensitive) and
 * the same title (case-insensitive) or the same amount. When several deals match, a title match
 * wins, then the newest. One set-based query per batch, served by deals_org_contact_lower_idx.
 */
export async function findExistingDeals(ctx: TenantContext, { rows }: FindExistingDealsParams): Promise<Map<number, ExistingDeal>> {
  if (rows.length === 0) return new Map();
  // One index probe per row (LATERAL … LIMIT 1): the plan stays right however much the table grows
  // during the import, where a cached hash-join plan made at the first batch would scan it all.
  const result = await ctx.db.execute<{
    ord: number;
    id: string;
    title: string;
    owner_id: string;
    value_minor: string;
    stage_id: string;
    probability: number;
    status: "open" | "won" | "lost";
    sector: string | null;
    source: string | null;
    expected_close_date: string | null;
  }>(sql`
    select k.ord, m.*
      from unnest(${textArray(rows.map((r) => r.contact))}::text[], ${textArray(rows.map((r) => r.title))}::text[],
                  ${numberArray(rows.map((r) => r.valueMinor))}::bigint[]) with ordinality as k(contact, title, value, ord)
      cross join lateral (
        select deals.id, deals.title, deals.owner_id, deals.value_minor, deals.stage_id, deals.probability, deals.status,
               deals.sector, deals.source, deals.expected_close_date::text as expected_close_date
          from deals
         where ${sameDeal(ctx, sql`k.contact`, sql`k.title`, sql`k.value`)}
         order by (lower(deals.title) = lower(k.title)) desc, deals.created_at desc
         limit 1) m`);
  const out = new Map<number, ExistingDeal>();
  for (const r of result) {
    out.set(Number(r.ord) - 1, {
      id: r.id,
      title: r.title,
      ownerId: r.owner_id,
      valueMinor: Number(r.value_minor),
      stageId: r.stage_id,
      probability: r.probability,
      status: r.status,
      sector: r.sector,
      source: r.source,
      expectedCloseDate: r.expected_close_date,
    });
  }
  return out;
}
