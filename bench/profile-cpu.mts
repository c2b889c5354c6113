// Where a page's app CPU goes: serves the .next-bench build with ONE web worker under the inspector,
// and for each page warms it up, then records a CPU profile (CDP Profiler) over N sequential
// requests only (no boot, no warm-up in it), and groups the self time per request by package or
// source folder. Writes bench/results-cpu-profile.json (summarised in BENCHMARKS.md) and the raw
// .cpuprofile files into .bench-data/profiles/ (not committed: megabytes) for Chrome DevTools / speedscope.
//
//   NODE_OPTIONS=--experimental-websocket npm run tsx -- bench/profile-cpu.mts [--only=empty,shell,today] [--requests=200]
//
// Needs the bench build (npm run bench once) and the bench cluster with the scale profile.
import fs from "node:fs";
import path from "node:path";

import { startApp } from "./lib/app-server";
import { openBenchDatabase } from "./lib/cluster";
import { BENCH_DATA_DIR, MEASURED_MANAGER, MEASURED_ORG, MEASURED_REP, PASSWORD, ROOT } from "./lib/config";
import { type CpuProfile, groupSelfTime, topFunctions } from "./lib/cpu-profile";
import { probe } from "./lib/http-load";
import { SCENARIOS } from "./lib/scenarios";
import { signIn } from "./lib/sign-in";

const args = process.argv.slice(2);
const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const only = (option("only") ?? "empty,shell,today,deals,pipeline").split(",");
const requests = Number(option("requests") ?? 200);
const INSPECT_PORT = 9329;
const PROFILE_DIR = path.join(ROOT, BENCH_DATA_DIR, "profiles");
const log = (m: string) => console.log(`[profile] ${m}`);

if (typeof WebSocket === "undefined") throw new Error("Run with node --experimental-websocket (Node 20) for the inspector connection.");

const bench = await openBenchDatabase(log);
const app = await startApp({ workers: 1, workerNodeArgs: [`--inspect=127.0.0.1:${INSPECT_PORT}`] });
const out: { id: string; path: string; requests: number; msPerRequest: number; groups: { name: string; ms: number }[] }[] = [];
try {
  const rep = await signIn(MEASURED_REP, PASSWORD);
  // Pages only: the action's own rep is never asked for.
  const sessions = { rep, actionRep: rep, manager: await signIn(MEASURED_MANAGER, PASSWORD) };
  const inspector = await connectInspector();
  for (const def of SCENARIOS.filter((s) => s.kind === "page" && only.includes(s.id))) {
    const pagePath = def.path(MEASURED_ORG);
    const headers = { Cookie: sessions[def.as].cookie, Accept: "text/html" };
    for (let i = 0; i < 50; i++) await probe(pagePath, headers);
    await inspector.send("Profiler.enable");
    await inspector.send("Profiler.setSamplingInterval", { interval: 100 });
    await inspector.send("Profiler.start");
    for (let i = 0; i < requests; i++) await probe(pagePath, headers);
    const { profile } = (await inspector.send("Profiler.stop")) as { profile: CpuProfile };
    fs.mkdirSync(PROFILE_DIR, { recursive: true });
    fs.writeFileSync(path.join(PROFILE_DIR, `cpu-${def.id}.cpuprofile`), JSON.stringify(profile));
    const groups = groupSelfTime(profile).map((g) => ({ name: g.name, ms: g.ms / requests }));
    const msPerRequest = groups.reduce((a, g) => a + g.ms, 0);
    out.push({ id: def.id, path: pagePath, requests, msPerRequest, groups });
    log(
      `${def.id}: ${msPerRequest.toFixed(2)} ms per request: ${groups
        .slice(0, 8)
        .map((g) => `${g.name} ${g.ms.toFixed(2)}`)
        .join(", ")}`,
    );
    for (const f of topFunctions(profile, 12)) log(`    ${(f.ms / requests).toFixed(3)} ms  ${f.name}`);
  }
  inspector.close();
  fs.writeFileSync(
    path.join(ROOT, "bench", "results-cpu-profile.json"),
    `${JSON.stringify({ measuredAt: new Date().toISOString(), command: `bench/profile-cpu.mts ${args.join(" ")}`.trim(), pages: out }, null, 2)}\n`,
  );
  log(`Wrote bench/results-cpu-profile.json and ${path.relative(ROOT, PROFILE_DIR)}/cpu-*.cpuprofile.`);
} finally {
  await app.stop();
  await bench.close();
}
process.exit(0);

/** A minimal Chrome DevTools Protocol client over the worker's inspector WebSocket. */
async function connectInspector() {
  // node:cluster replaces the worker's inspector port with debugPort + n (9230, …) unless the primary sets one.
  let target: { webSocketDebuggerUrl: string } | undefined;
  for (const port of [INSPECT_PORT, 9230, 9231, 9232, 9233]) {
    try {
      [target] = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as { webSocketDebuggerUrl: string }[];
      break;
    } catch {
      // not this port
    }
  }
  if (!target) throw new Error("The web worker's inspector is not listening.");
  const ws = new WebSocket(target.webSocketDebuggerUrl);
  await new Promise((resolve, reject) => {
    ws.onopen = resolve;
    ws.onerror = reject;
  });
  let nextId = 1;
  const waiting = new Map<number, (result: unknown) => void>();
  ws.onmessage = (event) => {
    const msg = JSON.parse(String(event.data)) as { id?: number; result?: unknown };
    if (msg.id !== undefined) waiting.get(msg.id)?.(msg.result);
  };
  return {
    send(method: string, params: Record<string, unknown> = {}): Promise<unknown> {
      const id = nextId++;
      ws.send(JSON.stringify({ id, method, params }));
      return new Promise((resolve) => waiting.set(id, resolve));
    },
    close: () => ws.close(),
  };
}
