import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

import { BENCH_PG_DIR } from "./config";

/**
 * CPU time actually spent by the app server and by PostgreSQL during a measured window, read from
 * /proc (Linux). Unlike latency it does not grow when other programs compete for the CPUs, so
 * "CPU ms per request" stays comparable between a busy and a quiet machine — and it says where a
 * page's cost lies (Node rendering vs the database).
 */
const TICK_MS = 1000 / (Number(safeExec("getconf", ["CLK_TCK"])) || 100);

type Proc = { pid: number; ppid: number; cpuMs: number };

function readProcs(): Proc[] {
  if (!fs.existsSync("/proc/self/stat")) return [];
  const out: Proc[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      // Fields after the parenthesised command name: state ppid … utime(14) stime(15).
      const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      out.push({ pid: Number(entry), ppid: Number(rest[1]), cpuMs: (Number(rest[11]) + Number(rest[12])) * TICK_MS });
    } catch {
      // the process ended while we were reading
    }
  }
  return out;
}

/** CPU ms of a process and all its descendants. */
function treeCpuMs(procs: Proc[], root: number): number {
  const children = new Map<number, Proc[]>();
  for (const p of procs) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  let total = 0;
  const stack = procs.filter((p) => p.pid === root);
  while (stack.length) {
    const p = stack.pop()!;
    total += p.cpuMs;
    stack.push(...(children.get(p.pid) ?? []));
  }
  return total;
}

function postmasterPid(): number | null {
  try {
    return Number(fs.readFileSync(path.join(BENCH_PG_DIR, "postmaster.pid"), "utf8").split("\n")[0]) || null;
  } catch {
    return null;
  }
}

export type CpuSnapshot = { appMs: number; postgresMs: number } | null;

export function cpuSnapshot(appPid: number): CpuSnapshot {
  const procs = readProcs();
  const pg = postmasterPid();
  if (procs.length === 0 || pg === null) return null;
  return { appMs: treeCpuMs(procs, appPid), postgresMs: treeCpuMs(procs, pg) };
}

export type CpuPerRequest = { appMsPerRequest: number; postgresMsPerRequest: number };

/** Per-request CPU between two snapshots (null when /proc is not available). */
export function cpuPerRequest(before: CpuSnapshot, after: CpuSnapshot, requests: number): CpuPerRequest | null {
  if (!before || !after || requests === 0) return null;
  const r = (n: number) => Math.round((n / requests) * 100) / 100;
  return { appMsPerRequest: r(after.appMs - before.appMs), postgresMsPerRequest: r(after.postgresMs - before.postgresMs) };
}

function safeExec(cmd: string, args: string[]): string {
  try {
    return execFileSync(cmd, args, { encoding: "utf8" }).trim();
  } catch {
    return "";
  }
}
