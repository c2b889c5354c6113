import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

// A production server of a spec's own (scripts/serve.mts, as `npm start` runs it) beside Playwright's:
// its own port and data directory, serving the build the e2e layer made. Its output is kept in `log`;
// what it started is killed by pid at the end, since a crashed test leaves no one else to stop it.

/** A port nothing listens on now (the OS picks it, so parallel runs do not collide). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export type OwnServerOptions = {
  port: number;
  /** Its DATA_DIR; with no DATABASE_URL its embedded PostgreSQL lives there too. */
  dataDir: string;
  /** "" for an embedded PostgreSQL of its own. */
  databaseUrl?: string;
  webConcurrency: number;
  jobsWorker: "on" | "off";
  seedDemo: "auto" | "off";
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export class OwnServer {
  log = "";
  readonly primary: ChildProcess;
  readonly origin: string;
  private readonly exited: Promise<unknown>;

  constructor(private readonly options: OwnServerOptions) {
    this.origin = `http://127.0.0.1:${options.port}`;
    this.primary = spawn(process.execPath, ["--import", "./scripts/lib/allow-server-only.mjs", "--import", "tsx", "scripts/serve.mts"], {
      cwd: process.cwd(), // Playwright runs from the repository root
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: options.databaseUrl ?? "",
        DATA_DIR: options.dataDir,
        HOST: "127.0.0.1",
        PORT: String(options.port),
        WEB_CONCURRENCY: String(options.webConcurrency),
        JOBS_WORKER: options.jobsWorker,
        SEED_DEMO: options.seedDemo,
        NEXT_TELEMETRY_DISABLED: "1",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.primary.stdout!.on("data", (d: Buffer) => (this.log += d.toString()));
    this.primary.stderr!.on("data", (d: Buffer) => (this.log += d.toString()));
    this.exited = new Promise((resolve) => this.primary.once("exit", resolve));
  }

  /** The first match of `pattern` in the log; fails early if the server exits first. */
  async waitForLog(pattern: RegExp, within = 120_000): Promise<RegExpMatchArray> {
    const deadline = Date.now() + within;
    for (;;) {
      const match = this.log.match(pattern);
      if (match) return match;
      if (this.primary.exitCode !== null || Date.now() > deadline) throw new Error(`no ${pattern} in the server's log:\n${this.log}`);
      await sleep(100);
    }
  }

  async healthy(within = 60_000): Promise<void> {
    const deadline = Date.now() + within;
    for (;;) {
      const res = await fetch(`${this.origin}/api/health`).catch(() => null);
      if (res?.ok) return;
      if (Date.now() > deadline) throw new Error(`/api/health not ok within ${within} ms; log:\n${this.log}`);
      await sleep(100);
    }
  }

  /** The pids the primary logged for its web workers' starts (of `slot`, or of all), oldest first. */
  workerPids(slot?: number): number[] {
    const started = new RegExp(`web worker ${slot ?? "\\d+"} started \\(pid (\\d+)\\)`, "g");
    return [...this.log.matchAll(started)].map((m) => Number(m[1]));
  }

  /** A normal stop (SIGTERM), waiting at most `within` ms for the primary to exit. */
  async stop(within = 15_000): Promise<void> {
    if (this.primary.exitCode !== null) return;
    this.primary.kill("SIGTERM");
    await Promise.race([this.exited, sleep(within)]);
  }

  /** For afterAll: a stop, then whatever is left by pid (primary, web workers, its own PostgreSQL), then its data directory. */
  async cleanUp(): Promise<void> {
    await this.stop();
    const postmasterFile = path.join(this.options.dataDir, "pg", "postmaster.pid");
    const postmaster = fs.existsSync(postmasterFile) ? Number(fs.readFileSync(postmasterFile, "utf8").split("\n")[0]) : undefined;
    for (const pid of [this.primary.pid, ...this.workerPids(), postmaster]) if (pid && alive(pid)) process.kill(pid, "SIGKILL");
    fs.rmSync(this.options.dataDir, { recursive: true, force: true });
  }
}
