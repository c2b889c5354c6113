import "server-only";

import diagnostics_channel from "node:diagnostics_channel";

/**
 * Phase timings of an import run (`{ phase, ms }`), published on a diagnostics channel for the
 * benchmark's breakdown (bench/import-100k.mts subscribes). Nothing is threaded through the calls,
 * and with no subscriber (production) nothing is timed.
 * "read" (parse + read a slice) and "build" (a batch's statement) are Node's work while the
 * database writes; "wait" is Node waiting for the database to finish a batch; "commit" is the
 * deferred invariant checks at commit.
 */
export const IMPORT_TRACE_CHANNEL = "momentum:import-phase";
export type ImportPhaseEvent = { phase: string; ms: number };

const channel = diagnostics_channel.channel(IMPORT_TRACE_CHANNEL);

/** A start time for `tracePhase`, or 0 when nobody listens. */
export function traceStart(): number {
  return channel.hasSubscribers ? performance.now() : 0;
}

export function tracePhase(phase: string, since: number): void {
  if (since !== 0 && channel.hasSubscribers) channel.publish({ phase, ms: performance.now() - since } satisfies ImportPhaseEvent);
}

/** Runs `fn`, publishing how long it took as `phase`. */
export async function traced<T>(phase: string, fn: () => T | Promise<T>): Promise<T> {
  const t0 = traceStart();
  try {
    return await fn();
  } finally {
    tracePhase(phase, t0);
  }
}
