import type { Target } from "./config";
import type { FloorSet } from "./floors";
import type { Machine } from "./machine";
import type { ScaleMarker } from "./scale-seed";
import type { ScenarioDef, ScenarioResult } from "./scenarios";
import type { SqlProfile } from "./sql-profile";
import type { Summary } from "./stats";

export type Verdict = "pass" | "fail" | "n/a";

/** One row of the table: the page's figures beside its floors and its target. */
export type ScenarioRow = ScenarioResult & {
  target: Target | null;
  /** The page's raw SQL, by hand (bench/lib/floors.ts). */
  floor: { id: string; p50: number; p95: number } | null;
  /** App CPU per request ÷ the empty dynamic page's app CPU per request, same run (its window right before this row when measured). */
  cpuMultiple: number | null;
  verdict: Verdict;
};

export type BenchResults = {
  generatedAt: string;
  command: string;
  machine: Machine;
  loadAverageAtEnd: number[];
  profile: Omit<ScaleMarker, "loadedNow"> & { loadedThisRun: boolean };
  build: { seconds: number | null; skipped: boolean; failed: boolean };
  load: { connections: number; durationSeconds: number; warmupSeconds: number; workers: number };
  scenarios: ScenarioRow[];
  floors: FloorSet | null;
  /** When the floors were measured (an earlier run's when this one used --skip-floors). */
  floorsMeasuredAt: string | null;
  copy: { rows: number; bytes: number; seconds: Summary } | null;
  designFloorsMs: Record<string, number>;
  sqlProfiles: SqlProfile[];
  notes: string[];
};

/** emptyAppMs: the empty dynamic page's app CPU per request in the same run (null if it was not measured). */
export function toRow(def: ScenarioDef, result: ScenarioResult, floors: FloorSet | null, emptyAppMs: number | null): ScenarioRow {
  const floor =
    def.floorId && floors?.[def.floorId]
      ? { id: def.floorId, p50: floors[def.floorId]!.total.p50, p95: floors[def.floorId]!.total.p95 }
      : null;
  const app = result.cpu?.appMsPerRequest;
  const floorMs = result.adjacentEmptyAppMs ?? emptyAppMs;
  const cpuMultiple = app !== undefined && floorMs ? Math.round((app / floorMs) * 100) / 100 : null;
  let verdict: Verdict = "n/a";
  if (def.target && cpuMultiple !== null && result.status === "measured") {
    const cpuOk = cpuMultiple <= def.target.cpuMultiple;
    const bytesOk = def.target.maxKiB === undefined || (result.responseBytes ?? Infinity) <= def.target.maxKiB * 1024;
    verdict = cpuOk && bytesOk ? "pass" : "fail";
  }
  return { ...result, target: def.target, floor, cpuMultiple, verdict };
}
