// Sign-in flood (issue 9): the rep's Today page, unloaded and while 30 clients flood sign-in with
// wrong passwords from rotated addresses. Target: p95 within 2× of the unloaded figure.
//
//   NEXT_DIST_DIR=.next-ana npx next build          # once; the bench does not build
//   NEXT_DIST_DIR=.next-ana npm run tsx -- bench/sign-in-flood.mts
//
// It starts the production server (scripts/serve.mts, 2 web workers, TRUSTED_PROXIES=1 so that each
// rotated X-Forwarded-For entry stands for a distinct real client behind one proxy) on its own port
// and data directory (the demo seed), and stops it by pid at the end. The flood runs in a child
// process (autocannon), so the client measuring Today does not share an event loop with it.
import { type ChildProcess, fork, spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import autocannon from "autocannon";

import { summarize, type Summary } from "./lib/stats";
import { sleep } from "./lib/util";

const ROOT = process.cwd();
const DIST_DIR = process.env.NEXT_DIST_DIR || ".next-ana";
const DATA_DIR = process.env.FLOOD_DATA_DIR || ".bench-data-ana";
const PORT = Number(process.env.FLOOD_PORT || 3291);
const BASE = `http://127.0.0.1:${PORT}`;
const REP = "sofie@rendetalje.demo";
const PASSWORD = "momentum-demo";
const TODAY = "/rendetalje/today";
const FLOOD_CLIENTS = 30;
const FLOOD_SECONDS = Number(process.env.FLOOD_SECONDS || 30);
const PROBES = Number(process.env.FLOOD_PROBES || 200);
/** The flood's emails: the demo accounts (slowed down after 3 failures each) and unknown ones (each a bcrypt). */
const KNOWN = ["jonas", "sofie", "emil", "ida"].map((n) => `${n}@rendetalje.demo`);

type FloodReport = { requests: number; codes: Record<string, number>; seconds: number };

type Mix = "known" | "unknown" | "mixed" | "health";

if (process.argv[2] === "--flood") await runFlood(process.argv[3] as Mix);
else await main();

async function main() {
  if (!fs.existsSync(path.join(ROOT, DIST_DIR, "BUILD_ID")))
    throw new Error(`No build in ${DIST_DIR}: run NEXT_DIST_DIR=${DIST_DIR} npx next build first.`);
  const server = await startServer();
  const results: Record<string, unknown> = {
    measuredAt: new Date().toISOString(),
    trustedProxies: 1,
    loadAverageAtStart: os.loadavg().map((n) => n.toFixed(2)),
    cpus: os.availableParallelism(),
  };
  try {
    const cookie = await signIn(REP, PASSWORD);
    await probeToday(cookie, 50); // warm-up: JIT, pools, caches
    const unloaded = await probeToday(cookie, PROBES);
    console.log(`Today unloaded: p50 ${unloaded.p50} ms, p95 ${unloaded.p95} ms (load ${os.loadavg()[0]!.toFixed(2)})`);
    results.unloaded = unloaded;
    results.probes = await abuseProbes();
    console.log(JSON.stringify(results.probes));
    // "health": the same 30 connections on /api/health, the cheapest dynamic answer — the floor: what
    // any flood of this size costs Today on this machine, before a single password is hashed.
    for (const mix of ["health", "mixed", "unknown"] as const) {
      const flood = startFlood(mix);
      await sleep(3000); // let the flood reach its pace
      const loaded = await probeToday(cookie, PROBES, flood.done);
      const report = await flood.done;
      console.log(
        `Today during a ${mix} flood: p50 ${loaded.p50} ms, p95 ${loaded.p95} ms (${(loaded.p95 / unloaded.p95).toFixed(2)}× unloaded); ` +
          `flood ${report.requests} requests in ${report.seconds} s: ${JSON.stringify(report.codes)}`,
      );
      results[`flood-${mix}`] = {
        today: loaded,
        ratioP95: loaded.p95 / unloaded.p95,
        flood: report,
        loadAverageAfter: os.loadavg()[0]!.toFixed(2),
      };
      await sleep(5000); // budgets of the next mix start clean: other emails, other addresses
    }
    // The rep can still sign in: the flood spent other addresses' budgets, and the demo accounts are slowed, not locked.
    results.repSignsInAfter = await signInOutcome(REP, PASSWORD);
  } finally {
    await server.stop();
  }
  fs.writeFileSync(path.join(ROOT, "bench", "results-sign-in-flood.json"), `${JSON.stringify(results, null, 2)}\n`);
  console.log(JSON.stringify(results, null, 2));
}

async function startServer(): Promise<{ stop: () => Promise<void> }> {
  // A fresh database each run: the budgets of an earlier run (rate_limits) would refuse this run's probes.
  fs.rmSync(path.join(ROOT, DATA_DIR), { recursive: true, force: true });
  const child = spawn(process.execPath, ["--import", "./scripts/lib/allow-server-only.mjs", "--import", "tsx", "scripts/serve.mts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_DIST_DIR: DIST_DIR,
      NEXT_TELEMETRY_DISABLED: "1",
      DATA_DIR,
      DATABASE_URL: "",
      HOST: "127.0.0.1",
      PORT: String(PORT),
      WEB_CONCURRENCY: "2",
      TRUSTED_PROXIES: "1",
      JOBS_WORKER: "off",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout!.on("data", (d: Buffer) => (log += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (log += d.toString()));
  const stop = () => stopByPid(child);
  const deadline = Date.now() + 240_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${log.slice(-3000)}`);
    const res = await fetch(`${BASE}/api/health`).catch(() => null);
    if (res?.ok) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the server did not become healthy:\n${log.slice(-3000)}`);
    }
    await sleep(500);
  }
  return { stop };
}

async function stopByPid(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  process.kill(child.pid!, "SIGTERM");
  if ((await Promise.race([exited.then(() => "exited"), sleep(20_000)])) !== "exited") process.kill(child.pid!, "SIGKILL");
}

/** next-auth's credentials endpoint, as the login form's action calls it: the redirect's code, or the session cookie. */
async function credentialsPost(email: string, password: string, headers: Record<string, string> = {}) {
  const csrf = await fetch(`${BASE}/api/auth/csrf`, { headers });
  const csrfCookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie, ...headers },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${BASE}/` }),
  });
  const session = res.headers
    .getSetCookie()
    .find((c) => /session-token=/.test(c))
    ?.split(";")[0];
  const code = new URL(res.headers.get("location") ?? "/", BASE).searchParams.get("code");
  return { session, code, csrfCookie, csrfToken };
}

async function signIn(email: string, password: string): Promise<string> {
  const { session, code } = await credentialsPost(email, password);
  if (!session) throw new Error(`sign-in as ${email} failed (${code})`);
  return session;
}

async function signInOutcome(email: string, password: string): Promise<string> {
  const { session, code } = await credentialsPost(email, password);
  return session ? "signed in" : `refused (${code})`;
}

/**
 * The probes, before the flood. One trusted proxy appends the real client to
 * X-Forwarded-For; whatever the client put left of it is its own (forged) text.
 */
async function abuseProbes() {
  const via = (client: string, forged?: string) => ({ "x-forwarded-for": forged ? `${forged}, ${client}` : client });
  const code = async (email: string, password: string, headers: Record<string, string>) =>
    (await credentialsPost(email, password, headers)).code ?? "signed in";
  // 1. One client forging a new X-Forwarded-For each time: 60 wrong sign-ins.
  const rotating: string[] = [];
  for (let i = 0; i < 60; i++)
    rotating.push(await code(`probe-${crypto.randomUUID()}@example.test`, "guess", via("100.64.200.1", `203.0.113.${i}`)));
  // Each probe is about one budget: the workers' hashing budget (hash-budget.ts), which these quick
  // sequential attempts spend, refills in between, or it would shed the next probe's attempts.
  const refill = () => sleep(6000);
  await refill();
  // 2. 30 failures from one client, then another client behind the same proxy with the right password.
  for (let i = 0; i < 30; i++) await code(`probe-${crypto.randomUUID()}@example.test`, "guess", via("100.64.200.2"));
  await refill();
  const neighbour = await code("jonas@rendetalje.demo", PASSWORD, via("100.64.200.3"));
  // 3. Six wrong passwords for an account, then its owner with the right one, first at once, then after the wait.
  const victim = "emil@rendetalje.demo";
  const six: string[] = [];
  for (let i = 0; i < 6; i++) six.push(await code(victim, `wrong-${i}`, via("100.64.200.4")));
  const ownerAtOnce = await code(victim, PASSWORD, via("100.64.200.5"));
  const wait = Number(/^rate_limited:(\d+)$/.exec(ownerAtOnce)?.[1] ?? 0);
  await sleep(wait * 1000 + 100);
  const ownerAfterWait = await code(victim, PASSWORD, via("100.64.200.5"));
  const refused = (codes: string[]) => codes.filter((c) => c.startsWith("rate_limited")).length;
  return {
    rotatingHeader: { attempts: 60, refused: refused(rotating) },
    neighbourAfter30Failures: { attempts: 31, neighbour },
    sixWrongThenOwner: { attempts: 6, refused: refused(six), ownerAtOnce, waitSeconds: wait, ownerAfterWait },
  };
}

/**
 * Today, one request at a time (a person's page loads, not a load test), latency per response: n
 * of them, or with `until`, as many as fit before it settles (so every one was made under the flood).
 */
async function probeToday(cookie: string, n: number, until?: Promise<unknown>): Promise<Summary> {
  const samples: number[] = [];
  let over = false;
  void until?.finally(() => (over = true));
  for (let i = 0; until ? !over : i < n; i++) {
    const t0 = performance.now();
    const res = await fetch(`${BASE}${TODAY}`, { headers: { cookie }, redirect: "manual" });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`Today answered ${res.status}`);
    samples.push(performance.now() - t0);
  }
  return summarize(samples);
}

function startFlood(mix: Mix): { done: Promise<FloodReport> } {
  const child = fork(import.meta.filename, ["--flood", mix], { execArgv: process.execArgv, stdio: "inherit" });
  const done = new Promise<FloodReport>((resolve, reject) => {
    child.once("message", (m) => resolve(m as FloodReport));
    child.once("exit", (code) => code !== 0 && reject(new Error(`the flood exited ${code}`)));
  });
  return { done };
}

/** The child: FLOOD_CLIENTS connections posting wrong passwords, each from a new address (X-Forwarded-For, one trusted proxy). */
async function runFlood(mix: Mix) {
  if (mix === "health") return runHealthFlood();
  const { csrfCookie, csrfToken } = await credentialsPost(`nobody-${crypto.randomUUID()}@example.test`, "x");
  const codes: Record<string, number> = {};
  let n = 0;
  const body = () => {
    const known = mix === "known" || (mix === "mixed" && n % 2 === 0);
    const email = known ? KNOWN[n % KNOWN.length]! : `flood-${crypto.randomUUID()}@example.test`;
    return new URLSearchParams({ email, password: `wrong-${n}`, csrfToken, callbackUrl: `${BASE}/` }).toString();
  };
  const instance = autocannon({
    url: BASE,
    connections: FLOOD_CLIENTS,
    duration: FLOOD_SECONDS,
    timeout: 60,
    requests: [
      {
        method: "POST",
        path: "/api/auth/callback/credentials",
        setupRequest: (req) => {
          n++;
          const b = crypto.randomBytes(3);
          return {
            ...req,
            headers: {
              "content-type": "application/x-www-form-urlencoded",
              cookie: csrfCookie,
              "x-forwarded-for": `100.${64 + (b[0]! % 64)}.${b[1]}.${b[2]}`,
            },
            body: body(),
          };
        },
        onResponse: (status, _body, _context, headers) => {
          const location = Object.entries(headers ?? {}).find(([k]) => k.toLowerCase() === "location")?.[1];
          const code = location ? new URL(location, BASE).searchParams.get("code") : null;
          const key = code ? code.replace(/:\d+$/, "") : `HTTP ${status}`;
          codes[key] = (codes[key] ?? 0) + 1;
        },
      },
    ],
  });
  const result = await instance;
  process.send!({ requests: result.requests.total, codes, seconds: result.duration } satisfies FloodReport);
  process.exit(0);
}

async function runHealthFlood() {
  const result = await autocannon({ url: `${BASE}/api/health`, connections: FLOOD_CLIENTS, duration: FLOOD_SECONDS, timeout: 60 });
  const codes = Object.fromEntries(Object.entries(result.statusCodeStats).map(([status, { count }]) => [`HTTP ${status}`, count]));
  process.send!({ requests: result.requests.total, codes, seconds: result.duration } satisfies FloodReport);
  process.exit(0);
}
