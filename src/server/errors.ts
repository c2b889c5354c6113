import "server-only";

import type { ErrorCode, FieldErrors } from "@/lib/result";

/**
 * Errors the data layer throws on purpose; the action factory turns them into results.
 * `fieldErrors` are keyed by the dotted path of the action's input field (`followUp.next.ownerId`,
 * `patch.ownerId`), like the factory's validation errors, so the form puts them on the right field.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fieldErrors?: FieldErrors,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export class NotFoundError extends AppError {
  constructor(what = "That record") {
    super("NOT_FOUND", `${what} was not found.`);
  }
}

/** The session is gone or was ended (signed out, password changed): treated exactly like no session. */
export class UnauthenticatedError extends AppError {
  constructor() {
    super("UNAUTHENTICATED", "Your session has ended. Please sign in again.");
  }
}

export class ForbiddenError extends AppError {
  constructor(message = "You don't have permission to do that.") {
    super("FORBIDDEN", message);
  }
}

export class ConflictError extends AppError {
  constructor(message: string) {
    super("CONFLICT", message);
  }
}

export class ValidationError extends AppError {
  constructor(message: string, fieldErrors?: FieldErrors) {
    super("VALIDATION", message, fieldErrors);
  }
}

type PgError = { code?: string; constraint_name?: string; constraint?: string; message?: string };

/** postgres.js errors carry the SQLSTATE in `code`; drizzle wraps them in `cause`. */
export function pgErrorOf(err: unknown): PgError | undefined {
  let e = err as { cause?: unknown; code?: unknown } | undefined;
  for (let i = 0; e && i < 4; i++) {
    if (typeof e.code === "string" && /^[0-9A-Z]{5}$/.test(e.code)) return e as PgError;
    e = e.cause as typeof e;
  }
  return undefined;
}

export function constraintOf(err: unknown): string | undefined {
  const pg = pgErrorOf(err);
  return pg?.constraint_name ?? pg?.constraint;
}

export const isUniqueViolation = (err: unknown) => pgErrorOf(err)?.code === "23505";
export const isSerializationFailure = (err: unknown) => ["40001", "40P01"].includes(pgErrorOf(err)?.code ?? "");
