/**
 * Period-over-period change of one KPI. `delta` is in the KPI's own unit (minor units, days, or a
 * ratio — so a ratio's delta is in percentage points ÷ 100); `relative` is the change as a share of
 * the previous value, null when there is nothing to compare against (unknown or zero previous).
 */
export type Direction = "up" | "down" | "flat";

export type Change = {
  current: number | null;
  previous: number | null;
  delta: number | null;
  relative: number | null;
  direction: Direction | null;
};

/** Changes smaller than this (relative to the larger magnitude) count as flat: float noise, not a trend. */
const FLAT_EPSILON = 1e-9;

export function compareValues(current: number | null, previous: number | null): Change {
  if (current === null || previous === null || !Number.isFinite(current) || !Number.isFinite(previous)) {
    return { current, previous, delta: null, relative: null, direction: null };
  }
  const delta = current - previous;
  const scale = Math.max(Math.abs(current), Math.abs(previous), 1);
  const direction: Direction = Math.abs(delta) / scale < FLAT_EPSILON ? "flat" : delta > 0 ? "up" : "down";
  const relative = previous === 0 ? null : delta / Math.abs(previous);
  return { current, previous, delta: direction === "flat" ? 0 : delta, relative: direction === "flat" ? 0 : relative, direction };
}

/** Whether a change is good news, given which way the KPI should move. */
export function changeTone(change: Change, better: "higher" | "lower"): "good" | "bad" | "neutral" {
  if (change.direction === null || change.direction === "flat") return "neutral";
  return (change.direction === "up") === (better === "higher") ? "good" : "bad";
}
