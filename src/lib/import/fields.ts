/**
 * What a CSV column can be imported as. `null` in a mapping means "ignore this column".
 * Deals have no notes column: notes go into the details of the first next action.
 */
export const IMPORT_FIELDS = [
  "contact",
  "title",
  "product",
  "stage",
  "status",
  "value",
  "sector",
  "expectedCloseDate",
  "createdDate",
  "wonDate",
  "lostDate",
  "owner",
  "source",
  "notes",
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** One entry per file column, in file order. */
export type ImportMapping = (ImportField | null)[];

export const IMPORT_FIELD_LABELS: Record<ImportField, string> = {
  contact: "Contact (client)",
  title: "Deal title",
  product: "Product or service",
  stage: "Stage (status)",
  status: "Status (open / won / lost)",
  value: "Value (amount)",
  sector: "Sector",
  expectedCloseDate: "Expected close date",
  createdDate: "Created date",
  wonDate: "Won date",
  lostDate: "Lost date",
  owner: "Owner",
  source: "Source",
  notes: "Notes → first next action",
};

export const IMPORT_MODES = ["create", "create_update", "update_only"] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

export const IMPORT_MODE_LABELS: Record<ImportMode, { label: string; hint: string }> = {
  create: { label: "Create new deals", hint: "Rows that match an existing deal are skipped and listed in the report." },
  create_update: { label: "Create and update", hint: "Matching deals are updated; the other rows become new deals." },
  update_only: { label: "Update only", hint: "Only matching deals are updated; the other rows are skipped." },
};

export const UNKNOWN_OWNER_POLICIES = ["error", "me"] as const;
export type UnknownOwnerPolicy = (typeof UNKNOWN_OWNER_POLICIES)[number];

/** Which column feeds each field (the first one mapped to it); fields nobody maps are absent. */
export function columnsByField(mapping: ImportMapping): Partial<Record<ImportField, number>> {
  const out: Partial<Record<ImportField, number>> = {};
  mapping.forEach((field, index) => {
    if (field && out[field] === undefined) out[field] = index;
  });
  return out;
}

/** Fields mapped by more than one column: the form asks the user to choose. */
export function duplicateFields(mapping: ImportMapping): ImportField[] {
  const seen = new Set<ImportField>();
  const dup = new Set<ImportField>();
  for (const field of mapping) {
    if (!field) continue;
    if (seen.has(field)) dup.add(field);
    seen.add(field);
  }
  return [...dup];
}
