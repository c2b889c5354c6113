import { z } from "zod";

import { parseDecimalText, safeText } from "./primitives";

const stageId = z.uuid({ error: "Choose a stage" });

/**
 * A whole number typed into a form ("25", " 7 ") or sent as a number. An empty field is an error,
 * not 0: z.coerce.number() would silently turn "" into 0 %.
 */
function wholeNumber(required: string, range: string, min: number, max: number) {
  return z.preprocess(
    (v) => (typeof v === "string" ? (v.trim() === "" ? undefined : parseDecimalText(v)) : v),
    z.number({ error: required }).int(range).min(min, range).max(max, range),
  );
}

export const stageFieldsSchema = z.object({
  name: safeText({ required: "Give the stage a name", min: [1, "Give the stage a name"], max: [40, "Keep the name under 40 characters"] }),
  probability: wholeNumber("Enter a probability", "A whole percentage from 0 to 100", 0, 100),
  staleAfterDays: wholeNumber("Enter a number of days", "A whole number of days from 1 to 365", 1, 365),
});
export type StageFieldsInput = z.input<typeof stageFieldsSchema>;

export const addStageSchema = stageFieldsSchema;

export const updateStageSchema = stageFieldsSchema.extend({
  stageId,
  /**
   * Open stages: the first next step of deals imported into the stage. Blank: what the stage's name
   * suggests (null); absent (the won and lost stages' forms): unchanged.
   */
  firstStep: safeText({ max: [200, "Keep it under 200 characters"] })
    .optional()
    .transform((v) => (v === undefined ? undefined : v || null)),
});

export const reorderStagesSchema = z.object({
  stageIds: z
    .array(stageId)
    .min(1, "List every open stage")
    .max(50, "Too many stages")
    .refine((ids) => new Set(ids).size === ids.length, "Each stage may appear only once"),
});

export const removeStageSchema = z.object({ stageId });
