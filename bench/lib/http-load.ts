import { gzipSync } from "node:zlib";

import autocannon, { type Request } from "autocannon";

import { BASE_URL } from "./app-server";
import { LOAD } from "./config";
import { summarize, type Summary } from "./stats";

export type LoadResult = {
  path: string;
  connections: number;
  durationSeconds: number;
  requests: number;
  requestsPerSecond: number;
  latency: Summary;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
};

/**
 * bytes: the body as the browser gets it once decoded; gzipBytes: that body gzip'd at zlib's default
 * level, as Next's compression does; payloadBytes: the part that is the RSC payload (the
 * `self.__next_f.push` scripts), the rest being markup, head and Next's bootstrap scripts.
 */
export type Probe = { status: number; location: string | null; bytes: number; gzipBytes: number; payloadBytes: number; ms: number };

const PAYLOAD_SCRIPT = /<script>self\.__next_f\.push\([\s\S]*?<\/script>/g;

/** One request, redirects not followed: tells a 404 (page not built yet) or a bounce to /login apart from a page. */
export async function probe(path: string, headers: Record<string, string>): Promise<Probe> {
  const t0 = performance.now();
  const res = await fetch(`${BASE_URL}${path}`, { headers, redirect: "manual" });
  const body = await res.arrayBuffer();
  const ms = performance.now() - t0;
  const payloadBytes = (Buffer.from(body).toString("utf8").match(PAYLOAD_SCRIPT) ?? []).reduce((n, s) => n + Buffer.byteLength(s), 0);
  return {
    status: res.status,
    location: res.headers.get("location"),
    bytes: body.byteLength,
    gzipBytes: gzipSync(body).byteLength,
    payloadBytes,
    ms,
  };
}

export type LoadOptions = {
  path: string;
  headers: Record<string, string>;
  method?: string;
  /** Per-request hooks (the server action feeds a different action id into every request). */
  request?: Pick<Request, "setupRequest" | "onResponse">;
  connections?: number;
  durationSeconds?: number;
};

/**
 * autocannon at a fixed number of connections for a fixed time. Latencies are collected from every
 * response (autocannon's own histogram has no p95), then summarised like the floors.
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const connections = options.connections ?? LOAD.connections;
  const duration = options.durationSeconds ?? LOAD.durationSeconds;
  const samples: number[] = [];
  const instance = autocannon({
    url: BASE_URL,
    connections,
    duration,
    timeout: 30,
    requests: [{ method: options.method ?? "GET", path: options.path, headers: options.headers, ...options.request }],
  });
  instance.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) => samples.push(responseTime));
  const result = await instance;
  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, s.count]));
  return {
    path: options.path,
    connections,
    durationSeconds: result.duration,
    requests: samples.length,
    requestsPerSecond: Math.round((samples.length / result.duration) * 10) / 10,
    latency: summarize(samples),
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes,
  };
}

/** A short run whose figures are thrown away: JIT, module loading, connection pools and caches warm up. */
export async function warmUp(options: LoadOptions): Promise<void> {
  await runLoad({ ...options, durationSeconds: LOAD.warmupSeconds });
}
