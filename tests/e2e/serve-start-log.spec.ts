import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

import { expect, test } from "@playwright/test";

// The production server (scripts/serve.mts, as `npm start` runs it) on a data directory of its own,
// started twice: the first start creates the embedded cluster, migrates, seeds the demo; the second
// reuses all of it. Both logs must be something a person reads: the steps, the logins, the URL,
// a few dozen lines, no ERROR (PostgreSQL's own log goes to a file; pg-boss migrates once).
const root = process.cwd();
const dataDir = path.join(root, ".test-data", `serve-log-${process.pid}`);
let running: ChildProcess | undefined;

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

/** Starts serve.mts, waits for its "ready" line and a healthy answer, stops it; returns its whole log. */
async function startAndStop(port: number): Promise<string> {
  let log = "";
  const primary = spawn(process.execPath, ["--import", "./scripts/lib/allow-server-only.mjs", "--import", "tsx", "scripts/serve.mts"], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: "",
      DATA_DIR: dataDir,
      HOST: "127.0.0.1",
      PORT: String(port),
      WEB_CONCURRENCY: "2",
      JOBS_WORKER: "on",
      SEED_DEMO: "auto",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  running = primary;
  primary.stdout!.on("data", (d: Buffer) => (log += d.toString()));
  primary.stderr!.on("data", (d: Buffer) => (log += d.toString()));
  const exited = new Promise((resolve) => primary.once("exit", resolve));

  const deadline = Date.now() + 240_000; // seeding the demo on a busy 2-core box takes a while
  while (!/is ready at/.test(log)) {
    if (primary.exitCode !== null || Date.now() > deadline) throw new Error(`the server did not get ready; log:\n${log}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const health = await fetch(`http://127.0.0.1:${port}/api/health`);
  expect(health.status).toBe(200);
  // A moment for late output (a worker's error would come now), then a normal stop.
  await new Promise((r) => setTimeout(r, 1500));
  const logAtReady = log;
  primary.kill("SIGTERM");
  await Promise.race([exited, new Promise((r) => setTimeout(r, 20_000))]);
  running = undefined;
  return logAtReady;
}

function expectReadable(log: string, port: number) {
  const lines = log.trimEnd().split("\n");
  expect(lines.length, log).toBeLessThan(60);
  expect(log).not.toMatch(/ERROR|FATAL|PANIC/);
  expect(log).toContain(`Momentum is ready at http://127.0.0.1:${port}`);
  expect(log).toContain("Demo logins");
}

test.afterAll(async () => {
  running?.kill("SIGKILL");
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test("the production server's first start and its restart print a short log without errors", async () => {
  test.setTimeout(600_000);
  const port = await freePort();

  const first = await startAndStop(port);
  expectReadable(first, port);
  expect(first).toMatch(/Creating a new PostgreSQL \d+ cluster/);
  expect(first).toContain("Seeded the demo data.");

  const second = await startAndStop(port);
  expectReadable(second, port);
  expect(second).not.toMatch(/Creating a new PostgreSQL|Seeded the demo data/);

  // PostgreSQL's own messages went to its log files, and pg-boss's schema was created once.
  const pgLog = fs
    .readdirSync(path.join(dataDir, "pg", "log"))
    .map((f) => fs.readFileSync(path.join(dataDir, "pg", "log", f), "utf8"))
    .join("");
  expect(pgLog).toContain("database system is ready to accept connections");
  expect(pgLog).not.toMatch(/ERROR/);
});
