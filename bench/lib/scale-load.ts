import { type SQL, sql } from "drizzle-orm";

import type { Database, Tx } from "@/db/client";
import { insertDefaultPipeline } from "@/db/create-organization";
import { seedPasswordHash } from "@/db/seed/factories";

import { emailOf, PASSWORD, PROFILE_VERSION, repEmail, SCALE, type ScaleOrg } from "./config";
import { dropIndexesAndForeignKeys } from "./deferred-indexes";
import { assertScaleInvariants } from "./scale-verify";
import { pgArray, timed } from "./util";

/**
 * The scale profile, loaded set-based: every big table is filled by a handful of
 * `insert … select … from generate_series(…)` statements, all in ONE transaction.
 *
 * Secondary indexes and foreign keys of deals, actions and deal_stage_history are dropped for the load
 * and rebuilt from their exact definitions before the checks (see deferred-indexes.ts).
 *
 * The user triggers on deals and actions (status from stage, stage history, the deferred
 * "open deal has exactly one pending action" checks) are disabled inside that transaction only:
 * the generator writes what they would have written (status, probability, closed_at, history
 * rows), the invariants are then checked by SQL over every row, and the triggers are re-enabled
 * before COMMIT. ALTER TABLE holds an exclusive lock until then, so no other session ever sees
 * the tables without their triggers, and any failure rolls the whole load back.
 *
 * Attribute values come from hashint8extended(n, salt): deterministic, evenly spread and
 * independent per attribute, so every load has the same shape. Times are relative to now().
 */
export type LoadStep = { step: string; seconds: number };
export type LoadReport = { seconds: number; steps: LoadStep[]; counts: Record<string, number> };

export async function loadScaleProfile(db: Database, log: (m: string) => void): Promise<LoadReport> {
  const steps: Record<string, number> = {};
  const started = performance.now();
  const hash = seedPasswordHash(PASSWORD);
  const counts = await db.transaction(async (tx) => {
    await tx.execute(sql`set local maintenance_work_mem = '512MB'`);
    await tx.execute(sql`set local work_mem = '256MB'`);
    await tx.execute(sql`alter table deals disable trigger user`);
    await tx.execute(sql`alter table actions disable trigger user`);
    await defineHelpers(tx);
    const restore = await dropIndexesAndForeignKeys(tx, ["deals", "actions", "deal_stage_history"]);
    const orgIds: string[] = [];
    for (const org of SCALE.orgs) {
      const orgId = await loadOrg(tx, org, hash, steps, log);
      orgIds.push(orgId);
    }
    await timed(steps, "rebuild indexes and foreign keys", restore, log);
    const counts = await timed(steps, "verify invariants", () => assertScaleInvariants(tx, orgIds), log);
    await tx.execute(sql`alter table deals enable trigger user`);
    await tx.execute(sql`alter table actions enable trigger user`);
    await tx.execute(sql`create schema if not exists bench`);
    await tx.execute(sql`create table if not exists bench.scale_profile (
      version int primary key, loaded_at timestamptz not null, seconds double precision not null, steps jsonb not null, counts jsonb not null)`);
    const seconds = (performance.now() - started) / 1000;
    await tx.execute(
      sql`insert into bench.scale_profile values (${PROFILE_VERSION}, now(), ${seconds}, ${JSON.stringify(asList(steps))}::jsonb, ${JSON.stringify(counts)}::jsonb)`,
    );
    return counts;
  });
  // Outside the transaction: visibility map and statistics as autovacuum would leave them, and a
  // checkpoint so the first measurements do not pay for the load's dirty pages.
  await timed(
    steps,
    "vacuum analyze",
    async () => {
      for (const table of ["deals", "actions", "deal_stage_history", "users", "memberships", "pipeline_stages"]) {
        await db.execute(sql.raw(`vacuum (analyze) ${table}`));
      }
    },
    log,
  );
  await timed(steps, "checkpoint", () => db.execute(sql`checkpoint`), log);
  const seconds = (performance.now() - started) / 1000;
  await db.execute(
    sql`update bench.scale_profile set seconds = ${seconds}, steps = ${JSON.stringify(asList(steps))}::jsonb where version = ${PROFILE_VERSION}`,
  );
  return { seconds, steps: asList(steps), counts };
}

/** jsonb reorders object keys; a list keeps the steps in the order they ran. */
const asList = (steps: Record<string, number>): LoadStep[] => Object.entries(steps).map(([step, seconds]) => ({ step, seconds }));

/** Uniform [0, 1) from (n, salt): SQL-inlined, so it costs nothing per row. */
async function defineHelpers(tx: Tx) {
  await tx.execute(sql`create function pg_temp.u(n bigint, salt bigint) returns double precision
    language sql immutable parallel safe as $$ select (hashint8extended(n, salt) & 2147483647)::float8 / 2147483648.0 $$`);
  await tx.execute(sql`create function pg_temp.pick(items text[], x double precision) returns text
    language sql immutable parallel safe as $$ select items[1 + floor(x * array_length(items, 1))::int] $$`);
}

async function loadOrg(tx: Tx, org: ScaleOrg, hash: string, steps: Record<string, number>, log: (m: string) => void) {
  const label = (s: string) => `${org.slug}: ${s}`;
  const [orgRow] = (await tx.execute(sql`
    insert into organizations (name, slug, currency, locale, time_zone, default_tax_rate_bp, sale_number_prefix)
    values (${org.name}, ${org.slug}, ${SCALE.currency}, ${SCALE.locale}, ${SCALE.timeZone}, 2500, 'SC')
    returning id`)) as unknown as { id: string }[];
  const orgId = orgRow!.id;
  await insertDefaultPipeline(tx, orgId, SCALE.locale);
  const reps = await insertPeople(tx, org, orgId, hash);

  const stages = (await tx.execute(sql`select id, kind from pipeline_stages where org_id = ${orgId} order by position`)) as unknown as {
    id: string;
    kind: string;
  }[];
  const open = stages.filter((s) => s.kind === "open").map((s) => s.id);
  const won = stages.find((s) => s.kind === "won")!.id;
  const lost = stages.find((s) => s.kind === "lost")!.id;
  const reasons = (
    (await tx.execute(sql`select id from loss_reasons where org_id = ${orgId} order by position`)) as unknown as { id: string }[]
  ).map((r) => r.id);
  const salt = org.seed * 1000;

  await timed(steps, label("deal plan"), () => tx.execute(planDeals(orgId, salt, reps, open, won, lost, reasons)), log);
  await timed(steps, label("deals"), () => tx.execute(insertDeals(orgId, salt)), log);
  await timed(steps, label("stage history"), () => tx.execute(insertStageHistory(orgId, open)), log);
  await timed(steps, label("completed actions"), () => tx.execute(insertCompletedActions(orgId, salt)), log);
  await timed(steps, label("pending actions"), () => tx.execute(insertPendingActions(orgId, salt)), log);
  await tx.execute(sql`drop table scale_deal`);
  return orgId;
}

const FIRST = [
  "Sofie",
  "Emil",
  "Ida",
  "Oliver",
  "Freja",
  "Clara",
  "Lucas",
  "Alma",
  "William",
  "Ella",
  "Noah",
  "Karla",
  "Victor",
  "Agnes",
  "Oscar",
  "Laura",
  "Magnus",
  "Anna",
  "Frederik",
  "Emma",
];
const LAST = ["Hansen", "Jensen", "Nielsen", "Pedersen", "Andersen", "Larsen", "Madsen", "Olsen", "Kristensen", "Sørensen"];

/** 20 reps, a manager and an admin; returns the reps' ids in rep01…rep20 order. */
async function insertPeople(tx: Tx, org: ScaleOrg, orgId: string, hash: string): Promise<string[]> {
  const people = [
    ...Array.from({ length: SCALE.repsPerOrg }, (_, i) => ({
      email: repEmail(org.slug, i + 1),
      name: `${FIRST[i % FIRST.length]} ${LAST[(i + org.seed) % LAST.length]}`,
      role: "rep",
    })),
    { email: emailOf(org.slug, "manager"), name: `Morten Manager (${org.name})`, role: "manager" },
    { email: emailOf(org.slug, "admin"), name: `Anne Admin (${org.name})`, role: "admin" },
  ];
  const ids: string[] = [];
  for (const p of people) {
    const [u] = (await tx.execute(
      sql`insert into users (email, name, password_hash) values (${p.email}, ${p.name}, ${hash}) returning id`,
    )) as unknown as {
      id: string;
    }[];
    await tx.execute(sql`insert into memberships (org_id, user_id, role) values (${orgId}, ${u!.id}, ${p.role})`);
    if (p.role === "rep") ids.push(u!.id);
  }
  return ids;
}

/**
 * One row per deal with every attribute decided, kept in a temp table so that deals, history and
 * actions agree. k = completed actions of the deal: 10 ± d with d paired between neighbours so
 * the org totals exactly 1 000 000; completed action j falls at j/(k+1) of the deal's life.
 */
function planDeals(orgId: string, salt: number, reps: string[], open: string[], won: string, lost: string, reasons: string[]): SQL {
  const [s1, s2, s3] = SCALE.openStageShare.map((_, i) => SCALE.openStageShare.slice(0, i + 1).reduce((a, b) => a + b, 0));
  const perDeal = SCALE.completedActionsPerOrg / SCALE.dealsPerOrg;
  return sql`
    create temp table scale_deal on commit drop as
    with g as (
      select n,
        pg_temp.u(n, ${salt} + 1) as u_status, pg_temp.u(n, ${salt} + 2) as u_stage, pg_temp.u(n, ${salt} + 3) as u_value,
        pg_temp.u(n, ${salt} + 4) as u_sector, pg_temp.u(n, ${salt} + 5) as u_source, pg_temp.u(n, ${salt} + 6) as u_created,
        pg_temp.u(n, ${salt} + 7) as u_close, pg_temp.u(n, ${salt} + 8) as u_entered, pg_temp.u(n, ${salt} + 9) as u_reason,
        pg_temp.u(n, ${salt} + 10) as u_reach, pg_temp.u(n, ${salt} + 11) as u_expected,
        pg_temp.u(n, ${salt} + 12) as u_title, pg_temp.u(n, ${salt} + 13) as u_contact,
        -- paired deviation: odd n gets +d, the following even n gets -d of the same draw
        case when n % 2 = 1 then floor(pg_temp.u(n, ${salt} + 14) * 6)::int else -floor(pg_temp.u(n - 1, ${salt} + 14) * 6)::int end as dev
      from generate_series(1, ${SCALE.dealsPerOrg}) n
    ), s as (
      select g.*,
        case when u_status < ${SCALE.mix.open} then 'open' when u_status < ${SCALE.mix.open + SCALE.mix.won} then 'won' else 'lost' end as status,
        case when u_stage < ${s1} then 0 when u_stage < ${s2} then 1 when u_stage < ${s3} then 2 else 3 end as open_ix
      from g
    ), t as (
      select s.*,
        case when status = 'open' then now() - interval '1 hour' - u_created * interval '365 days'
             else now() - interval '30 days' - u_created * interval '700 days' end as created_at
      from s
    ), c as (
      select t.*,
        case when status = 'open' then null else created_at + (0.1 + 0.85 * u_close) * (now() - created_at) end as closed_at,
        -- furthest open stage a closed deal reached before closing (won deals got past Lead)
        case when status = 'won' then 1 + floor(u_reach * 3)::int when status = 'lost' then floor(u_reach * 4)::int end as reach
      from t
    )
    select n, gen_random_uuid() as id, status, created_at, closed_at,
      -- neighbours n, n+1 share an owner so each rep's paired deviations cancel: exactly 5 000 deals
      -- and 50 000 completed actions per rep
      (${pgArray(reps)}::uuid[])[1 + ((n - 1) / 2) % ${reps.length}] as owner_id,
      case status when 'open' then (${pgArray(open)}::uuid[])[1 + open_ix] when 'won' then ${won}::uuid else ${lost}::uuid end as stage_id,
      case status when 'open' then (array[10, 30, 50, 70])[1 + open_ix] when 'won' then 100 else 0 end as probability,
      case when status = 'open' then open_ix else reach + 1 end as exited_stays,
      case when status <> 'open' then closed_at
           when open_ix = 0 then created_at
           else created_at + u_entered * (now() - created_at) end as stage_entered_at,
      coalesce(closed_at, now()) as end_at,
      ${perDeal} + dev as k,
      (round(2000 + 250000 * power(u_value, 3)) * 100)::bigint as value_minor,
      pg_temp.pick(${pgArray(SCALE.sectors)}::text[], u_sector) as sector,
      pg_temp.pick(${pgArray(SCALE.sources)}::text[], u_source) as source,
      case when status = 'open' then (now() + (u_expected * 150 - 30) * interval '1 day')::date else closed_at::date end as expected_close_date,
      case when status = 'lost' then (${pgArray(reasons)}::uuid[])[1 + floor(u_reason * ${reasons.length})::int] end as loss_reason_id,
      pg_temp.pick(${pgArray(OFFERS)}::text[], u_title) || ' #' || n as title,
      pg_temp.pick(${pgArray(COMPANY_A)}::text[], u_contact) || ' ' || pg_temp.pick(${pgArray(COMPANY_B)}::text[], pg_temp.u(n, ${salt} + 15))
        || ' ' || pg_temp.pick(${pgArray(COMPANY_C)}::text[], pg_temp.u(n, ${salt} + 16)) as contact_name
    from c`;
}

function insertDeals(orgId: string, salt: number): SQL {
  return sql`
    insert into deals (id, org_id, title, contact_name, owner_id, value_minor, currency, stage_id, probability, status, sector, source,
      expected_close_date, loss_reason_id, loss_note, closed_at, position, stage_entered_at, last_activity_at, created_by, created_at, updated_at)
    select id, ${orgId}::uuid, title, contact_name, owner_id, value_minor, ${SCALE.currency}, stage_id, probability, status::deal_status, sector, source,
      expected_close_date, loss_reason_id,
      case when status = 'lost' and pg_temp.u(n, ${salt} + 17) < 0.3 then 'Went with a cheaper offer' end,
      closed_at, n * 1024.0, stage_entered_at,
      created_at + (end_at - created_at) * (k::float8 / (k + 1)), owner_id, created_at, coalesce(closed_at, stage_entered_at)
    from scale_deal order by n`;
}

/** Exited stays in the open stages up to the current one, evenly between creation and entry, then the current stay. */
function insertStageHistory(orgId: string, open: string[]): SQL {
  return sql`
    insert into deal_stage_history (org_id, deal_id, stage_id, entered_at, exited_at, changed_by)
    select ${orgId}::uuid, d.id, (${pgArray(open)}::uuid[])[1 + s],
      d.created_at + (d.stage_entered_at - d.created_at) * (s::float8 / d.exited_stays),
      d.created_at + (d.stage_entered_at - d.created_at) * ((s + 1)::float8 / d.exited_stays), d.owner_id
    from scale_deal d cross join lateral generate_series(0, d.exited_stays - 1) s
    union all
    select ${orgId}::uuid, d.id, d.stage_id, d.stage_entered_at, null, d.owner_id from scale_deal d`;
}

function insertCompletedActions(orgId: string, salt: number): SQL {
  return sql`
    insert into actions (org_id, deal_id, owner_id, type, due_at, details, completed_at, completed_by, outcome, created_by, created_at)
    select ${orgId}::uuid, d.id, d.owner_id,
      (array['call', 'email', 'meeting', 'task']::action_type[])[1 + floor(pg_temp.u(h, ${salt} + 20) * 4)::int],
      done - (pg_temp.u(h, ${salt} + 21) - 0.5) * interval '2 days',
      pg_temp.pick(${pgArray(STEPS)}::text[], pg_temp.u(h, ${salt} + 22)),
      done, d.owner_id,
      pg_temp.pick(${pgArray(OUTCOMES)}::text[], pg_temp.u(h, ${salt} + 23)),
      d.owner_id,
      d.created_at + (d.end_at - d.created_at) * ((j - 1)::float8 / (d.k + 1))
    from scale_deal d
      cross join lateral generate_series(1, d.k) j
      cross join lateral (select d.n * 32 + j as h, d.created_at + (d.end_at - d.created_at) * (j::float8 / (d.k + 1)) as done) x`;
}

/** One per open deal: ~10 % before today, ~5 % today (org time zone), the rest over the horizon. */
function insertPendingActions(orgId: string, salt: number): SQL {
  const { overdue, today, horizonDays } = SCALE.due;
  return sql`
    with day as (select (date_trunc('day', now() at time zone ${SCALE.timeZone}) at time zone ${SCALE.timeZone}) as start)
    insert into actions (org_id, deal_id, owner_id, type, due_at, details, created_by, created_at)
    select ${orgId}::uuid, d.id, d.owner_id,
      (array['call', 'email', 'meeting', 'task']::action_type[])[1 + floor(pg_temp.u(d.n, ${salt} + 30) * 4)::int],
      case when ud < ${overdue} then day.start - interval '1 hour' - pg_temp.u(d.n, ${salt} + 32) * interval '14 days'
           when ud < ${overdue + today} then day.start + pg_temp.u(d.n, ${salt} + 32) * interval '24 hours'
           else day.start + interval '1 day' + pg_temp.u(d.n, ${salt} + 32) * ${horizonDays} * interval '1 day' end,
      pg_temp.pick(${pgArray(STEPS)}::text[], pg_temp.u(d.n, ${salt} + 33)),
      d.owner_id, d.created_at + (d.end_at - d.created_at) * (d.k::float8 / (d.k + 1))
    from scale_deal d cross join day cross join lateral (select pg_temp.u(d.n, ${salt} + 31) as ud) x
    where d.status = 'open'`;
}

const OFFERS = [
  "Annual support contract",
  "Platform licence",
  "Implementation project",
  "Office cleaning",
  "Network upgrade",
  "Security audit",
  "Catering framework",
  "Data migration",
  "Training package",
  "Managed backup",
];
const COMPANY_A = ["Nordic", "Baltic", "Vester", "Øster", "Nørre", "Søndre", "Copenhagen", "Aarhus", "Odense", "Aalborg", "Fyn", "Jylland"];
const COMPANY_B = ["Logistics", "Bank", "Clinic", "Retail", "Tech", "Foods", "Properties", "Consulting", "Energy", "Media"];
const COMPANY_C = ["ApS", "A/S", "Group", "Holding", "I/S", "& Co"];
const STEPS = [
  "Call to qualify the need",
  "Send the proposal",
  "Follow up on the proposal",
  "Book a site visit",
  "Negotiate the terms",
  "Send the contract",
  "Check in with the decision maker",
  "Demo for the team",
];
const OUTCOMES = [
  "Reached them; moving on",
  "Left a voicemail",
  "They asked for a revised offer",
  "Meeting went well",
  "Sent as promised",
  "No answer; trying again",
];
