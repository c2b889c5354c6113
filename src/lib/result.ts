/** The one shape every server action returns. */
export type ErrorCode = "UNAUTHENTICATED" | "NOT_FOUND" | "FORBIDDEN" | "VALIDATION" | "CONFLICT" | "RATE_LIMITED" | "INTERNAL";

export type ActionFailure = {
  ok: false;
  code: ErrorCode;
  message: string;
  fieldErrors?: FieldErrors;
};

export type ActionResult<T> = { ok: true; data: T } | ActionFailure;

export function ok<T>(data: T): ActionResult<T> {
  return { ok: true, data };
}

export function fail(code: ErrorCode, message: string, fieldErrors?: FieldErrors): ActionFailure {
  return fieldErrors ? { ok: false, code, message, fieldErrors } : { ok: false, code, message };
}

/** Messages per input field, keyed by the field's dotted path (`followUp.next.dueAt`, `lines.0.amount`). */
export type FieldErrors = Record<string, string[]>;

type Issue = { readonly path: readonly PropertyKey[]; readonly message: string };

/**
 * Zod issues grouped by dotted path — the same names the form's inputs carry, so a form shows
 * them with no mapping of its own. Issues about the input as a whole (empty path) are `formErrors`.
 */
export function groupIssues(issues: readonly Issue[]): { fieldErrors: FieldErrors; formErrors: string[] } {
  const fieldErrors: FieldErrors = {};
  const formErrors: string[] = [];
  for (const issue of issues) {
    if (issue.path.length === 0) formErrors.push(issue.message);
    else (fieldErrors[issue.path.map(String).join(".")] ??= []).push(issue.message);
  }
  return { fieldErrors, formErrors };
}

/** The refusal for input that failed its schema (the factory's, and a form's own check before sending). */
export function validationFailure(issues: readonly Issue[]): ActionFailure {
  const { fieldErrors, formErrors } = groupIssues(issues);
  const message = formErrors[0] ?? "Please correct the highlighted fields.";
  return fail("VALIDATION", message, Object.keys(fieldErrors).length ? fieldErrors : undefined);
}
