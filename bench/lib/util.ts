/** Small helpers shared by the loader, the floors and the runner. */

/** A PostgreSQL array literal for one text parameter (cast it in SQL: `${pgArray(ids)}::uuid[]`). */
export function pgArray(items: readonly string[]): string {
  return `{${items.map((s) => `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`).join(",")}}`;
}

/** Runs fn, records its wall time in seconds under `name`, and logs it. */
export async function timed<T>(steps: Record<string, number>, name: string, fn: () => Promise<T>, log: (m: string) => void): Promise<T> {
  const t0 = performance.now();
  const out = await fn();
  const seconds = (performance.now() - t0) / 1000;
  steps[name] = Math.round(seconds * 100) / 100;
  log(`  ${name}: ${seconds.toFixed(1)} s`);
  return out;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
