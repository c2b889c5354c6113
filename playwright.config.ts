import fs from "node:fs";

import { defineConfig, devices } from "@playwright/test";

// A dedicated port and data directory: e2e runs beside a dev server without colliding, and each run
// starts from a freshly seeded demo database.
const port = Number(process.env.E2E_PORT ?? 3107);
const dataDir = process.env.E2E_DATA_DIR ?? ".test-data/e2e";
const baseURL = `http://127.0.0.1:${port}`;
const debianChromium = "/usr/bin/chromium";

export default defineConfig({
  testDir: "tests/e2e",
  timeout: 30_000,
  expect: { timeout: 7_000 },
  fullyParallel: false,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  outputDir: "test-results",
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: fs.existsSync(debianChromium)
      ? { executablePath: debianChromium, args: ["--disable-gpu", "--disable-quic", "--disable-background-networking"] }
      : {},
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    // The production server as `npm start` runs it, with two web workers: journeys cross workers,
    // as they do in production (a change made through one must show through the other).
    command: `rm -rf ${dataDir} && exec node --import ./scripts/lib/allow-server-only.mjs --import tsx scripts/serve.mts`,
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      DATA_DIR: dataDir,
      HOST: "127.0.0.1",
      PORT: String(port),
      WEB_CONCURRENCY: "2",
      NEXT_TELEMETRY_DISABLED: "1",
      JOBS_WORKER: "on",
    },
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
  },
});
