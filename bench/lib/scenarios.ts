import type postgres from "postgres";

import type { Database } from "@/db/client";

import { LOAD, type Target, TARGETS } from "./config";
import { type CpuPerRequest, cpuPerRequest, cpuSnapshot } from "./cpu-usage";
import { type LoadResult, probe, runLoad, warmUp } from "./http-load";
import { runCompleteActionInProcess } from "./in-process-action";
import { loadAverageNow } from "./machine";
import { actionHeaders, type ActionPool, completeActionRequests, findServerAction, postActionOnce } from "./server-action";
import type { Session } from "./sign-in";
import { summarize, type Summary } from "./stats";

export type ScenarioId = "empty" | "shell" | "today" | "deals" | "deals-rep" | "pipeline" | "complete-action" | "dashboard";

/** rep: the measured rep; actionRep: another rep whose actions the action scenario completes. */
export type SessionRole = "rep" | "actionRep" | "manager";

export type ScenarioDef = {
  id: ScenarioId;
  title: string;
  as: SessionRole;
  path: (orgSlug: string) => string;
  kind: "page" | "action";
  /** Raw-SQL floor (bench/lib/floors.ts) doing the same database work. */
  floorId: string | null;
  target: Target | null;
};

/** The framework floor every target is a multiple of; it always runs, whatever --only says. */
export const EMPTY_PAGE_ID: ScenarioId = "empty";

export const SCENARIOS: ScenarioDef[] = [
  // An empty dynamic page of the same build, outside the app shell (src/app/bench-floor): what
  // Next.js alone costs per request on this machine.
  {
    id: "empty",
    title: "Empty dynamic page (framework floor)",
    as: "rep",
    path: () => "/bench-floor",
    kind: "page",
    floorId: null,
    target: null,
  },
  // The org settings page (session, tenant, app shell and a small card) is the fixed cost every
  // page pays, so the other rows can be read as "shell + their own work".
  {
    id: "shell",
    title: "App shell: org settings page (rep)",
    as: "rep",
    path: (o) => `/${o}/settings`,
    kind: "page",
    floorId: null,
    target: TARGETS.shell!,
  },
  { id: "today", title: "Today page (rep)", as: "rep", path: (o) => `/${o}/today`, kind: "page", floorId: "today", target: TARGETS.today! },
  {
    id: "deals",
    title: "Deals list, first page (manager: all open deals)",
    as: "manager",
    path: (o) => `/${o}/deals`,
    kind: "page",
    floorId: "deals",
    target: TARGETS.deals!,
  },
  {
    id: "deals-rep",
    title: "Deals list, first page (rep: own open deals)",
    as: "rep",
    path: (o) => `/${o}/deals`,
    kind: "page",
    floorId: "deals-rep",
    target: TARGETS.deals!,
  },
  {
    id: "pipeline",
    title: "Pipeline board (rep: own open deals)",
    as: "rep",
    path: (o) => `/${o}/pipeline`,
    kind: "page",
    floorId: "pipeline",
    target: TARGETS.pipeline!,
  },
  {
    id: "complete-action",
    title: "Complete & plan next (server action, rep)",
    as: "actionRep",
    path: (o) => `/${o}/today`,
    kind: "action",
    floorId: "complete-action",
    target: TARGETS.completeAction!,
  },
  {
    id: "dashboard",
    title: "Dashboard (manager)",
    as: "manager",
    path: (o) => `/${o}/dashboard`,
    kind: "page",
    floorId: "dashboard-data",
    target: TARGETS.dashboard!,
  },
];

export type ScenarioResult = {
  id: ScenarioId;
  title: string;
  method: "GET" | "POST";
  path: string;
  user: string;
  /** measured over HTTP; in-process = the action's data function (fallback); not-available = 404. */
  status: "measured" | "in-process" | "not-available" | "error";
  note: string | null;
  /** The uncompressed HTML of a full page load (what the targets use), and the same gzip'd. */
  responseBytes: number | null;
  responseGzipBytes: number | null;
  /** Of responseBytes, the RSC payload embedded in the HTML. */
  responsePayloadBytes?: number | null;
  /** One request at a time (no concurrency): the latency a single user sees on an idle server. */
  unloaded: Summary | null;
  load: LoadResult | null;
  loadAverageAtStart: number;
  /** CPU actually spent per request by the app server and by PostgreSQL (robust to a busy machine). */
  cpu: CpuPerRequest | null;
  /**
   * The empty page's app CPU per request in a short window right before this scenario: on a machine
   * others share, the load drifts within a run, so each row's multiple is taken against its neighbour.
   */
  adjacentEmptyAppMs?: number | null;
  action: { ok: number; failed: number; failures: Record<string, number> } | null;
};

export type ScenarioContext = {
  orgSlug: string;
  sessions: Record<SessionRole, Session>;
  sql: postgres.Sql;
  db: Database;
  appPid: number;
  log: (m: string) => void;
};

const UNLOADED_SAMPLES = 10;

export async function runScenario(def: ScenarioDef, ctx: ScenarioContext): Promise<ScenarioResult> {
  const session = ctx.sessions[def.as];
  const path = def.path(ctx.orgSlug);
  const base: ScenarioResult = {
    id: def.id,
    title: def.title,
    method: def.kind === "action" ? "POST" : "GET",
    path,
    user: session.email,
    status: "measured",
    note: null,
    responseBytes: null,
    responseGzipBytes: null,
    unloaded: null,
    load: null,
    loadAverageAtStart: loadAverageNow(),
    cpu: null,
    action: null,
  };
  try {
    return def.kind === "action" ? await runAction(def, ctx, session, base) : await runPage(ctx, session, base);
  } catch (err) {
    return { ...base, status: "error", note: (err as Error).message };
  }
}

async function runPage(ctx: ScenarioContext, session: Session, base: ScenarioResult): Promise<ScenarioResult> {
  const headers = { Cookie: session.cookie, Accept: "text/html" };
  const first = await probe(base.path, headers);
  if (first.status === 404)
    return { ...base, status: "not-available", note: "not available (404): the page is not built yet", responseBytes: first.bytes };
  if (first.status !== 200) {
    return { ...base, status: "error", note: `HTTP ${first.status}${first.location ? ` → ${first.location}` : ""} on the first request` };
  }
  ctx.log(`  ${base.id}: warming up ${LOAD.warmupSeconds} s, then ${LOAD.durationSeconds} s at ${LOAD.connections} connections…`);
  await warmUp({ path: base.path, headers });
  const unloaded: number[] = [];
  for (let i = 0; i < UNLOADED_SAMPLES; i++) unloaded.push((await probe(base.path, headers)).ms);
  const loadAverageAtStart = loadAverageNow();
  const before = cpuSnapshot(ctx.appPid);
  const load = await runLoad({ path: base.path, headers });
  const cpu = cpuPerRequest(before, cpuSnapshot(ctx.appPid), load.requests);
  const responseGzipBytes = first.gzipBytes;
  return {
    ...base,
    responseBytes: first.bytes,
    responseGzipBytes,
    responsePayloadBytes: first.payloadBytes,
    unloaded: summarize(unloaded),
    load,
    loadAverageAtStart,
    cpu,
    note: failureNote(load),
  };
}

/**
 * The server action over HTTP when the build has it (a POST to a page that imports it, with the
 * Next-Action header), else the data function in-process. Each request completes a different
 * pending action of the rep; see completeActionRequests.
 */
async function runAction(def: ScenarioDef, ctx: ScenarioContext, session: Session, base: ScenarioResult): Promise<ScenarioResult> {
  const ids = (
    await ctx.sql`select a.id from actions a join organizations o on o.id = a.org_id
    where o.slug = ${ctx.orgSlug} and a.owner_id = ${session.userId} and a.completed_at is null order by a.due_at`
  ).map((r) => r.id as string);
  const ref = findServerAction("src/actions/next-steps.ts", "completeNextStepAction");
  const pageOk = ref ? (await probe(base.path, { Cookie: session.cookie })).status === 200 : false;
  if (!ref || !pageOk) {
    ctx.log(
      `  ${def.id}: ${ref ? `${base.path} is not available` : "completeNextStepAction is not in the build's manifest"}; measuring completeNextStep(ctx, …) in-process instead`,
    );
    const load = await runCompleteActionInProcess(ctx.db, ctx.orgSlug, session.userId, ids);
    return {
      ...base,
      status: "in-process",
      method: "POST",
      load,
      note: "Measured in-process (data function only: no HTTP, session, RSC encoding or page re-render), because the server action could not be invoked over HTTP.",
    };
  }
  const pool: ActionPool = { ids, used: 0, ok: 0, failed: 0, failures: {} };
  const headers = actionHeaders(ref.id, session.cookie);
  const request = completeActionRequests(ctx.orgSlug, pool);
  ctx.log(`  ${def.id}: action ${ref.id.slice(0, 10)}… on ${base.path}; pool of ${ids.length} pending actions; warming up…`);
  await warmUp({ path: base.path, headers, method: "POST", request });
  const unloaded: number[] = [];
  for (let i = 0; i < UNLOADED_SAMPLES; i++) unloaded.push(await postActionOnce(base.path, headers, ctx.orgSlug, pool));
  Object.assign(pool, { ok: 0, failed: 0, failures: {} });
  const loadAverageAtStart = loadAverageNow();
  const before = cpuSnapshot(ctx.appPid);
  const load = await runLoad({ path: base.path, headers, method: "POST", request });
  const cpu = cpuPerRequest(before, cpuSnapshot(ctx.appPid), load.requests);
  const action = { ok: pool.ok, failed: pool.failed, failures: pool.failures };
  const note = pool.failed > 0 ? `${pool.failed} action call(s) did not return ok: ${JSON.stringify(pool.failures)}` : failureNote(load);
  return { ...base, unloaded: summarize(unloaded), load, loadAverageAtStart, cpu, action, note };
}

/** A short CPU window of the empty page (see ScenarioResult.adjacentEmptyAppMs). */
export async function emptyPageWindow(ctx: ScenarioContext): Promise<number | null> {
  const empty = SCENARIOS.find((s) => s.id === EMPTY_PAGE_ID)!;
  const options = { path: empty.path(ctx.orgSlug), headers: { Cookie: ctx.sessions.rep.cookie, Accept: "text/html" } };
  await runLoad({ ...options, durationSeconds: 1 });
  const before = cpuSnapshot(ctx.appPid);
  const load = await runLoad({ ...options, durationSeconds: 5 });
  return cpuPerRequest(before, cpuSnapshot(ctx.appPid), load.requests)?.appMsPerRequest ?? null;
}

function failureNote(load: LoadResult): string | null {
  if (load.non2xx === 0 && load.errors === 0) return null;
  return `${load.non2xx} non-2xx responses, ${load.errors} errors (${load.timeouts} timeouts): ${JSON.stringify(load.statusCodes)}`;
}
