"use server";

import { addStageSchema, removeStageSchema, reorderStagesSchema, updateStageSchema } from "@/lib/schemas/pipeline";
import { orgAction } from "@/server/action-factory";
import { addStage, removeStage, reorderStages, updateStage } from "@/server/data/stages";
import { constraintOf, isUniqueViolation, ValidationError } from "@/server/errors";

// Stage names, order and probabilities show on the board, the deals list, deal pages and reports.
const PIPELINE_VIEWS = ["/"];

/** Two stages may not share a name (case-insensitive): say so on the name field, not as a generic conflict. */
async function withNameCheck<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (isUniqueViolation(err) && constraintOf(err) === "pipeline_stages_org_name_key") {
      throw new ValidationError("Another stage already has that name.", { name: ["Another stage already has that name"] });
    }
    throw err;
  }
}

export const updateStageAction = orgAction({
  permission: "pipeline.configure",
  input: updateStageSchema,
  handler: (ctx, { stageId, name, probability, staleAfterDays, firstStep }) =>
    withNameCheck(() => updateStage(ctx, { stageId, name, probability, staleAfterDays, firstStep })),
  revalidate: PIPELINE_VIEWS,
});

export const addStageAction = orgAction({
  permission: "pipeline.configure",
  input: addStageSchema,
  handler: (ctx, { name, probability, staleAfterDays }) => withNameCheck(() => addStage(ctx, { name, probability, staleAfterDays })),
  revalidate: PIPELINE_VIEWS,
});

export const reorderStagesAction = orgAction({
  permission: "pipeline.configure",
  input: reorderStagesSchema,
  handler: (ctx, { stageIds }) => reorderStages(ctx, { stageIds }),
  revalidate: PIPELINE_VIEWS,
});

export const removeStageAction = orgAction({
  permission: "pipeline.configure",
  input: removeStageSchema,
  handler: (ctx, { stageId }) => removeStage(ctx, { stageId }),
  revalidate: PIPELINE_VIEWS,
});
