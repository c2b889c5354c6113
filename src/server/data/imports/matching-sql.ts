import "server-only";

import { type SQL, sql } from "drizzle-orm";

import type { TenantContext } from "@/server/tenant";

import { visibleDeals } from "../deal-scope";

/**
 * `deals` rows that a row (its client, title and amount, as SQL) duplicates: a deal the actor can see
 * with the same client (case-insensitive) and the same title (case-insensitive) or the same amount.
 */
export function sameDeal(ctx: TenantContext, contact: SQL, title: SQL, value: SQL): SQL {
  return sql`${visibleDeals(ctx)}
           and lower(deals.contact_name) = lower(${contact})
           and (lower(deals.title) = lower(${title}) or deals.value_minor = ${value})`;
}
