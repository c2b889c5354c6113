import "server-only";

import { and, asc, eq } from "drizzle-orm";

import { lossReasons } from "@/db/schema";
import type { ImportMember } from "@/lib/import/owners";
import type { ImportStage } from "@/lib/import/stages";
import { foldLabel } from "@/lib/import/text";
import type { TenantContext } from "@/server/tenant";

import { listMembers } from "../members";
import { listStages } from "../stages";

export type ImportRefs = {
  stages: ImportStage[];
  members: ImportMember[];
  lossReasonId: string | null;
  /** Its label, for the preview: lost rows of the file carry no reason of their own. */
  lossReasonLabel: string | null;
};

const OTHER_REASON = new Set(["other", "autre", "andet", "others", "divers"]);

/** The org's stages, members and the loss reason imported lost deals get ("Other" / "Autre"). */
export async function loadImportRefs(ctx: TenantContext): Promise<ImportRefs> {
  const [stages, members, reasons] = await Promise.all([
    listStages(ctx),
    listMembers(ctx),
    ctx.db
      .select({ id: lossReasons.id, label: lossReasons.label })
      .from(lossReasons)
      .where(and(eq(lossReasons.orgId, ctx.orgId), eq(lossReasons.active, true)))
      .orderBy(asc(lossReasons.position)),
  ]);
  const other = reasons.find((r) => OTHER_REASON.has(foldLabel(r.label))) ?? reasons.at(-1) ?? null;
  return {
    stages: stages.map((s) => ({ id: s.id, name: s.name, probability: s.probability, kind: s.kind, firstStep: s.firstStep })),
    members: members.map((m) => ({ userId: m.userId, name: m.name, email: m.email })),
    lossReasonId: other?.id ?? null,
    lossReasonLabel: other?.label ?? null,
  };
}
