/**
 * Maps validation messages onto the dialog's fields. They come from two places with different
 * key shapes: the shared zod schema run in the browser (issue paths such as
 * ["followUp", "next", "details"]) and the action result's `fieldErrors`, where zod's flatten keeps
 * only the top-level key ("followUp") and the data layer uses dotted keys ("next.ownerId").
 */
export type CompleteField = "outcome" | "type" | "ownerId" | "dueAt" | "details" | "lossReasonId" | "lossNote" | "reason";

const FIELDS: readonly CompleteField[] = ["outcome", "type", "ownerId", "dueAt", "details", "lossReasonId", "lossNote", "reason"];

export type MappedErrors = {
  fields: Partial<Record<CompleteField, string>>;
  /** Messages with no field of their own (e.g. a flattened "followUp"), shown above the form. */
  general: string[];
};

/** The field a key names: its last dotted segment, when that is one of ours. */
function fieldOf(key: string): CompleteField | null {
  const last = key.split(".").pop() ?? "";
  return (FIELDS as readonly string[]).includes(last) ? (last as CompleteField) : null;
}

export function mapFieldErrors(fieldErrors: Record<string, string[] | undefined> | undefined): MappedErrors {
  const mapped: MappedErrors = { fields: {}, general: [] };
  for (const [key, messages] of Object.entries(fieldErrors ?? {})) {
    const message = messages?.[0];
    if (!message) continue;
    const field = fieldOf(key);
    if (field) mapped.fields[field] ??= message;
    else if (!mapped.general.includes(message)) mapped.general.push(message);
  }
  return mapped;
}

/** Zod issues → the same shape (first message per field wins, like the Field component shows). */
export function mapIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): MappedErrors {
  const grouped: Record<string, string[]> = {};
  for (const issue of issues) (grouped[issue.path.map(String).join(".")] ??= []).push(issue.message);
  return mapFieldErrors(grouped);
}

export function hasErrors(errors: MappedErrors): boolean {
  return errors.general.length > 0 || Object.keys(errors.fields).length > 0;
}
