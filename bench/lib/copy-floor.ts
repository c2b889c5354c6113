import postgres from "postgres";
import { SCALE } from "./config";
import { summarize, type Summary } from "./stats";

const DEAL_COLUMNS =
  "id, org_id, title, contact_name, owner_id, value_minor, currency, stage_id, probability, status, sector, source, expected_close_date, loss_reason_id, closed_at, position, stage_entered_at, last_activity_at, created_at, updated_at";

/**
 * The import floor (DESIGN §6: COPY of 100 000 deal rows, 0.4 s): 100 000 real deal rows, exported
 * once as COPY text, are COPYed into a scratch table shaped like deals (columns only: no indexes,
 * constraints or triggers) — the raw cost of moving the bytes in. Three runs, median reported.
 * COPY streams get a connection of their own: on a pooled connection that had served prepared
 * statements, postgres.js 3.4 was seen to stall the query after a COPY TO.
 */
export async function copyFloor(url: string, orgId: string, runs = 3): Promise<{ rows: number; bytes: number; seconds: Summary }> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    return await copyRuns(sql, orgId, runs);
  } finally {
    await sql.end({ timeout: 5 });
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

async function exportDeals(sql: postgres.Sql, orgId: string): Promise<Buffer> {
  if (!/^[0-9a-f-]{36}$/.test(orgId)) throw new Error(`Not an org id: ${orgId}`); // inlined below: COPY takes no parameters
  const readable = await sql.unsafe(`copy (select ${DEAL_COLUMNS} from deals where org_id = '${orgId}' limit ${SCALE.dealsPerOrg}) to stdout`).readable();
  const chunks: Buffer[] = [];
  for await (const chunk of readable) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
