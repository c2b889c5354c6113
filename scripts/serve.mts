// The production server (`npm start` runs it after building): one primary process that resolves
// PostgreSQL once — embedded or DATABASE_URL — migrates it, seeds the demo and prints the logins,
// then WEB_CONCURRENCY web workers (scripts/web-worker.mjs: `next start` that also hands the app the
// client's TCP address; default: one per CPU) sharing the port through
// node:cluster. One Next.js process renders on one thread, so on an N-core box a single process
// leaves N-1 cores idle while requests queue; see ARCHITECTURE.md "Production server".
import cluster, { type Worker } from "node:cluster";
import os from "node:os";
import path from "node:path";

import { disconnectDatabase } from "@/db/client";
import { env } from "@/env";
import { authSecret } from "@/server/auth/secret";
import { bootDatabase } from "@/server/boot";
import { prepareJobs } from "@/server/jobs/boss";

const e = env();
const workerCount = e.WEB_CONCURRENCY ?? os.availableParallelism();
// `next start` with one step in front: it hands the app the TCP peer's address (see that file).
const workerScript = path.join(process.cwd(), "scripts", "web-worker.mjs");
const listenArgs = ["--port", String(e.PORT), ...(e.HOST ? ["--hostname", e.HOST] : [])];

const { url } = await bootDatabase();
await prepareJobs(url); // pg-boss's schema, once: workers that each migrated it at once collided
console.log("[momentum] Job queue ready.");
await disconnectDatabase(); // the primary only supervises: the workers open their own pools
authSecret(); // create the session secret once, before several workers could race to

// Workers find the database through DATABASE_URL (no second embedded start, no seeding); only the
// first one runs the job worker, so scheduled jobs are not polled N times.
const slots = new Map<number, number>(); // worker id → slot
const startedAt = new Map<number, number>();
const replacements = new Set<number>(); // ids of workers started to replace one that died
const quickFailures = new Map<number, number>(); // slot → replacements in a row that died within START_UP_MS
const pendingForks = new Set<NodeJS.Timeout>();
let stopping = false;

/** A worker that exits sooner than this after its start died starting (no build, port taken…). */
const START_UP_MS = 10_000;
const MAX_BACKOFF_MS = 30_000;

function fork(slot: number, replacing = false): Worker {
  const worker = cluster.fork({
    DATABASE_URL: url,
    SEED_DEMO: "off",
    JOBS_WORKER: slot === 0 ? e.JOBS_WORKER : "off",
    MOMENTUM_WORKER_SLOT: String(slot),
  });
  slots.set(worker.id, slot);
  startedAt.set(worker.id, Date.now());
  if (replacing) replacements.add(worker.id);
  // The pid, so an operator (or scripts/serve.test.mts) can tell the workers apart.
  console.log(`[momentum] web worker ${slot} started (pid ${worker.process.pid}).`);
  return worker;
}

/**
 * A replacement that dies starting is retried after 1 s, 2 s, 4 s… up to 30 s, while the other
 * workers keep serving; one that ran past its start-up is replaced at once.
 */
function replace(slot: number, diedStarting: boolean) {
  const failures = diedStarting ? (quickFailures.get(slot) ?? 0) + 1 : 0;
  quickFailures.set(slot, failures);
  const delay = failures === 0 ? 0 : Math.min(MAX_BACKOFF_MS, 1000 * 2 ** (failures - 1));
  if (delay > 0) console.error(`[momentum] web worker ${slot}: starting a new one in ${delay / 1000} s.`);
  const timer = setTimeout(() => {
    pendingForks.delete(timer);
    if (!stopping) fork(slot, true);
  }, delay);
  pendingForks.add(timer);
}

cluster.setupPrimary({ exec: workerScript, args: listenArgs, execArgv: e.WORKER_NODE_ARGS ? e.WORKER_NODE_ARGS.split(" ") : [] });
cluster.on("exit", (worker, code, signal) => {
  const slot = slots.get(worker.id)!;
  const diedStarting = Date.now() - (startedAt.get(worker.id) ?? 0) < START_UP_MS;
  const wasReplacement = replacements.delete(worker.id);
  slots.delete(worker.id);
  startedAt.delete(worker.id);
  if (stopping) {
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit();
    return;
  }
  // Only the first start may stop the server: a worker that dies at once then (no build, port
  // taken) would die again, so stop with its error shown. A replacement dying is a bad moment,
  // not a broken install: the workers that live keep serving while it is retried.
  if (diedStarting && !wasReplacement) {
    console.error(`[momentum] web worker ${slot} exited during start-up (${signal ?? `code ${code}`}); stopping.`);
    shutdown(1);
    return;
  }
  console.error(`[momentum] web worker ${slot} exited (${signal ?? `code ${code}`}); starting a new one.`);
  replace(slot, diedStarting);
});

console.log(`[momentum] Starting ${workerCount} web worker${workerCount === 1 ? "" : "s"} on port ${e.PORT}.`);
for (let slot = 0; slot < workerCount; slot++) fork(slot);
// The address to open, last, once every first worker listens (each prints its own Next.js banner).
let listening = 0;
const host = !e.HOST || e.HOST === "0.0.0.0" || e.HOST === "::" ? "localhost" : e.HOST;
const localUrl = `http://${host.includes(":") ? `[${host}]` : host}:${e.PORT}`;
cluster.on("listening", () => {
  if (++listening !== workerCount) return;
  console.log(`[momentum] Momentum is ready at ${localUrl}${e.APP_URL ? ` (public address: ${e.APP_URL})` : ""}`);
});

function shutdown(exitCode: number) {
  if (stopping) return;
  stopping = true;
  process.exitCode = exitCode;
  for (const timer of pendingForks) clearTimeout(timer);
  const workers = Object.values(cluster.workers ?? {});
  if (workers.length === 0) process.exit(exitCode);
  for (const worker of workers) worker?.process.kill("SIGTERM");
  setTimeout(() => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGKILL");
    process.exit(exitCode);
  }, 15_000).unref();
}
// The embedded PostgreSQL stops when this process exits (src/db/embedded-process.ts).
process.once("SIGTERM", () => shutdown(0));
process.once("SIGINT", () => shutdown(0));
