/** Latency summaries: the same percentile definition for HTTP runs and raw-SQL floors. */
export type Summary = { n: number; p50: number; p95: number; p99: number; mean: number; min: number; max: number };

/** Nearest-rank percentile over a sorted copy (no interpolation: every figure is a measured one). */
export function summarize(samplesMs: number[]): Summary {
  const s = [...samplesMs].sort((a, b) => a - b);
  const n = s.length;
  if (n === 0) return { n: 0, p50: NaN, p95: NaN, p99: NaN, mean: NaN, min: NaN, max: NaN };
  const at = (p: number) => s[Math.min(n - 1, Math.max(0, Math.ceil((p / 100) * n) - 1))]!;
  const r = (x: number) => Math.round(x * 100) / 100;
  return {
    n,
    p50: r(at(50)),
    p95: r(at(95)),
    p99: r(at(99)),
    mean: r(s.reduce((a, b) => a + b, 0) / n),
    min: r(s[0]!),
    max: r(s[n - 1]!),
  };
}
