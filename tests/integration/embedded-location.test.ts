import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";

import { startEmbeddedPostgres } from "../../src/db/embedded";
import { isRoot, postgresAccount, reachableBinaries, STATE_DIR } from "../../src/db/embedded-root";

// As root, a project inside a directory the `postgres` user cannot enter (mode 700, like root's
// home or a mktemp -d folder) still gets its embedded PostgreSQL: the cluster lives under
// /var/lib/momentum and DATA_DIR/pg links to it. Only meaningful as root.
const root = fs.mkdtempSync(path.join(os.tmpdir(), "momentum-location-"));
fs.chmodSync(root, 0o700);
const clusters = new Set<string>();

async function start(dataDir: string) {
  const server = await startEmbeddedPostgres({ dataDir, database: "postgres", settings: { fsync: "off" } });
  clusters.add(server.dataDir);
  const sql = postgres(server.url, { max: 1, onnotice: () => {} });
  return { server, sql, stop: async () => (await sql.end(), await server.stop()) };
}

async function marks(sql: postgres.Sql): Promise<string[]> {
  const [{ exists }] = await sql<{ exists: boolean }[]>`select to_regclass('mark') is not null as exists`;
  return exists ? (await sql<{ v: string }[]>`select v from mark`).map((r) => r.v) : [];
}

afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
  for (const dir of clusters) {
    if (dir.startsWith(STATE_DIR)) fs.rmSync(path.dirname(dir), { recursive: true, force: true });
  }
});

describe.skipIf(!isRoot())("the embedded cluster of a project the postgres user cannot enter", () => {
  it("lives under /var/lib/momentum, linked from DATA_DIR, kept across restarts and moves, and not shared by a copy", async () => {
    const dataDir = path.join(root, "project", ".data", "pg");
    const first = await start(dataDir);
    expect(first.server.dataDir.startsWith(path.join(STATE_DIR, "clusters") + path.sep)).toBe(true);
    expect(fs.lstatSync(dataDir).isSymbolicLink()).toBe(true);
    expect(fs.realpathSync(dataDir)).toBe(first.server.dataDir);
    expect(fs.readdirSync(first.server.logDir).some((f) => f.endsWith(".log"))).toBe(true);
    await first.sql`create table mark (v text)`;
    await first.sql`insert into mark values ('kept')`;
    await first.stop();

    const again = await start(dataDir);
    expect(again.server.dataDir).toBe(first.server.dataDir);
    expect(await marks(again.sql)).toEqual(["kept"]);
    await again.stop();

    // A copy of the checkout (its link included) gets a cluster of its own.
    fs.cpSync(path.join(root, "project"), path.join(root, "copy"), { recursive: true, verbatimSymlinks: true });
    const copy = await start(path.join(root, "copy", ".data", "pg"));
    expect(copy.server.dataDir).not.toBe(first.server.dataDir);
    expect(await marks(copy.sql)).toEqual([]);
    await copy.stop();

    // A moved checkout finds its data again through the link.
    fs.renameSync(path.join(root, "project"), path.join(root, "moved"));
    const moved = await start(path.join(root, "moved", ".data", "pg"));
    expect(moved.server.dataDir).toBe(first.server.dataDir);
    expect(await marks(moved.sql)).toEqual(["kept"]);
    await moved.stop();

    // Deleting DATA_DIR starts afresh, as it would with the cluster inside it; the old one is removed.
    fs.rmSync(path.join(root, "moved", ".data"), { recursive: true });
    const fresh = await start(path.join(root, "moved", ".data", "pg"));
    expect(await marks(fresh.sql)).toEqual([]);
    expect(fs.existsSync(first.server.dataDir)).toBe(false);
    await fresh.stop();
  }, 120_000);

  it("runs binaries the postgres user cannot reach from a copy under /var/lib/momentum", () => {
    const nativeDir = path.join(root, "native");
    fs.mkdirSync(path.join(nativeDir, "bin"), { recursive: true });
    fs.writeFileSync(path.join(nativeDir, "bin", "postgres"), "#!/bin/sh\n", { mode: 0o755 });
    const version = `test-${process.pid}`;
    const copy = reachableBinaries(postgresAccount(), { nativeDir, version }, () => {});
    try {
      expect(copy).toBe(path.join(STATE_DIR, `postgresql-${version}`));
      expect(fs.statSync(path.join(copy, "bin", "postgres")).mode & 0o111).toBe(0o111);
      expect(reachableBinaries(postgresAccount(), { nativeDir: copy, version }, () => {})).toBe(copy);
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
    }
  });
});
