import { nextActionSchema } from "@/lib/schemas/deals";

/**
 * Maps validation messages onto the new-deal form. They come in two shapes: zod issues from the
 * shared schema run in the browser (paths such as ["firstAction", "details"]), and the action
 * result's `fieldErrors`, where zod's flatten keeps only the top-level key ("firstAction") and the
 * data layer uses dotted keys ("firstAction.ownerId").
 */
export const NEW_DEAL_FIELDS = [
  "title",
  "contactName",
  "value",
  "stageId",
  "probability",
  "ownerId",
  "sector",
  "source",
  "expectedCloseDate",
  "firstAction.type",
  "firstAction.details",
  "firstAction.dueAt",
] as const;
export type NewDealField = (typeof NEW_DEAL_FIELDS)[number];

export type NewDealErrors = {
  fields: Partial<Record<NewDealField, string>>;
  /** About the next action as a whole (a flattened message we could not place, or its owner). */
  nextAction: string[];
  /** Everything else, shown above the form. */
  general: string[];
};

const isField = (key: string): key is NewDealField => (NEW_DEAL_FIELDS as readonly string[]).includes(key);

function add(list: string[], message: string) {
  if (!list.includes(message)) list.push(message);
}

export function issuesToErrors(issues: readonly { path: readonly PropertyKey[]; message: string }[]): NewDealErrors {
  const errors: NewDealErrors = { fields: {}, nextAction: [], general: [] };
  for (const issue of issues) {
    const key = issue.path.map(String).join(".");
    if (isField(key)) errors.fields[key] ??= issue.message;
    else if (key.startsWith("firstAction")) add(errors.nextAction, issue.message);
    else add(errors.general, issue.message);
  }
  return errors;
}

/**
 * An action result's field errors. A flattened "firstAction" message is placed by re-checking the
 * submitted next action with the same schema; if that finds nothing (the server's clock disagreed,
 * say), the message is shown on the next-action section as a whole.
 */
export function resultToErrors(fieldErrors: Record<string, string[] | undefined> | undefined, firstAction: unknown): NewDealErrors {
  const errors: NewDealErrors = { fields: {}, nextAction: [], general: [] };
  for (const [key, messages] of Object.entries(fieldErrors ?? {})) {
    const message = messages?.[0];
    if (!message) continue;
    if (isField(key)) {
      errors.fields[key] ??= message;
    } else if (key === "firstAction") {
      const local = nextActionSchema.safeParse(firstAction);
      const placed = local.success
        ? []
        : issuesToErrors(local.error.issues.map((i) => ({ ...i, path: ["firstAction", ...i.path] }))).fields;
      if (Object.keys(placed).length > 0) Object.assign(errors.fields, { ...placed, ...errors.fields });
      else for (const m of messages!) add(errors.nextAction, m);
    } else if (key.startsWith("firstAction.")) {
      add(errors.nextAction, message);
    } else {
      add(errors.general, message);
    }
  }
  return errors;
}

/** The first field with an error, in the order the form shows them (focus goes there). */
export function firstErrorField(errors: NewDealErrors): NewDealField | null {
  return NEW_DEAL_FIELDS.find((f) => errors.fields[f]) ?? null;
}

export function hasErrors(errors: NewDealErrors): boolean {
  return Object.keys(errors.fields).length > 0 || errors.nextAction.length > 0 || errors.general.length > 0;
}
