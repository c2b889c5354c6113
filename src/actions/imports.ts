"use server";

import { importIdSchema, startImportSchema, uploadImportSchema, validateImportSchema } from "@/lib/schemas/imports";
import { orgAction } from "@/server/action-factory";
import { createImportDraft, discardImportDraft } from "@/server/data/imports/drafts";
import { revertImport } from "@/server/data/imports/revert";
import { startImport } from "@/server/data/imports/start";
import { validateImport } from "@/server/data/imports/validate";

/** Step 1: the CSV file (a FormData with "file") becomes a draft with a suggested mapping. */
export const uploadImportAction = orgAction({
  permission: "import.run",
  input: uploadImportSchema,
  handler: async (ctx, file) => createImportDraft(ctx, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }),
  revalidate: ["/import/history"],
});

/** Step 2: check every row with the chosen mapping; saves the mapping and the row report. */
export const validateImportAction = orgAction({
  permission: "import.run",
  input: validateImportSchema,
  handler: (ctx, input) => validateImport(ctx, input),
});

/** Step 3: queue the run (a pg-boss job); the page polls its progress. */
export const startImportAction = orgAction({
  permission: "import.run",
  input: startImportSchema,
  handler: (ctx, input) => startImport(ctx, input),
  revalidate: (input) => [`/import/${input.importId}`, "/import/history"],
});

export const revertImportAction = orgAction({
  permission: "import.run",
  input: importIdSchema,
  handler: (ctx, { importId }) => revertImport(ctx, { importId }),
  // The deals it created or restored show up everywhere deals do.
  revalidate: ["/"],
});

export const discardImportAction = orgAction({
  permission: "import.run",
  input: importIdSchema,
  handler: (ctx, { importId }) => discardImportDraft(ctx, { importId }),
  revalidate: ["/import/history"],
});
