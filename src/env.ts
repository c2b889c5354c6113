import { z } from "zod";

/**
 * The only module that reads process.env. Every variable is documented in .env.example.
 * Parsed lazily so that build steps which never touch configuration don't fail on it.
 */
/** An empty variable (`FOO=`) counts as unset. */
const blankIsUnset = <T extends z.ZodType>(type: T) => z.preprocess((v) => (v === "" ? undefined : v), type.optional());

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must start with postgres:// or postgresql://")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  DATA_DIR: z.string().default(".data"),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  AUTH_SECRET: z.string().min(16, "AUTH_SECRET must be at least 16 characters").optional(),
  APP_URL: z.string().url().optional(),
  PORT: z.coerce.number().int().default(3000),
  /** Interface `npm start` listens on; unset = every interface (Next's default). */
  HOST: blankIsUnset(z.string()),
  /** Web worker processes of `npm start` (scripts/serve.mts); unset = one per CPU. */
  WEB_CONCURRENCY: blankIsUnset(z.coerce.number().int().min(1).max(64)),
  /** Extra Node flags for the web workers, space-separated (e.g. --cpu-prof for profiling). */
  WORKER_NODE_ARGS: blankIsUnset(z.string()),
  JOBS_WORKER: z.enum(["on", "off"]).default("on"),
  SEED_DEMO: z.enum(["auto", "off"]).default("auto"),
  DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  LOG_SQL: z.enum(["on", "off"]).default("off"),
  /**
   * Reverse proxies in front of the app whose X-Forwarded-For entries are trusted (0 = none: the
   * client is the TCP peer). See README "Behind a reverse proxy" and src/lib/client-ip.ts.
   */
  TRUSTED_PROXIES: z.coerce.number().int().min(0).max(10).default(0),
  /** Set by scripts/web-worker.mjs, never by hand: requests carry the TCP peer in PEER_ADDRESS_HEADER. */
  MOMENTUM_PEER_HEADER: z.enum(["on", "off"]).default("off"),
  /** Serves the benchmark's empty page at /bench-floor (on); off = 404, as in production. */
  BENCH_FLOOR_PAGE: z.enum(["on", "off"]).default("off"),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function env(): Env {
  if (!cached) {
    const parsed = schema.safeParse(process.env);
    if (!parsed.success) {
      throw new Error(`Invalid environment:\n${z.prettifyError(parsed.error)}`);
    }
    cached = parsed.data;
  }
  return cached;
}
