import type { FieldErrors } from "@/lib/result";

/**
 * Pure rules behind useActionForm: errors are keyed by the dotted path of the input field, the
 * same string as the control's `name` (or, for composite controls, its `data-field`).
 */

/** The message shown for a field: the first one (zod may report several). */
export function errorFor(errors: FieldErrors, path: string): string | undefined {
  return errors[path]?.[0];
}

/** The errors without one field's (the same object when it had none, so React skips a render). */
export function withoutError(errors: FieldErrors, path: string): FieldErrors {
  if (!(path in errors)) return errors;
  const { [path]: _cleared, ...rest } = errors;
  return rest;
}

/**
 * Index of the first control, in the order the form shows them, that has an error; -1 if none.
 * Each control is given by the keys it answers to (its name, then its data-field).
 */
export function firstInvalid(controls: readonly (readonly string[])[], errors: FieldErrors): number {
  return controls.findIndex((keys) => keys.some((key) => errors[key]?.length));
}

/**
 * What the form shows above its fields after a refusal: the messages of errors no rendered field
 * can show (once each), or the refusal's own message when none of its errors is on a field.
 * Null when every error sits on its field.
 */
export function formMessage(failure: { message: string; fieldErrors?: FieldErrors }, renderedKeys: ReadonlySet<string>): string | null {
  const entries = Object.entries(failure.fieldErrors ?? {}).filter(([, messages]) => messages.length);
  const orphans = [...new Set(entries.filter(([key]) => !renderedKeys.has(key)).map(([, messages]) => messages[0]!))];
  if (orphans.length) return orphans.join(" ");
  return entries.length ? null : failure.message;
}

/** Ids that bind a control to its error message (aria-describedby). */
export function fieldIds(formId: string, path: string) {
  const id = `${formId}-${path}`;
  return { id, errorId: `${id}-error` };
}
