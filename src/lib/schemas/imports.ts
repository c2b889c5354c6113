import { z } from "zod";

import type { DuePreset } from "@/lib/dates/due-presets";
import { IMPORT_FIELDS, IMPORT_MODES, UNKNOWN_OWNER_POLICIES } from "@/lib/import/fields";
import { fileTooLargeMessage } from "@/lib/upload-limits";

import { ACTION_TYPES } from "./deals";
import { safeText } from "./primitives";

/** A 100 000-row file is about 10 MB; the size limit (20 MB) is in lib/upload-limits.ts. */
export const MAX_IMPORT_ROWS = 200_000;

const uuid = (what: string) => z.uuid({ error: `Choose ${what}` });

/** The upload: a FormData with one "file". */
export const uploadImportSchema = z.instanceof(FormData, { error: "Choose a CSV file to upload" }).transform((form, ctx) => {
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) {
    ctx.addIssue({ code: "custom", message: file instanceof File ? "That file is empty" : "Choose a CSV file to upload", path: ["file"] });
    return z.NEVER;
  }
  const tooLarge = fileTooLargeMessage(file.size);
  if (tooLarge) {
    ctx.addIssue({ code: "custom", message: tooLarge, path: ["file"] });
    return z.NEVER;
  }
  return file;
});

/** One distinct value of the stage column and the stage chosen for it ("" in the form: not mapped). */
const stageValueChoice = z.object({
  value: z.string().max(500),
  stageId: z.preprocess((v) => (v === "" ? null : v), z.uuid({ error: "Choose a stage" }).nullable()),
});

const DUE_PRESET_VALUES = ["later-today", "tomorrow-9", "in-3-days", "next-week"] as const satisfies readonly DuePreset[];

export const importOptionsSchema = z.object({
  mapping: z.array(z.enum(IMPORT_FIELDS).nullable()).min(1).max(200),
  mode: z.enum(IMPORT_MODES, { error: "Choose what happens to existing deals" }),
  unknownOwner: z.enum(UNKNOWN_OWNER_POLICIES, { error: "Choose what happens when the owner is unknown" }),
  /** The value-mapping step: where each listed value of the stage column goes. */
  stageValues: z.array(stageValueChoice).max(200).default([]),
  /** The close-date column's order as the user chose it; null: the one the whole column proves (columnDateOrder). */
  dateOrder: z.enum(["day-first", "month-first"]).nullable().default(null),
  firstAction: z.object({
    type: z.enum(ACTION_TYPES, { error: "Choose what kind of action" }),
    details: safeText({ min: [1, "Say what the first step is"], max: [200, "Keep it under 200 characters"] }),
    due: z.enum(DUE_PRESET_VALUES, { error: "Choose when it is due" }),
  }),
});
export type ImportOptions = z.output<typeof importOptionsSchema>;

export const DEFAULT_IMPORT_OPTIONS: Omit<ImportOptions, "mapping"> = {
  mode: "create",
  unknownOwner: "error",
  stageValues: [],
  dateOrder: null,
  // Only for stages without a step of their own or one their name suggests (lib/import/first-steps.ts).
  firstAction: { type: "task", details: "Follow up", due: "tomorrow-9" },
};

export const validateImportSchema = importOptionsSchema.extend({ importId: uuid("an import") });
export type ValidateImportInput = z.input<typeof validateImportSchema>;

export const startImportSchema = validateImportSchema.extend({
  /** Required to be true when some rows are invalid: the user chose "import the valid rows". */
  skipInvalid: z.boolean().default(false),
});
export type StartImportInput = z.input<typeof startImportSchema>;

export const importIdSchema = z.object({ importId: uuid("an import") });
