import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

import { expect, test } from "@playwright/test";

// A second production server (scripts/serve.mts, as `npm start` runs it) beside Playwright's, with
// two web workers, on the e2e database (already migrated; nothing seeded) and its own data
// directory. It serves the build the e2e layer made. No browser: the workers are killed by pid.
const root = process.cwd(); // Playwright runs from the repository root, as support/app-db.ts assumes
const dataDir = path.join(root, ".test-data", `serve-crash-${process.pid}`);

/** The URL of Playwright's embedded PostgreSQL (see support/app-db.ts). */
function e2eDatabaseUrl(): string {
  const pid = fs.readFileSync(path.join(process.env.E2E_DATA_DIR ?? ".test-data/e2e", "pg", "postmaster.pid"), "utf8").split("\n");
  return `postgres://postgres:momentum-local@127.0.0.1:${Number(pid[3])}/momentum`;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

let primary: ChildProcess | undefined;
let log = "";
const workerPids = new Set<number>();

test.afterAll(async () => {
  if (primary?.exitCode === null) {
    const exited = new Promise((resolve) => primary!.once("exit", resolve));
    primary.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
  }
  // Whatever is left of what this file started, by pid.
  for (const pid of [primary?.pid, ...workerPids]) {
    try {
      if (pid) process.kill(pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** The pid the primary logged for `slot`'s latest start, once it is not `previous`. */
async function workerPid(slot: number, previous: number | null, within = 40_000): Promise<number> {
  const deadline = Date.now() + within;
  for (;;) {
    const started = [...log.matchAll(new RegExp(`web worker ${slot} started \\(pid (\\d+)\\)`, "g"))].map((m) => Number(m[1]));
    const last = started.at(-1);
    if (last !== undefined && last !== previous) return last;
    if (Date.now() > deadline) throw new Error(`no new worker ${slot} within ${within} ms; log:\n${log}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function healthy(port: number, within = 40_000): Promise<void> {
  const deadline = Date.now() + within;
  for (;;) {
    const res = await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => null);
    if (res?.ok) return;
    if (Date.now() > deadline) throw new Error(`/api/health not ok within ${within} ms; log:\n${log}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

test.describe("the production server when a replacement web worker dies", () => {
  test("keeps serving on the live worker and retries the replacement, instead of stopping", async () => {
    test.setTimeout(120_000);
    const port = await freePort();
    primary = spawn(process.execPath, ["--import", "./scripts/lib/allow-server-only.mjs", "--import", "tsx", "scripts/serve.mts"], {
      cwd: root,
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: e2eDatabaseUrl(),
        DATA_DIR: dataDir,
        HOST: "127.0.0.1",
        PORT: String(port),
        WEB_CONCURRENCY: "2",
        JOBS_WORKER: "off",
        SEED_DEMO: "off",
        NEXT_TELEMETRY_DISABLED: "1",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    primary.stdout!.on("data", (d: Buffer) => (log += d.toString()));
    primary.stderr!.on("data", (d: Buffer) => (log += d.toString()));
    const first = await workerPid(1, null);
    workerPids.add(first).add(await workerPid(0, null));
    await healthy(port);
    // Past the first start's window (only a first start that dies stops the server).
    await new Promise((r) => setTimeout(r, 10_500));

    process.kill(first, "SIGKILL");
    const replacement = await workerPid(1, first);
    workerPids.add(replacement);
    // The replacement dies too, well within 10 s of its start.
    process.kill(replacement, "SIGKILL");
    await healthy(port, 5000); // worker 0 serves meanwhile
    const third = await workerPid(1, replacement);
    workerPids.add(third);

    expect(primary.exitCode).toBeNull();
    expect(log).not.toMatch(/stopping/);
    expect(log).toMatch(/web worker 1: starting a new one in 1 s/);
    await healthy(port);
    expect(alive(third)).toBe(true);
  });
});
