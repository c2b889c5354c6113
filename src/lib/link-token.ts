/**
 * Whether a token from a one-time link (setup, invitation, password reset) could be one we issued:
 * they are base64url of 24 or 32 bytes, so anything far outside that length cannot match and the
 * page skips the query.
 */
export function isPlausibleLinkToken(token: unknown): token is string {
  return typeof token === "string" && token.length >= 20 && token.length <= 100;
}
