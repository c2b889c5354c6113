import "server-only";

import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

import { env } from "@/env";

let cached: string | undefined;

/**
 * AUTH_SECRET signs session JWTs. Without one (a fresh clone), a random secret is created once
 * in DATA_DIR so sessions survive restarts; several instances on different machines must share
 * an explicit AUTH_SECRET.
 */
export function authSecret(): string {
  if (cached) return cached;
  const fromEnv = env().AUTH_SECRET;
  if (fromEnv) return (cached = fromEnv);
  const file = path.resolve(/*turbopackIgnore: true*/ env().DATA_DIR, "auth-secret");
  try {
    cached = fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const secret = crypto.randomBytes(32).toString("base64url");
    try {
      fs.writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
      cached = secret;
    } catch {
      cached = fs.readFileSync(file, "utf8").trim(); // another process won the race
    }
  }
  return cached!;
}
