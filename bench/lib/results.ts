import type { Target } from "./config";
import type { FloorSet } from "./floors";
import type { Machine } from "./machine";
import type { ScaleMarker } from "./scale-seed";
import type { ScenarioDef, ScenarioResult } from "./scenarios";
import type { SqlProfile } from "./sql-profile";
import type { Summary } from "./stats";

export type Verdict = "pass" | "fail" | "n/a";

/** One row of the table: the page's figures beside its floor and its target. */
export type ScenarioRow = ScenarioResult & {
  target: Target | null;
  floor: { id: string; p50: number; p95: number } | null;
  /** page p50 ÷ floor p50 */
  ratio: number | null;
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

export function toRow(def: ScenarioDef, result: ScenarioResult, floors: FloorSet | null): ScenarioRow {
  const floor =
    def.floorId && floors?.[def.floorId]
      ? { id: def.floorId, p50: floors[def.floorId]!.total.p50, p95: floors[def.floorId]!.total.p95 }
      : null;
  const p50 = result.load?.latency.p50;
  const p95 = result.load?.latency.p95;
  const ratio = floor && p50 !== undefined && floor.p50 > 0 ? Math.round((p50 / floor.p50) * 10) / 10 : null;
  let verdict: Verdict = "n/a";
  if (def.target && p50 !== undefined && p95 !== undefined && (result.status === "measured" || result.status === "in-process")) {
    verdict = p50 <= def.target.p50 && (def.target.p95 === undefined || p95 <= def.target.p95) ? "pass" : "fail";
  }
  return { ...result, target: def.target, floor, ratio, verdict };
}
