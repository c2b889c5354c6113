import "server-only";

import { eq } from "drizzle-orm";

import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { normalizeEmail } from "@/lib/email";
import { unsafeClaimSignInAttempt, unsafeSucceedSignInAttempt } from "@/server/data/sign-in-throttle";

import { verifyPassword } from "./password";

export type AuthOutcome =
  { ok: true; user: { id: string; email: string; name: string } } | { ok: false; reason: "invalid" | "rate_limited" };

/**
 * Claims the attempt against the throttle first, so a locked account cannot be probed even with
 * the right password, and parallel guesses count against the limit before any is checked.
 */
export async function authenticate(rawEmail: string, password: string, ip: string): Promise<AuthOutcome> {
  const db = getDb();
  const email = normalizeEmail(rawEmail);
  const attemptId = await unsafeClaimSignInAttempt({ db }, { email, ip });
  if (attemptId === undefined) return { ok: false, reason: "rate_limited" };
  const [user] = await db
    .select({ id: users.id, email: users.email, name: users.name, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.email, email));
  const valid = await verifyPassword(password, user?.passwordHash);
  if (!valid || !user) return { ok: false, reason: "invalid" };
  await unsafeSucceedSignInAttempt({ db }, { attemptId, email });
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
}

export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return (forwarded || headers.get("x-real-ip") || "unknown").slice(0, 64);
}
