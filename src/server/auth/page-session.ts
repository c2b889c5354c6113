import "server-only";

import { cookies } from "next/headers";
import { decode } from "next-auth/jwt";

import { authSecret } from "./secret";

/**
 * The signed-in user of a page render, read from the session cookie. next-auth's auth() does the
 * same and more: it builds a Request, runs the callbacks and re-encrypts a refreshed token into a
 * cookie that a server component cannot set anyway — most of the session's share of a page's CPU.
 * Actions keep auth(), where the refreshed cookie is set (the sliding expiry).
 *
 * A token's text never changes (a new session is a new cookie), so a decoded one is remembered
 * until it expires; the cache is bounded and forgets the oldest entries first. What is remembered
 * is only what the token says: whether its session version is still the user's is checked by the
 * tenant query each request runs (src/server/tenant.ts), so a signed-out token stops working at once.
 */
const SESSION_COOKIE = "authjs.session-token";
const MAX_ENTRIES = 1000;
/** `sessionVersion`: the version the token was issued at (0 for tokens issued before versions existed). */
export type PageSession = { userId: string; sessionVersion: number };
const decoded = new Map<string, PageSession & { expiresAt: number }>();

type CookieJar = Awaited<ReturnType<typeof cookies>>;

export async function pageSession(): Promise<PageSession | null> {
  const jar = await cookies();
  for (const name of [`__Secure-${SESSION_COOKIE}`, SESSION_COOKIE]) {
    const token = readCookie(jar, name);
    if (token) return sessionOf(token, name);
  }
  return null;
}

/** next-auth splits a large session into name.0, name.1, … */
function readCookie(jar: CookieJar, name: string): string | null {
  const whole = jar.get(name)?.value;
  if (whole) return whole;
  let joined = "";
  for (let i = 0; jar.has(`${name}.${i}`); i++) joined += jar.get(`${name}.${i}`)!.value;
  return joined || null;
}

/** Exported for its test; pages call pageSession. */
export async function sessionOf(token: string, cookieName: string): Promise<PageSession | null> {
  const known = decoded.get(token);
  if (known && known.expiresAt > Date.now()) return { userId: known.userId, sessionVersion: known.sessionVersion };
  let payload: { uid?: unknown; sv?: unknown; exp?: unknown } | null;
  try {
    // The cookie name is the key-derivation salt, as next-auth encodes it.
    payload = await decode({ token, secret: authSecret(), salt: cookieName });
  } catch {
    return null; // forged, corrupted, expired, or sealed with another secret
  }
  if (typeof payload?.uid !== "string" || typeof payload.exp !== "number") return null;
  const session = { userId: payload.uid, sessionVersion: typeof payload.sv === "number" ? payload.sv : 0 };
  if (decoded.size >= MAX_ENTRIES) decoded.delete(decoded.keys().next().value!);
  decoded.set(token, { ...session, expiresAt: payload.exp * 1000 });
  return session;
}
