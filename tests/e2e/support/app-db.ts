import fs from "node:fs";
import path from "node:path";

import postgres from "postgres";

/**
 * Reads the app's own database — the embedded server that Playwright's web server started in
 * E2E_DATA_DIR — so specs can compare what the page shows with the data, even while other specs
 * change the demo concurrently.
 */
export async function withAppDb<T>(fn: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const dataDir = process.env.E2E_DATA_DIR ?? ".test-data/e2e";
  const pid = fs.readFileSync(path.join(dataDir, "pg", "postmaster.pid"), "utf8").split("\n");
  const sql = postgres({
    host: "127.0.0.1",
    port: Number(pid[3]),
    user: "postgres",
    password: "momentum-local",
    database: "momentum",
    max: 1,
    onnotice: () => {},
  });
  try {
    return await fn(sql);
  } finally {
    await sql.end();
  }
}
