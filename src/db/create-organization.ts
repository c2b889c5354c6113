import "server-only";

import type { DbOrTx } from "@/db/client";
import { lossReasons, organizations, pipelineStages } from "@/db/schema";
import { defaultLossReasons, defaultStages } from "@/lib/deals/pipeline-defaults";

/**
 * Creating an organization: its row, then the default pipeline and loss reasons every org starts
 * with, in the caller's transaction. It lives in db/ rather than server/data so that both callers
 * can reach it — the seed factories (db/ imports nothing from server/) and the data layer's org
 * creation (the first-run setup page, later), which wraps it with permissions and audit.
 */
export type NewOrganization = typeof organizations.$inferInsert;

export async function insertOrganization(db: DbOrTx, values: NewOrganization) {
  const [org] = await db.insert(organizations).values(values).returning();
  await insertDefaultPipeline(db, org!.id, org!.locale);
  return org!;
}

/** Also for bulk loaders that insert the organization row themselves (bench/lib/scale-load.ts). */
export async function insertDefaultPipeline(db: DbOrTx, orgId: string, locale: string) {
  await db.insert(pipelineStages).values(defaultStages(locale).map((s, i) => ({ orgId, position: i, ...s })));
  await db.insert(lossReasons).values(defaultLossReasons(locale).map((label, i) => ({ orgId, label, position: i })));
}
