import type { Database } from "@/db/client";
import { completeNextStep } from "@/server/data/next-steps";
import { resolveTenant } from "@/server/tenant";

import { LOAD } from "./config";
import type { LoadResult } from "./http-load";
import { summarize } from "./stats";

/**
 * Fallback when the server action cannot be reached over HTTP (no page imports it yet, or the
 * build has no manifest entry): the data function completeNextStep(ctx, …) itself, called from
 * `connections` concurrent loops for the same time. It leaves out the session check, the RSC
 * encoding and the page re-render that revalidatePath triggers — the report says so.
 */
export async function runCompleteActionInProcess(db: Database, orgSlug: string, userId: string, pool: string[]): Promise<LoadResult> {
  const ctx = await resolveTenant({ userId }, orgSlug, db);
  const samples: number[] = [];
  const failures: Record<string, number> = {};
  const deadline = performance.now() + LOAD.durationSeconds * 1000;
  const started = performance.now();
  const worker = async () => {
    while (performance.now() < deadline) {
      const actionId = pool.shift();
      if (!actionId) throw new Error("The pending-action pool ran dry");
      const t0 = performance.now();
      try {
        const out = await completeNextStep(ctx, {
          actionId,
          outcome: "Reached them; moving on",
          followUp: {
            then: "next",
            next: { type: "call", dueAt: new Date(Date.now() + 3 * 86_400_000), details: "Follow up on the proposal", ownerId: null },
          },
        });
        samples.push(performance.now() - t0);
        if (out.nextActionId) pool.push(out.nextActionId);
      } catch (err) {
        const key = (err as Error).name;
        failures[key] = (failures[key] ?? 0) + 1;
      }
    }
  };
  await Promise.all(Array.from({ length: LOAD.connections }, worker));
  const seconds = (performance.now() - started) / 1000;
  const failed = Object.values(failures).reduce((a, b) => a + b, 0);
  return {
    path: `in-process completeNextStep(ctx, …) as ${orgSlug}`,
    connections: LOAD.connections,
    durationSeconds: Math.round(seconds * 10) / 10,
    requests: samples.length,
    requestsPerSecond: Math.round((samples.length / seconds) * 10) / 10,
    latency: summarize(samples),
    non2xx: failed,
    errors: failed,
    timeouts: 0,
    statusCodes: { ok: samples.length, ...failures },
  };
}
