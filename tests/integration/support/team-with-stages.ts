import { getDb } from "@/db/client";
import { createOrgWithTeam } from "@/db/seed/factories";
import { listStages } from "@/server/data/stages";

import { ctxFor } from "./fixtures";

/** An org in the UK (EUR, en-GB: day-first dates), its admin's context and its default pipeline's stages, by name too. */
export async function ukTeamWithStages() {
  const team = await createOrgWithTeam(getDb(), { currency: "EUR", locale: "en-GB", timeZone: "Europe/London" });
  const ctx = await ctxFor(team.admin.id, team.org.slug);
  const stages = await listStages(ctx);
  const stage = (name: string) => stages.find((s) => s.name === name)!.id;
  return { team, ctx, stages, stage };
}
