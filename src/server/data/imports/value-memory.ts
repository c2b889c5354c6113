import "server-only";

import { and, desc, eq, inArray } from "drizzle-orm";
import { z } from "zod";

import { imports } from "@/db/schema";
import { mergeRemembered, type RememberedValues, type StageValueChoice } from "@/lib/import/value-map";
import { requirePermission, type TenantContext } from "@/server/tenant";

/** How many of the org's latest imports the value-mapping step remembers. */
const REMEMBERED_IMPORTS = 20;

const savedChoices = z.object({ stageValues: z.array(z.object({ value: z.string(), stageId: z.string().nullable() })).catch([]) });

/**
 * What the org mapped each stage value to in its imports that ran (the newest choice wins), so a
 * second export from the same CRM arrives pre-mapped. Only imports that ran count: a discarded
 * upload teaches nothing. Stage ids are checked against the org's stages by the step (prefill).
 */
export async function loadRememberedStageValues(ctx: TenantContext): Promise<RememberedValues> {
  requirePermission(ctx, "import.run");
  const rows = await ctx.db
    .select({ options: imports.options })
    .from(imports)
    .where(and(eq(imports.orgId, ctx.orgId), inArray(imports.status, ["completed", "reverted"])))
    .orderBy(desc(imports.createdAt))
    .limit(REMEMBERED_IMPORTS);
  const choices = rows.map((r): StageValueChoice[] => {
    const parsed = savedChoices.safeParse(r.options ?? {});
    return parsed.success ? parsed.data.stageValues : [];
  });
  return mergeRemembered(choices);
}
