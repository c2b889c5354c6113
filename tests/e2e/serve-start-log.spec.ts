import fs from "node:fs";
import path from "node:path";

import { expect, test } from "@playwright/test";

import { freePort, OwnServer } from "./support/own-server";

// The production server on a data directory of its own, started twice: the first start creates the
// embedded cluster, migrates, seeds the demo; the second reuses all of it. Both logs must be something
// a person reads: the steps, the logins, the URL, a few dozen lines, no ERROR (PostgreSQL's own log
// goes to a file; pg-boss migrates once).
const dataDir = path.join(process.cwd(), ".test-data", `serve-log-${process.pid}`);
let running: OwnServer | undefined;

/** Starts serve.mts, waits for its "ready" line and a healthy answer, stops it; returns its whole log. */
async function startAndStop(port: number): Promise<string> {
  const server = new OwnServer({ port, dataDir, webConcurrency: 2, jobsWorker: "on", seedDemo: "auto" });
  running = server;
  // Seeding the demo on a busy 2-core box takes a while.
  await server.waitForLog(/is ready at/, 240_000);
  const health = await fetch(`${server.origin}/api/health`);
  expect(health.status).toBe(200);
  // A moment for late output (a worker's error would come now), then a normal stop.
  await new Promise((r) => setTimeout(r, 1500));
  const logAtReady = server.log;
  await server.stop(20_000);
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
  await running?.cleanUp();
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
