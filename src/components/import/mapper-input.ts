import type { FormValues } from "@/components/forms/form-values";
import type { ImportField, ImportMapping, UnknownOwnerPolicy } from "@/lib/import/fields";
import type { StageValueChoice } from "@/lib/import/value-map";
import type { ValidateImportInput } from "@/lib/schemas/imports";

/**
 * The mapping form's values (`mapping.0`…, `stageValues.0.value`/`.stageId`…, `mode`, `unknownOwner`,
 * `firstAction.*`, all text) as
 * the check and start actions take them. An ignored column is sent as "" and becomes null; the
 * action's schema checks every value, so a value the form could not produce is refused there.
 */
export function importInputOf(values: FormValues, importId: string): ValidateImportInput {
  const firstAction = (values.firstAction ?? {}) as FormValues;
  return {
    importId,
    mapping: mappingOf(values) ?? [],
    stageValues: stageValuesOf(values) ?? [],
    mode: text(values.mode) as ValidateImportInput["mode"],
    unknownOwner: text(values.unknownOwner) as UnknownOwnerPolicy,
    // "" is "as detected from the column".
    dateOrder: (text(values.dateOrder) || null) as ValidateImportInput["dateOrder"],
    firstAction: {
      type: text(firstAction.type) as ValidateImportInput["firstAction"]["type"],
      details: text(firstAction.details),
      due: text(firstAction.due) as ValidateImportInput["firstAction"]["due"],
    },
  };
}

/** The columns' choices as the form holds them now (null when the form holds none, e.g. before it mounts). */
export function mappingOf(values: FormValues | null): ImportMapping | null {
  const mapping = values?.mapping;
  if (!Array.isArray(mapping)) return null;
  // A sparse array (a column not in the form) reads as ignored rather than as a hole.
  return Array.from(mapping, (choice) => (typeof choice === "string" && choice !== "" ? (choice as ImportField) : null));
}

/** The value-mapping step's choices as the form holds them now ("" is "not mapped": null). */
export function stageValuesOf(values: FormValues | null): StageValueChoice[] | null {
  const list = values?.stageValues;
  if (!Array.isArray(list)) return null;
  return Array.from(list, (choice) => {
    const c = (choice ?? {}) as FormValues;
    return { value: text(c.value), stageId: text(c.stageId) || null };
  });
}

const text = (value: FormValues[string] | undefined) => (typeof value === "string" ? value : "");
