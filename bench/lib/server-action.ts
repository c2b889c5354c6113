import fs from "node:fs";
import path from "node:path";

import type { Request } from "autocannon";

import { BASE_URL } from "./app-server";
import { BENCH_DIST_DIR, ROOT } from "./config";

type ManifestEntry = { filename?: string; exportedName?: string; workers?: Record<string, unknown> };

export type ActionRef = { id: string; pages: string[] };

/**
 * A server action's id from the build's server-reference manifest (it changes with every build),
 * and the pages that import it: a POST must go to one of those, as the browser's would.
 */
export function findServerAction(file: string, exportName: string): ActionRef | null {
  const manifestPath = path.join(ROOT, BENCH_DIST_DIR, "server", "server-reference-manifest.json");
  if (!fs.existsSync(manifestPath)) return null;
  const manifest = JSON.parse(fs.readFileSync(manifestPath, "utf8")) as { node: Record<string, ManifestEntry> };
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (entry.filename === file && entry.exportedName === exportName) return { id, pages: Object.keys(entry.workers ?? {}) };
  }
  return null;
}

/** The headers a browser sends when a client component calls a server action. */
export function actionHeaders(actionId: string, cookie: string): Record<string, string> {
  return {
    Accept: "text/x-component",
    "Content-Type": "text/plain;charset=UTF-8",
    "Next-Action": actionId,
    Origin: BASE_URL,
    Cookie: cookie,
  };
}

/** What the action returned, read out of the RSC payload (the ActionResult is a JSON object in it). */
export function readActionResult(body: string): { ok: boolean | null; nextActionId: string | null; code: string | null } {
  const ok = /"ok":true/.test(body) ? true : /"ok":false/.test(body) ? false : null;
  const next = body.match(/"nextActionId":"([0-9a-f-]{36})"/)?.[1] ?? null;
  const code = body.match(/"code":"([A-Z_]+)"/)?.[1] ?? null;
  return { ok, nextActionId: next, code };
}

export type ActionPool = { ids: string[]; used: number; ok: number; failed: number; failures: Record<string, number> };

/** The RSC-encoded arguments of completeNextStepAction(orgSlug, input) for the next action in the pool. */
function nextBody(orgSlug: string, pool: ActionPool): string {
  const actionId = pool.ids[pool.used++];
  if (!actionId) throw new Error("The pending-action pool ran dry");
  const input = {
    actionId,
    outcome: "Reached them; moving on",
    followUp: {
      then: "next",
      next: { type: "call", dueAt: new Date(Date.now() + 3 * 86_400_000).toISOString(), details: "Follow up on the proposal" },
    },
  };
  return JSON.stringify([orgSlug, input]);
}

function record(pool: ActionPool, status: number, body: string) {
  const result = readActionResult(body);
  if (status === 200 && result.ok) {
    pool.ok++;
    if (result.nextActionId) pool.ids.push(result.nextActionId);
  } else {
    pool.failed++;
    const key = `${status} ${result.code ?? "?"}`;
    pool.failures[key] = (pool.failures[key] ?? 0) + 1;
  }
}

/**
 * Feeds autocannon one pending action per request: each request completes a different action and
 * plans the next one, whose id (read from the response) goes back to the end of the pool, so the
 * pool never runs dry however fast the server is.
 */
export function completeActionRequests(orgSlug: string, pool: ActionPool): Pick<Request, "setupRequest" | "onResponse"> {
  return {
    setupRequest: (request) => ({ ...request, body: nextBody(orgSlug, pool) }),
    onResponse: (status, body) => record(pool, status, body),
  };
}

/** One call on an otherwise idle server, timed like a browser's fetch; returns milliseconds. */
export async function postActionOnce(path: string, headers: Record<string, string>, orgSlug: string, pool: ActionPool): Promise<number> {
  const body = nextBody(orgSlug, pool);
  const t0 = performance.now();
  const res = await fetch(`${BASE_URL}${path}`, { method: "POST", headers, body });
  const text = await res.text();
  const ms = performance.now() - t0;
  record(pool, res.status, text);
  return ms;
}
