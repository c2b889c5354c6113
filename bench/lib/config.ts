import path from "node:path";

/**
 * Everything the benchmark agrees on in one place: where its cluster and build live, the scale
 * profile (DESIGN §6), who signs in, and the targets a page must meet.
 */
export const ROOT = process.cwd();
/** DATA_DIR of the app under test: the cluster lives in DATA_DIR/pg, as bootDatabase expects. */
export const BENCH_DATA_DIR = ".bench-data";
export const BENCH_PG_DIR = path.join(BENCH_DATA_DIR, "pg");
export const BENCH_DIST_DIR = ".next-bench";
export const BENCH_HOST = "127.0.0.1";
export const BENCH_PORT = 3240;
export const DATABASE_NAME = "momentum";

/**
 * Settings for a cluster the benchmark starts itself. Durability stays on (fsync, synchronous
 * commit) so commit latency is real; only sizes change: shared_buffers large enough that the hot
 * part of 2 × 1 M actions is cached as it would be on a production server, and max_wal_size so the
 * bulk load does not checkpoint every few seconds.
 */
export const CLUSTER_SETTINGS: Record<string, string> = {
  shared_buffers: "1GB",
  max_wal_size: "8GB",
  checkpoint_timeout: "30min",
  max_connections: "100",
};

/** Bump when the generator changes shape: an older load is then reported and must be reset. */
export const PROFILE_VERSION = 1;
export const PASSWORD = "momentum-demo";

export const SCALE = {
  orgs: [
    { slug: "scale-alpha", name: "Scale Alpha", seed: 1 },
    { slug: "scale-beta", name: "Scale Beta", seed: 2 },
  ],
  repsPerOrg: 20,
  dealsPerOrg: 100_000,
  completedActionsPerOrg: 1_000_000,
  /** Share of deals by status; open deals are spread over the 4 open stages with a funnel shape. */
  mix: { open: 0.6, won: 0.25, lost: 0.15 },
  openStageShare: [0.35, 0.28, 0.22, 0.15],
  /** Pending actions of open deals: overdue, due today (org time zone), the rest over 60 days. */
  due: { overdue: 0.1, today: 0.05, horizonDays: 60 },
  historyDays: 730,
  timeZone: "Europe/Copenhagen",
  currency: "DKK",
  locale: "en-GB",
  sectors: ["Software", "Finance", "Public sector", "Manufacturing", "Logistics", "Retail", "Healthcare", "Hospitality"],
  sources: ["Referral", "Website", "Inbound email", "Cold call", "Trade fair", "LinkedIn"],
} as const;

export type ScaleOrg = (typeof SCALE.orgs)[number];

/** The measured org and people: org A, its first rep, its manager. */
export const MEASURED_ORG = SCALE.orgs[0].slug;
export const emailOf = (orgSlug: string, who: string) => `${who}@${orgSlug}.test`;
export const repEmail = (orgSlug: string, n: number) => emailOf(orgSlug, `rep${String(n).padStart(2, "0")}`);
export const MEASURED_REP = repEmail(MEASURED_ORG, 1);
export const MEASURED_MANAGER = emailOf(MEASURED_ORG, "manager");
/**
 * Complete & plan next over HTTP completes this rep's actions, overdue first: run as the measured
 * rep it emptied the very Today queue the Today row measures (25 rows per bucket became 25 in all).
 */
export const ACTION_REP = repEmail(MEASURED_ORG, 3);
/** The floors' complete-and-plan-next consumes another rep's actions so the HTTP pool stays full. */
export const FLOOR_REP = repEmail(MEASURED_ORG, 2);

/**
 * Targets (issue 8): app CPU per request as a multiple of the empty dynamic page's app CPU measured
 * in the same run (machines differ by 2× in CPU per request; the ratio does not), and the size of
 * the uncompressed HTML a browser receives on a full page load. Latency is recorded as information.
 */
export type Target = { cpuMultiple: number; maxKiB?: number };
export const TARGETS: Record<string, Target> = {
  shell: { cpuMultiple: 2.5, maxKiB: 30 },
  today: { cpuMultiple: 5, maxKiB: 60 },
  deals: { cpuMultiple: 6, maxKiB: 80 },
  pipeline: { cpuMultiple: 6, maxKiB: 80 },
  completeAction: { cpuMultiple: 2 },
  dashboard: { cpuMultiple: 5 },
};

/** DESIGN §6 floors measured on a 2-core machine, for comparison with ours. */
export const DESIGN_FLOORS_MS = { dueActions: 1.1, pipelineSummary10k: 3.6, completeAndPlanNext: 1.1, copy100k: 400 };

export const LOAD = { connections: 10, durationSeconds: 10, warmupSeconds: 3 };
export const FLOOR_ITERATIONS = { warmup: 20, measured: 300 };
