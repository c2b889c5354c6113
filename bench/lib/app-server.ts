import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

import { BENCH_DATA_DIR, BENCH_DIST_DIR, BENCH_HOST, BENCH_PORT, ROOT } from "./config";
import { sleep } from "./util";

const NEXT_BIN = path.join(ROOT, "node_modules", ".bin", "next");
export const BASE_URL = `http://${BENCH_HOST}:${BENCH_PORT}`;

export type BuildOutcome = { seconds: number; ok: true } | { seconds: number; ok: false; reusedBuildFrom: string };

/**
 * `next build` into .next-bench. Next rewrites next-env.d.ts (and may add the dist dir's types to
 * tsconfig.json) for whichever dist dir it builds; those files belong to the main build, so when
 * our build changed them to point at .next-bench they are put back as they were.
 *
 * A failed build (on a busy tree, often someone's half-written test failing the type check)
 * wipes the dist dir, so the previous build is copied aside first and put back on failure: the
 * run can then go on with it, flagged as such, instead of measuring nothing.
 */
export async function buildApp(log: (m: string) => void): Promise<BuildOutcome> {
  const guarded = ["next-env.d.ts", "tsconfig.json"].map((f) => path.join(ROOT, f));
  const before = new Map(guarded.map((f) => [f, fs.existsSync(f) ? fs.readFileSync(f, "utf8") : null]));
  const dist = path.join(ROOT, BENCH_DIST_DIR);
  const backup = `${dist}.previous`;
  const previousAt = hasBuild() ? fs.statSync(path.join(dist, "BUILD_ID")).mtime.toISOString() : null;
  fs.rmSync(backup, { recursive: true, force: true });
  if (previousAt) fs.cpSync(dist, backup, { recursive: true, filter: (src) => !src.startsWith(path.join(dist, "cache")) });
  const started = performance.now();
  const code = await new Promise<number>((resolve) => {
    const child = spawn(NEXT_BIN, ["build"], {
      cwd: ROOT,
      env: { ...process.env, NEXT_DIST_DIR: BENCH_DIST_DIR, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
      stdio: ["ignore", "inherit", "inherit"],
    });
    child.on("exit", (c) => resolve(c ?? 1));
  });
  for (const [file, content] of before) {
    const now = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : null;
    if (content !== null && now !== content && now?.includes(BENCH_DIST_DIR) && !content.includes(BENCH_DIST_DIR)) {
      fs.writeFileSync(file, content);
      log(`Restored ${path.basename(file)} (the bench build had pointed it at ${BENCH_DIST_DIR}).`);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  if (code === 0) {
    fs.rmSync(backup, { recursive: true, force: true });
    log(`Built into ${BENCH_DIST_DIR} in ${seconds.toFixed(0)} s.`);
    return { seconds, ok: true };
  }
  if (!previousAt)
    throw new Error(`next build failed (exit ${code}) and there is no earlier build to fall back on: see the build output above.`);
  // Put the previous build back, keeping the (shared, incremental) cache of the failed attempt.
  for (const entry of fs.readdirSync(dist)) if (entry !== "cache") fs.rmSync(path.join(dist, entry), { recursive: true, force: true });
  fs.cpSync(backup, dist, { recursive: true });
  fs.rmSync(backup, { recursive: true, force: true });
  log(`next build FAILED (exit ${code}); measuring the previous build of ${previousAt} instead.`);
  return { seconds, ok: false, reusedBuildFrom: previousAt };
}

export function hasBuild(): boolean {
  return fs.existsSync(path.join(ROOT, BENCH_DIST_DIR, "BUILD_ID"));
}

export type AppServer = {
  pid: number;
  /** Web worker processes behind the port (WEB_CONCURRENCY). */
  workers: number;
  /** Everything the server printed since start (stdout and stderr interleaved). */
  output: () => string;
  stop: () => Promise<void>;
};

/**
 * The production server (scripts/serve.mts, what `npm start` runs) on 127.0.0.1:3240 with
 * DATA_DIR=.bench-data, so it reuses the bench cluster, and WEB_CONCURRENCY workers (default: one
 * per CPU, as in production). The primary's pid is returned: its process tree holds the workers,
 * so CPU accounting covers them all, and SIGTERM to it stops them.
 */
export async function startApp(options: { logSql?: boolean; workerNodeArgs?: string[]; workers?: number } = {}): Promise<AppServer> {
  if (!(await portIsFree(BENCH_PORT))) {
    throw new Error(`Port ${BENCH_PORT} is in use: is another bench server still running? Stop it by its pid first.`);
  }
  // The primary loads src/server and src/db outside Next: `server-only` must resolve to its empty module.
  const allowServerOnly = path.join("scripts", "lib", "allow-server-only.mjs");
  const preload = fs.existsSync(path.join(ROOT, allowServerOnly)) ? ["--import", `./${allowServerOnly}`] : [];
  const child = spawn(process.execPath, [...preload, "--import", "tsx", path.join("scripts", "serve.mts")], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_DIST_DIR: BENCH_DIST_DIR,
      NEXT_TELEMETRY_DISABLED: "1",
      DATA_DIR: BENCH_DATA_DIR,
      DATABASE_URL: "",
      HOST: BENCH_HOST,
      PORT: String(BENCH_PORT),
      JOBS_WORKER: "off",
      SEED_DEMO: "off",
      LOG_SQL: options.logSql ? "on" : "off",
      // The empty dynamic page the targets are multiples of (src/app/bench-floor).
      BENCH_FLOOR_PAGE: "on",
      WEB_CONCURRENCY: options.workers ? String(options.workers) : "",
      WORKER_NODE_ARGS: options.workerNodeArgs?.join(" ") ?? "",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const append = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout!.on("data", append);
  child.stderr!.on("data", append);
  const workers = options.workers ?? os.availableParallelism();
  const server: AppServer = { pid: child.pid!, workers, output: () => output, stop: () => stopChild(child) };
  try {
    await waitHealthy(child, () => output);
  } catch (err) {
    await server.stop();
    throw err;
  }
  return server;
}

async function waitHealthy(child: ChildProcess, output: () => string, timeoutMs = 180_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}):\n${output().slice(-3000)}`);
    try {
      const res = await fetch(`${BASE_URL}/api/health`, { signal: AbortSignal.timeout(5000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(500);
  }
  throw new Error(`next start did not become healthy within ${timeoutMs / 1000} s:\n${output().slice(-3000)}`);
}

async function stopChild(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timeout = sleep(20_000).then(() => "timeout");
  if ((await Promise.race([exited.then(() => "exited"), timeout])) === "timeout") {
    child.kill("SIGKILL");
    await exited;
  }
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once("error", () => resolve(false));
    srv.listen(port, BENCH_HOST, () => srv.close(() => resolve(true)));
  });
}
