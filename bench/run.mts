// npm run bench — the scale benchmark (DESIGN §6). Loads the scale profile if needed, measures the
// raw-SQL floors, builds the app into .next-bench (unless --no-build), serves it with `next start`
// on 127.0.0.1:3240, measures each page and the complete-and-plan-next action with autocannon, then
// profiles the app's own SQL, and writes bench/results.json and BENCHMARKS.md.
//
//   --no-build       reuse the last .next-bench build
//   --skip-floors    skip the raw-SQL floors and COPY (their last figures are not kept)
//   --skip-profile   skip the LOG_SQL pass
//   --only=a,b       scenario ids: shell, today, deals, deals-rep, pipeline, complete-action, dashboard
//                    (the empty page, /bench-floor, always runs: the targets are multiples of it)
//   --report-only    rewrite BENCHMARKS.md from bench/results.json, measuring nothing
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { profileAppSql } from "./lib/app-profile";
import { type AppServer, buildApp, type BuildOutcome, hasBuild, startApp } from "./lib/app-server";
import { openBenchDatabase } from "./lib/cluster";
import {
  ACTION_REP,
  BENCH_DIST_DIR,
  DESIGN_FLOORS_MS,
  emailOf,
  FLOOR_REP,
  LOAD,
  MEASURED_MANAGER,
  MEASURED_ORG,
  MEASURED_REP,
  PASSWORD,
  repEmail,
  ROOT,
  SCALE,
} from "./lib/config";
import { copyFloor } from "./lib/copy-floor";
import { dashboardDataFloor } from "./lib/dashboard-floor";
import { type FloorSet, lookupPeople, runFloors } from "./lib/floors";
import { describeMachine } from "./lib/machine";
import { writeReports } from "./lib/report";
import { type BenchResults, toRow } from "./lib/results";
import { ensureScaleData } from "./lib/scale-seed";
import { EMPTY_PAGE_ID, emptyPageWindow, runScenario, type ScenarioResult, SCENARIOS } from "./lib/scenarios";
import { signIn } from "./lib/sign-in";

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const only = args
  .find((a) => a.startsWith("--only="))
  ?.slice("--only=".length)
  .split(",");
const log = (m: string) => console.log(`[bench] ${m}`);
const plansDir = path.join(ROOT, "bench", "plans");
const notes: string[] = [];

if (flag("report-only")) {
  const previous = readPreviousResults();
  if (!previous) throw new Error("--report-only needs bench/results.json from an earlier run");
  writeReports(ROOT, previous);
  log("Rewrote BENCHMARKS.md from bench/results.json.");
  process.exit(0);
}

const bench = await openBenchDatabase(log);
let app: AppServer | undefined;
// Stop what we started, by pid, even on Ctrl-C.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void (async () => {
      await app?.stop();
      if (bench.startedHere) await bench.close();
      process.exit(130);
    })();
  });
}

try {
  const machine = await describeMachine(bench.sql);
  const marker = await ensureScaleData(bench.db, log);
  const [orgA, orgB] = SCALE.orgs;
  const people = await lookupPeople(bench.sql, orgA, MEASURED_REP, MEASURED_MANAGER, FLOOR_REP);

  let floors: FloorSet | null = null;
  let copy: BenchResults["copy"] = null;
  let floorsMeasuredAt: string | null = null;
  if (flag("skip-floors")) {
    // Keep the ratios meaningful: reuse the floors of the last run that measured them.
    const previous = readPreviousResults();
    if (previous?.floors) {
      floors = previous.floors;
      copy = previous.copy;
      floorsMeasuredAt = previous.floorsMeasuredAt ?? previous.generatedAt;
      notes.push(`Raw-SQL floors were not re-measured (--skip-floors): they are those of the run of ${floorsMeasuredAt}.`);
    }
  } else {
    log("Raw-SQL floors (before the app starts, so nothing competes with them)…");
    const other = await lookupPeople(bench.sql, orgB, repEmail(orgB.slug, 1), emailOf(orgB.slug, "manager"), repEmail(orgB.slug, 2));
    floors = await runFloors(bench.sql, plansDir, people, other, log);
    floorsMeasuredAt = new Date().toISOString();
    try {
      floors["dashboard-data"] = await dashboardDataFloor(bench.url, plansDir, MEASURED_ORG, people.managerId);
      log(`  dashboard data (uncached getDashboard): p50 ${floors["dashboard-data"].total.p50} ms`);
    } catch (err) {
      notes.push(`The dashboard data could not be measured in-process: ${(err as Error).message}`);
    }
    try {
      copy = await copyFloor(bench.url, people.orgId);
      log(`  COPY of ${copy.rows} deal rows: ${copy.seconds.p50.toFixed(2)} s`);
    } catch (err) {
      notes.push(`The COPY floor failed: ${(err as Error).message}`);
      log(`  COPY floor failed: ${(err as Error).message}`);
    }
  }

  let built: BuildOutcome | null = null;
  if (!flag("no-build")) {
    built = await buildApp(log);
    if (!built.ok) {
      notes.unshift(
        `**next build failed** on the current tree (see the run's output), so these figures are of the previous bench build, made ${built.reusedBuildFrom}. Re-run once the tree builds.`,
      );
    }
  } else if (!hasBuild()) throw new Error(`--no-build, but there is no build in ${BENCH_DIST_DIR}: run npm run bench once without it.`);

  app = await startApp();
  const workers = app.workers;
  log(`The production server (scripts/serve.mts, ${app.workers} web workers) is serving on 127.0.0.1:3240 (pid ${app.pid}).`);
  const sessions = {
    rep: await signIn(MEASURED_REP, PASSWORD),
    actionRep: await signIn(ACTION_REP, PASSWORD),
    manager: await signIn(MEASURED_MANAGER, PASSWORD),
  };
  log(`Signed in as ${sessions.rep.email}, ${sessions.actionRep.email} (the action's completions) and ${sessions.manager.email}.`);

  // The empty page always runs: every target is a multiple of its CPU in the same run.
  const chosen = SCENARIOS.filter((s) => !only || only.includes(s.id) || s.id === EMPTY_PAGE_ID);
  const results: ScenarioResult[] = [];
  for (const def of chosen) {
    const scenarioContext = { orgSlug: MEASURED_ORG, sessions, sql: bench.sql, db: bench.db, appPid: app.pid, log };
    const adjacentEmptyAppMs = def.id === EMPTY_PAGE_ID ? null : await emptyPageWindow(scenarioContext);
    const result = { ...(await runScenario(def, scenarioContext)), adjacentEmptyAppMs };
    results.push(result);
    const l = result.load?.latency;
    const cpu = result.cpu
      ? `; CPU per request: app ${result.cpu.appMsPerRequest} ms, PostgreSQL ${result.cpu.postgresMsPerRequest} ms`
      : "";
    log(`${def.id}: ${l ? `p50 ${l.p50} ms, p95 ${l.p95} ms, ${result.load!.requestsPerSecond} req/s${cpu}` : result.note}`);
  }
  await app.stop();
  app = undefined;

  const available = results.filter((r) => r.status === "measured");
  const sqlProfiles =
    flag("skip-profile") || available.length === 0 ? [] : await profileAppSql(bench.sql, plansDir, available, sessions, log);

  notes.push(...standingNotes(results, built));
  const emptyAppMs = results.find((r) => r.id === EMPTY_PAGE_ID)?.cpu?.appMsPerRequest ?? null;
  const rows = chosen.map((def, i) => toRow(def, results[i]!, floors, emptyAppMs));
  const report: BenchResults = {
    generatedAt: new Date().toISOString(),
    command: `npm run bench${args.length ? ` -- ${args.join(" ")}` : ""}`,
    machine,
    loadAverageAtEnd: os.loadavg().map((n) => Math.round(n * 100) / 100),
    profile: {
      version: marker.version,
      loadedAt: marker.loadedAt,
      seconds: marker.seconds,
      steps: marker.steps,
      counts: marker.counts,
      loadedThisRun: marker.loadedNow,
    },
    build: { seconds: built?.seconds ?? null, skipped: built === null, failed: built?.ok === false },
    load: { connections: LOAD.connections, durationSeconds: LOAD.durationSeconds, warmupSeconds: LOAD.warmupSeconds, workers },
    scenarios: rows,
    floors,
    floorsMeasuredAt,
    copy,
    designFloorsMs: DESIGN_FLOORS_MS,
    sqlProfiles,
    notes,
  };
  const written = writeReports(ROOT, report);
  log(`Wrote ${path.relative(ROOT, written.json)} and ${path.relative(ROOT, written.markdown)}.`);
  for (const row of rows)
    log(
      `  ${row.id.padEnd(16)} ${row.verdict.padEnd(4)} ${row.cpu ? `app ${row.cpu.appMsPerRequest} ms (${row.cpuMultiple ?? "?"}× empty) + pg ${row.cpu.postgresMsPerRequest} ms` : row.status}${row.responseBytes ? `, ${(row.responseBytes / 1024).toFixed(1)} KiB` : ""}`,
    );
} catch (err) {
  // One readable line instead of tsx's transpiled stack.
  console.error(`[bench] FAILED: ${(err as Error).message}`);
  process.exitCode = 1;
} finally {
  await app?.stop();
  // The cluster is stopped only if this run started it; a reused one keeps running for its owner.
  await bench.close();
}
process.exit(process.exitCode ?? 0);

function readPreviousResults(): BenchResults | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(ROOT, "bench", "results.json"), "utf8")) as BenchResults;
  } catch {
    return null;
  }
}

function standingNotes(results: ScenarioResult[], built: BuildOutcome | null): string[] {
  const n: string[] = [];
  n.push(
    `The app runs as \`npm start\` runs it — scripts/serve.mts, one \`next start\` worker per CPU sharing the port — with JOBS_WORKER=off and SEED_DEMO=off, DATA_DIR=.bench-data (the bench cluster), a pool of 10 connections per worker, ${built?.ok ? `built in ${built.seconds.toFixed(0)} s` : "on an earlier build (--no-build, or this run's build failed)"}.`,
  );
  n.push(
    `Sessions come from the real sign-in flow (next-auth credentials endpoint): ${MEASURED_REP} (rep), ${MEASURED_MANAGER} (manager) and, for complete & plan next, ${ACTION_REP} (so the completions never drain the measured rep's Today queue) in ${MEASURED_ORG}.`,
  );
  const action = results.find((r) => r.id === "complete-action");
  if (action?.status === "measured") {
    n.push(
      "Complete & plan next is the real server action, invoked as the browser does: a POST to the Today page with the Next-Action header (id from the build's server-reference manifest) and the RSC-encoded arguments `[orgSlug, input]`. " +
        "Each request completes a different pending action of the rep and plans the next one. The response carries the action's result only (the Today queue applies it and refreshes in the background), as in the browser.",
    );
  }
  if (results.find((r) => r.id === "dashboard")?.status === "measured") {
    n.push(
      "The dashboard page answers from a short per-process cache (src/server/data/dashboard/cache.ts), so at 10 connections almost every request is a cache hit and its row measures rendering. " +
        "What a miss costs is the floor column of that row: the app's own getDashboard(ctx), uncached, in-process (not hand-written SQL), so its ratio is below 1.",
    );
  }
  for (const r of results.filter((x) => x.status === "not-available"))
    n.push(`${r.title}: ${r.path} is not available (404) yet; it is skipped until the page exists.`);
  n.push(
    "Times in the scale profile are relative to when it was loaded: after a few days more actions are overdue. Reload (`npm run tsx -- bench/seed-scale.mts --reset`) for the intended mix.",
  );
  n.push(
    "The action benchmark completes real actions: each run moves about (req/s × duration) of the rep's pending actions forward. The pool refills itself with the newly planned ones, so runs can repeat indefinitely.",
  );
  return n;
}
