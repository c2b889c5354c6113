import "server-only";

import cluster from "node:cluster";

import type { Database } from "@/db/client";
import { env } from "@/env";

import { unsafeIssueSetupToken } from "./data/setup";

/**
 * At start, while the database has no user: issues the one-time setup token and prints its link,
 * so the first admin is created by whoever can read the server's console — not by the first
 * stranger to reach a freshly exposed server. Only the process that boots the database issues it
 * (`npm start`'s primary, or `next dev`/`next start` alone): a web worker forked by
 * scripts/serve.mts would replace the token the primary has just printed.
 */
export async function announceSetupLink(db: Database, log: (message: string) => void): Promise<void> {
  if (cluster.isWorker) return;
  const token = await unsafeIssueSetupToken({ db });
  if (!token) return;
  log("No account exists yet. Create the organization and its first admin with this one-time link:");
  log(`  ${setupUrl(token)}`);
}

function setupUrl(token: string): string {
  const e = env();
  // Listening on every interface: the operator is most likely on the machine itself.
  const host = !e.HOST || e.HOST === "0.0.0.0" || e.HOST === "::" ? "localhost" : e.HOST.includes(":") ? `[${e.HOST}]` : e.HOST;
  const origin = e.APP_URL ? e.APP_URL.replace(/\/+$/, "") : `http://${host}:${e.PORT}`;
  return `${origin}/setup?token=${token}`;
}
