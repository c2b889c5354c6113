import postgres from "postgres";

import { SCALE } from "./config";
import { summarize, type Summary } from "./stats";
import { withTimeout } from "./util";

const DEAL_COLUMNS =
  "id, org_id, title, contact_name, owner_id, value_minor, currency, stage_id, probability, status, sector, source, expected_close_date, loss_reason_id, closed_at, position, stage_entered_at, last_activity_at, created_at, updated_at";

/**
 * The import floor (DESIGN §6: COPY of 100 000 deal rows, 0.4 s): 100 000 real deal rows, exported
 * once as COPY text, are COPYed into a scratch table shaped like deals (columns only: no indexes,
 * constraints or triggers) — the raw cost of moving the bytes in. Three runs, median reported.
 * The COPY stream gets a connection of its own.
 */
export async function copyFloor(url: string, orgId: string, runs = 3): Promise<{ rows: number; bytes: number; seconds: Summary }> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    // A stalled stream must not hang the whole benchmark: give up after two minutes.
    return await withTimeout(copyRuns(sql, orgId, runs), 120_000, "the COPY floor");
  } finally {
    await sql.end({ timeout: 1 });
  }
}

async function copyRuns(sql: postgres.Sql, orgId: string, runs: number) {
  const payload = await exportDeals(sql, orgId);
  const times: number[] = [];
  await sql`create schema if not exists bench`;
  for (let i = 0; i < runs; i++) {
    await sql`drop table if exists bench.copy_scratch`;
    await sql.unsafe(`create table bench.copy_scratch as select ${DEAL_COLUMNS} from deals with no data`);
    const t0 = performance.now();
    const writable = await sql.unsafe(`copy bench.copy_scratch (${DEAL_COLUMNS}) from stdin`).writable();
    await new Promise<void>((resolve, reject) => {
      writable.on("error", reject);
      writable.on("finish", resolve);
      writable.end(payload);
    });
    times.push(performance.now() - t0);
  }
  const [{ n }] = await sql`select count(*)::int as n from bench.copy_scratch`;
  await sql`drop table bench.copy_scratch`;
  return { rows: n, bytes: payload.length, seconds: summarize(times.map((ms) => ms / 1000)) };
}

/**
 * The rows as COPY text, built from a plain SELECT (PostgreSQL formats every value as text): a
 * COPY TO stream on postgres.js 3.4 was seen to leave the connection hanging on the next query.
 */
async function exportDeals(sql: postgres.Sql, orgId: string): Promise<Buffer> {
  const columns = DEAL_COLUMNS.split(", ");
  const rows = await sql.unsafe(
    `select ${columns.map((c) => `${c}::text as ${c}`).join(", ")} from deals where org_id = $1 limit ${SCALE.dealsPerOrg}`,
    [orgId],
  );
  const lines = rows.map((row) => columns.map((c) => copyText(row[c] as string | null)).join("\t"));
  return Buffer.from(`${lines.join("\n")}\n`);
}

/** COPY's text format: NULL is \N; backslash, tab, newline and carriage return are escaped. */
function copyText(value: string | null): string {
  if (value === null) return "\\N";
  return value.replace(/[\\\t\n\r]/g, (c) => ({ "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" })[c]!);
}
