import fs from "node:fs";
import path from "node:path";

import type { BenchResults, ScenarioRow } from "./results";

/**
 * The page and action rows of BENCHMARKS.md. The figures of record are CPU per request (app and
 * PostgreSQL, from /proc) and the bytes of the HTML, beside two floors of the same run: the page's
 * raw SQL and an empty dynamic page of the same build. Latency is printed as information: on a
 * 2-core machine shared with other work it mostly measures the machine.
 */
const ms = (n: number | null | undefined) =>
  n === null || n === undefined || Number.isNaN(n) ? "—" : `${n < 10 ? n.toFixed(2) : n.toFixed(1)} ms`;
const kib = (bytes: number | null | undefined) => (bytes ? `${(bytes / 1024).toFixed(1)} KiB` : "—");

export function pageResultsSection(r: BenchResults): string[] {
  const empty = r.scenarios.find((s) => s.id === "empty");
  const out = [
    `## Results (CPU per request and bytes; the production server with ${r.load.workers} web workers, ${r.load.connections} concurrent connections for ${r.load.durationSeconds} s after a ${r.load.warmupSeconds} s warm-up)`,
    "",
  ];
  out.push(
    "| Scenario | App CPU/request | × empty page (its CPU) | PostgreSQL CPU/request | HTML (uncompressed) | of which RSC payload | gzip | Target | Verdict | Raw-SQL floor p50 | 1 user p50 | 10 conc. p50 / p95 | req/s |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
  );
  for (const s of r.scenarios) out.push(scenarioLine(s));
  out.push(
    "",
    `*App CPU/request*: CPU time the Node processes of the server (primary and web workers) spent per request during the ${r.load.connections}-connection window, read from /proc; *PostgreSQL CPU/request* the same for the database's processes. ` +
      "Unlike latency these do not grow when other programs compete for the machine, though a faster or slower CPU scales them all: " +
      `hence the targets are multiples of the **empty dynamic page** of the same build measured in the same run (\`src/app/bench-floor\`, which only the bench server answers; ${empty?.cpu ? ms(empty.cpu.appMsPerRequest) : "not measured"} in its own row). ` +
      "Other work on a shared machine drifts within a run, so the empty page is measured again for 5 s right before each row, and the row's multiple is taken against that neighbouring figure (in brackets). " +
      "*HTML*: the document a browser receives on a full page load (server-rendered HTML with the embedded RSC payload), uncompressed — the size the targets use; *of which RSC payload*: the `self.__next_f` scripts (a server component's output is there as well as in the markup; a client component's props are there and its markup in the HTML); *gzip*: the same body gzip'd at zlib's default level, as `next start` sends it to browsers (the load generator asks for no compression). " +
      "*Raw-SQL floor*: the page's database work by hand, one statement at a time (section below). *1 user p50*, *10 conc.* and *req/s*: latency alone on the idle server and under 10 concurrent connections, and throughput — information only.",
    "",
  );
  const notes = r.scenarios.filter((s) => s.note).map((s) => `- **${s.title}**: ${s.note}`);
  if (notes.length) out.push("### Scenario notes", "", ...notes, "");
  out.push(...missesSection(r));
  out.push(...cpuProfileSection());
  return out;
}

function targetText(s: ScenarioRow): string {
  if (!s.target) return "—";
  return `≤ ${s.target.cpuMultiple}×${s.target.maxKiB !== undefined ? `, ≤ ${s.target.maxKiB} KiB` : ""}`;
}

function scenarioLine(s: ScenarioRow): string {
  const name = s.status === "in-process" ? `${s.title} *(in-process)*` : s.title;
  const floor = s.floor ? ms(s.floor.p50) : "—";
  if (!s.load) {
    const what = s.status === "not-available" ? "not available (404)" : `error: ${s.note ?? "?"}`;
    return `| ${name} | ${what} | | | | | | ${targetText(s)} | n/a | ${floor} | | | |`;
  }
  const verdict = s.verdict === "pass" ? "✅ pass" : s.verdict === "fail" ? "❌ miss" : "—";
  const beside = s.adjacentEmptyAppMs ? ` (${ms(s.adjacentEmptyAppMs)})` : "";
  const multiple = s.id === "empty" ? "1×" : s.cpuMultiple === null ? "—" : `${s.cpuMultiple.toFixed(1)}×${beside}`;
  const l = s.load.latency;
  return (
    `| ${name} | ${ms(s.cpu?.appMsPerRequest)} | ${multiple} | ${ms(s.cpu?.postgresMsPerRequest)} | ${kib(s.responseBytes)} | ${kib(s.responsePayloadBytes)} | ${kib(s.responseGzipBytes)} | ` +
    `${targetText(s)} | ${verdict} | ${floor} | ${ms(s.unloaded?.p50)} | ${ms(l.p50)} / ${ms(l.p95)} | ${s.load.requestsPerSecond} |`
  );
}

/** For each miss: which half of the target (CPU or bytes) it misses, by how much, and how much of it the shell is. */
function missesSection(r: BenchResults): string[] {
  const misses = r.scenarios.filter((s) => s.verdict === "fail" && s.target);
  if (misses.length === 0) return [];
  const empty = r.scenarios.find((s) => s.id === "empty")?.cpu?.appMsPerRequest;
  const shell = r.scenarios.find((s) => s.id === "shell")?.cpu?.appMsPerRequest;
  const out = ["### Misses", ""];
  for (const s of misses) {
    const t = s.target!;
    const parts: string[] = [];
    const floor = s.adjacentEmptyAppMs ?? empty;
    if (s.cpuMultiple !== null && s.cpuMultiple > t.cpuMultiple && floor)
      parts.push(
        `app CPU ${ms(s.cpu!.appMsPerRequest)} = ${s.cpuMultiple.toFixed(1)}× the empty page (target ≤ ${t.cpuMultiple}× = ${ms(t.cpuMultiple * floor)})`,
      );
    if (t.maxKiB !== undefined && (s.responseBytes ?? 0) > t.maxKiB * 1024)
      parts.push(`HTML ${kib(s.responseBytes)} (target ≤ ${t.maxKiB} KiB)`);
    if (shell !== undefined && s.method === "GET" && s.id !== "shell" && s.id !== "empty")
      parts.push(`the app shell alone costs ${ms(shell)}`);
    const prof = r.sqlProfiles.find((p) => p.scenario === s.id);
    if (prof) parts.push(`its SQL sums to ${ms(prof.sqlMs)} over ${prof.queries.length} statements`);
    out.push(`- **${s.title}**: ${parts.join("; ")}.`);
  }
  out.push(
    "",
    "Where the bytes are (measured on the build of 2026-12-07; see `bench/profile-cpu.mts` for the CPU, which follows the bytes): the framework alone (the empty page) is 9 KiB; the shell around a page ~23 KiB (the sidebar with its icons ~9 KiB of markup; the RSC payload of the router tree, the loading screen and the not-found boundary ~7 KiB). " +
      "Per row: a Today row ~1.0 KiB of markup plus ~0.75 KiB of props (the queue is a client component so that a completion applies at once), a board card ~1.3 KiB plus its props, a deals-list row ~1.3 KiB plus ~0.4 KiB. " +
      "So Today with three full buckets of 25 rows, the board and the deals list stay above their 60–80 KiB however short the classes: meeting those budgets needs fewer rows on the first load (e.g. 10 per bucket with “show more”), not leaner markup.",
    "",
    "Complete & plan next and the dashboard are CPU-only targets and move with the machine more than the pages: two runs of the same build on 2026-12-07 put them at 1.2× and 2.9× (load average 14) and at 2.6× and 7.8× (load falling from 12 to 3), beside 5-second empty-page windows that are themselves noisy at such loads. " +
      "What they spend beyond the floor: the action still goes through next-auth's full `auth()` (decrypt, then re-encrypt the refreshed session cookie it sets: the sliding expiry) and a transaction of six statements; the dashboard renders from its cache, and its RSC payload (109 KiB, the charts' props) is most of its HTML.",
    "",
  );
  return out;
}

type CpuProfileFile = {
  measuredAt: string;
  command: string;
  pages: { id: string; path: string; requests: number; msPerRequest: number; groups: { name: string; ms: number }[] }[];
  notes?: string[];
};

/**
 * Where the app's CPU goes, from bench/results-cpu-profile.json (written by bench/profile-cpu.mts:
 * one web worker under --cpu-prof, self time per request grouped by package or source folder).
 */
function cpuProfileSection(): string[] {
  const file = path.join(process.cwd(), "bench", "results-cpu-profile.json");
  if (!fs.existsSync(file)) return [];
  try {
    const j = JSON.parse(fs.readFileSync(file, "utf8")) as CpuProfileFile;
    const out = [
      `### Where the app CPU goes (\`${j.command}\`, ${j.measuredAt})`,
      "",
      "Self time per request of one web worker, recorded by the inspector's CPU profiler at 100 µs over sequential requests after a warm-up (the profiler inflates every figure; compare rows with each other, not with the table above), grouped by package or source folder through the build's source maps, largest first. What grows from the empty page to a real one is mostly React rendering HTML and the RSC payload, Next's and Node's streaming of them and the garbage they leave: it follows the bytes. The session (next-auth, jose) no longer shows: pages decode the cookie once per token (`src/server/auth/page-session.ts`).",
      "",
    ];
    for (const p of j.pages) {
      const top = p.groups
        .slice(0, 9)
        .map((g) => `${g.name} ${g.ms.toFixed(2)}`)
        .join(", ");
      out.push(`- **${p.id}** (\`${p.path}\`, ${p.requests} requests, ${ms(p.msPerRequest)} per request): ${top}`);
    }
    if (j.notes?.length) out.push("", ...j.notes.map((n) => `- ${n}`));
    out.push("");
    return out;
  } catch {
    return ["`bench/results-cpu-profile.json` exists but could not be read.", ""];
  }
}
