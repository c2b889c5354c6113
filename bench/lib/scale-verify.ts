import { sql } from "drizzle-orm";

import type { Tx } from "@/db/client";

import { SCALE } from "./config";
import { pgArray } from "./util";

/**
 * What the disabled triggers would have guaranteed, checked over every row of the load: each open
 * deal has exactly one pending action, closed deals none, status equals the stage's kind, and the
 * current stage_history row matches the deal. Also checks the profile's sizes. Throws (and so rolls
 * the load back) on any violation.
 */
export async function assertScaleInvariants(tx: Tx, orgIds: string[]): Promise<Record<string, number>> {
  const orgs = sql`${pgArray(orgIds)}::uuid[]`;
  const [row] = (await tx.execute(sql`
    select
      (select count(*) from deals d where d.org_id = any(${orgs}) and d.status = 'open' and d.deleted_at is null
         and (select count(*) from actions a where a.org_id = d.org_id and a.deal_id = d.id and a.completed_at is null) <> 1) as open_without_one_pending,
      (select count(*) from deals d join actions a on a.org_id = d.org_id and a.deal_id = d.id and a.completed_at is null
         where d.org_id = any(${orgs}) and d.status <> 'open') as closed_with_pending,
      (select count(*) from deals d join pipeline_stages s on s.org_id = d.org_id and s.id = d.stage_id
         where d.org_id = any(${orgs}) and s.kind::text <> d.status::text) as status_not_stage_kind,
      (select count(*) from deals d where d.org_id = any(${orgs}) and not exists (
         select 1 from deal_stage_history h where h.org_id = d.org_id and h.deal_id = d.id and h.exited_at is null
           and h.stage_id = d.stage_id and h.entered_at = d.stage_entered_at)) as history_not_current,
      (select count(*) from deals where org_id = any(${orgs})) as deals,
      (select count(*) from deals where org_id = any(${orgs}) and status = 'open') as open_deals,
      (select count(*) from actions where org_id = any(${orgs}) and completed_at is not null) as completed_actions,
      (select count(*) from actions where org_id = any(${orgs}) and completed_at is null) as pending_actions,
      (select count(*) from deal_stage_history where org_id = any(${orgs})) as stage_history_rows
  `)) as unknown as Record<string, string>[];
  const counts = Object.fromEntries(Object.entries(row!).map(([k, v]) => [k, Number(v)]));
  const violations = ["open_without_one_pending", "closed_with_pending", "status_not_stage_kind", "history_not_current"].filter(
    (k) => counts[k] !== 0,
  );
  const expected = { deals: SCALE.dealsPerOrg * orgIds.length, completed_actions: SCALE.completedActionsPerOrg * orgIds.length };
  const wrongSize = Object.entries(expected).filter(([k, v]) => counts[k] !== v);
  if (violations.length || wrongSize.length) {
    throw new Error(`Scale load broke its invariants (rolled back): ${JSON.stringify(counts)}`);
  }
  return counts;
}
