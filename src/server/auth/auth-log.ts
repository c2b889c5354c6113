import "server-only";

/** next-auth's error names for a session cookie that cannot be read: forged, corrupted, expired or sealed with another secret. */
const UNREADABLE_SESSION = new Set(["JWTSessionError", "SessionTokenError"]);
/** A wrong password is an expected outcome (counted by the throttle), not a server error. */
const EXPECTED_SIGN_IN = new Set(["CredentialsSignin", "RateLimitedSignIn"]);

/**
 * What next-auth's error goes to the log as: nothing for a refused sign-in, one line for a session
 * cookie that does not decrypt (anyone can send a forged one, and a stack trace per request would
 * let them flood the log), and the whole error, stack included, for anything unexpected.
 */
export function authLogEntry(error: Error): unknown[] | null {
  // Auth.js errors carry a static `type`; their `name` is the class name, which a minifier may rename.
  const kind = (error as { type?: unknown }).type;
  const names = [error.name, typeof kind === "string" ? kind : ""];
  if (names.some((n) => EXPECTED_SIGN_IN.has(n))) return null;
  if (names.some((n) => UNREADABLE_SESSION.has(n))) {
    const cause = error.cause instanceof Error ? error.cause.message : undefined;
    return [
      `[auth] ${typeof kind === "string" ? kind : error.name}: unreadable session cookie refused${cause ? ` (${cause.split("\n")[0]})` : ""}`,
    ];
  }
  return ["[auth]", error];
}
