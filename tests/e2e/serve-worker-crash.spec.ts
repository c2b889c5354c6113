import fs from "node:fs";
import path from "node:path";

import { expect, test } from "@playwright/test";

import { alive, freePort, OwnServer } from "./support/own-server";

// A second production server beside Playwright's, with two web workers, on the e2e database (already
// migrated; nothing seeded) and its own data directory. No browser: the workers are killed by pid.
const dataDir = path.join(process.cwd(), ".test-data", `serve-crash-${process.pid}`);

/** The URL of Playwright's embedded PostgreSQL (see support/app-db.ts). */
function e2eDatabaseUrl(): string {
  const pid = fs.readFileSync(path.join(process.env.E2E_DATA_DIR ?? ".test-data/e2e", "pg", "postmaster.pid"), "utf8").split("\n");
  return `postgres://postgres:momentum-local@127.0.0.1:${Number(pid[3])}/momentum`;
}

let server: OwnServer | undefined;

test.afterAll(async () => {
  await server?.cleanUp();
});

/** The pid the primary logged for `slot`'s latest start, once it is not `previous`. */
async function workerPid(slot: number, previous: number | null, within = 40_000): Promise<number> {
  const deadline = Date.now() + within;
  for (;;) {
    const last = server!.workerPids(slot).at(-1);
    if (last !== undefined && last !== previous) return last;
    if (Date.now() > deadline) throw new Error(`no new worker ${slot} within ${within} ms; log:\n${server!.log}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

test.describe("the production server when a replacement web worker dies", () => {
  test("keeps serving on the live worker and retries the replacement, instead of stopping", async () => {
    test.setTimeout(120_000);
    const port = await freePort();
    server = new OwnServer({ port, dataDir, databaseUrl: e2eDatabaseUrl(), webConcurrency: 2, jobsWorker: "off", seedDemo: "off" });
    const first = await workerPid(1, null);
    await workerPid(0, null);
    await server.healthy(40_000);
    // Past the first start's window (only a first start that dies stops the server).
    await new Promise((r) => setTimeout(r, 10_500));

    process.kill(first, "SIGKILL");
    const replacement = await workerPid(1, first);
    // The replacement dies too, well within 10 s of its start.
    process.kill(replacement, "SIGKILL");
    await server.healthy(5000); // worker 0 serves meanwhile
    const third = await workerPid(1, replacement);

    expect(server.primary.exitCode).toBeNull();
    expect(server.log).not.toMatch(/stopping/);
    expect(server.log).toMatch(/web worker 1: starting a new one in 1 s/);
    await server.healthy(40_000);
    expect(alive(third)).toBe(true);
  });
});
