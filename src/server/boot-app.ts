import "server-only";

import { env } from "@/env";

import { bootDatabase } from "./boot";
import { startJobs, stopJobs } from "./jobs/boss";

const g = globalThis as typeof globalThis & { __momentumBooted?: Promise<void> };

export function bootApp(): Promise<void> {
  g.__momentumBooted ??= (async () => {
    const { url } = await bootDatabase();
    await startJobs(url, { work: env().JOBS_WORKER === "on" });
    // Stop pg-boss before the embedded PostgreSQL stops with the process (embedded-process.ts).
    for (const signal of ["SIGTERM", "SIGINT"] as const) {
      process.once(signal, () => void stopJobs().catch(() => {}));
    }
  })();
  return g.__momentumBooted;
}
