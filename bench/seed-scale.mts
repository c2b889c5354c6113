// Loads the scale profile (DESIGN §6) into the benchmark's own embedded PostgreSQL in .bench-data/pg.
//   npm run tsx -- bench/seed-scale.mts           load once (skips when the marker says it is there)
//   npm run tsx -- bench/seed-scale.mts --reset   delete .bench-data/pg first (no bench server may be running)
// `npm run bench` calls the same code; this entry point exists to load ahead of time.
import fs from "node:fs";
import path from "node:path";

import { openBenchDatabase } from "./lib/cluster";
import { BENCH_PG_DIR } from "./lib/config";
import { ensureScaleData } from "./lib/scale-seed";

if (process.argv.includes("--reset")) {
  const pidFile = path.join(BENCH_PG_DIR, "postmaster.pid");
  if (fs.existsSync(pidFile)) {
    const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
    let alive = false;
    try {
      process.kill(pid, 0);
      alive = true;
    } catch (err) {
      alive = (err as NodeJS.ErrnoException).code === "EPERM";
    }
    if (alive) {
      console.error(`The bench PostgreSQL (pid ${pid}) is running from ${BENCH_PG_DIR}; stop it before --reset.`);
      process.exit(1);
    }
  }
  fs.rmSync(BENCH_PG_DIR, { recursive: true, force: true });
  console.log(`Removed ${BENCH_PG_DIR}.`);
}

const bench = await openBenchDatabase();
try {
  const marker = await ensureScaleData(bench.db);
  console.log(JSON.stringify({ loadSeconds: marker.seconds, steps: marker.steps, counts: marker.counts }, null, 2));
} finally {
  await bench.close();
}
process.exit(0);
