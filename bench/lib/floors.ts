import fs from "node:fs";
import path from "node:path";

import type postgres from "postgres";

import { FLOOR_ITERATIONS, SCALE, type ScaleOrg } from "./config";
import {
  boardStatements,
  completeStatements,
  dealListStatements,
  type FloorIds,
  type Statement,
  TODAY_BOUNDS_SQL,
  type TodayBounds,
  todayStatements,
} from "./floor-queries";
import { explainStatement, type PlanFinding } from "./plans";
import { summarize, type Summary } from "./stats";

export type FloorResult = {
  id: string;
  title: string;
  /** Latency of the whole unit of work (all its statements in sequence, or the transaction). */
  total: Summary;
  statements: { name: string; summary: Summary }[];
  plans: PlanFinding[];
  planFile: string;
};

export type People = { orgId: string; timeZone: string; repId: string; managerId: string; floorRepId: string };

/** Ids the floors need, looked up by the scale profile's emails. */
export async function lookupPeople(sql: postgres.Sql, org: ScaleOrg, rep: string, manager: string, floorRep: string): Promise<People> {
  const [o] = await sql`select id, time_zone from organizations where slug = ${org.slug}`;
  const users = await sql`select id, email from users where email in (${rep}, ${manager}, ${floorRep})`;
  const idOf = (email: string) => {
    const u = users.find((x) => x.email === email);
    if (!u) throw new Error(`${email} is not in the bench database: is the scale profile loaded?`);
    return u.id as string;
  };
  return { orgId: o!.id, timeZone: o!.time_zone, repId: idOf(rep), managerId: idOf(manager), floorRepId: idOf(floorRep) };
}

/** Runs a read-only unit of work `measured` times after a warm-up, timing each statement and the sum. */
async function measureReads(
  sql: postgres.Sql,
  statements: Statement[],
): Promise<{ total: Summary; statements: FloorResult["statements"] }> {
  const totals: number[] = [];
  const per = statements.map(() => [] as number[]);
  for (let i = 0; i < FLOOR_ITERATIONS.warmup + FLOOR_ITERATIONS.measured; i++) {
    let sum = 0;
    for (const [k, st] of statements.entries()) {
      const t0 = performance.now();
      await sql.unsafe(st.text, st.params, { prepare: true });
      const ms = performance.now() - t0;
      sum += ms;
      if (i >= FLOOR_ITERATIONS.warmup) per[k]!.push(ms);
    }
    if (i >= FLOOR_ITERATIONS.warmup) totals.push(sum);
  }
  return { total: summarize(totals), statements: statements.map((st, k) => ({ name: st.name, summary: summarize(per[k]!) })) };
}

async function readFloor(sql: postgres.Sql, plansDir: string, id: string, title: string, statements: Statement[]): Promise<FloorResult> {
  const measured = await measureReads(sql, statements);
  const plans: PlanFinding[] = [];
  const sections: string[] = [];
  for (const st of statements) {
    const { text, finding } = await explainStatement(sql, st);
    plans.push(finding);
    sections.push(text);
  }
  const planFile = writePlanFile(plansDir, id, title, sections);
  return { id, title, ...measured, plans, planFile };
}

export function writePlanFile(plansDir: string, id: string, title: string, sections: string[]): string {
  fs.mkdirSync(plansDir, { recursive: true });
  const file = path.join(plansDir, `${id}.txt`);
  fs.writeFileSync(
    file,
    `-- ${title}\n-- EXPLAIN (ANALYZE, BUFFERS) on the scale profile, written by npm run bench\n\n${sections.join("\n\n")}\n`,
  );
  return path.relative(process.cwd(), file);
}

/**
 * Complete & plan next by hand: each iteration completes a different pending action of the floor
 * rep in its own transaction (COMMIT runs the deferred invariant triggers, as in the app).
 */
async function completeFloor(sql: postgres.Sql, plansDir: string, ids: FloorIds): Promise<FloorResult> {
  const needed = FLOOR_ITERATIONS.warmup + FLOOR_ITERATIONS.measured + 1;
  const pool = (
    await sql`select id from actions where org_id = ${ids.orgId} and owner_id = ${ids.userId} and completed_at is null
    order by due_at limit ${needed}`
  ).map((r) => r.id as string);
  if (pool.length < needed) throw new Error(`The floor rep has only ${pool.length} pending actions; ${needed} needed`);
  const totals: number[] = [];
  const per: number[][] = [[], [], [], []];
  for (let i = 0; i < needed - 1; i++) {
    const st = completeStatements({ ...ids, actionId: pool[i]! });
    const lap: number[] = [];
    const t0 = performance.now();
    let mark = t0;
    const stamp = () => {
      const now = performance.now();
      lap.push(now - mark);
      mark = now;
    };
    await sql.begin(async (tx) => {
      const [done] = await tx.unsafe(st.complete.text, st.complete.params, { prepare: true });
      stamp();
      if (!done) throw new Error(`Action ${pool[i]} was not pending`);
      await tx.unsafe(st.plan(done.deal_id).text, st.plan(done.deal_id).params, { prepare: true });
      stamp();
      await tx.unsafe(st.touch(done.deal_id).text, st.touch(done.deal_id).params, { prepare: true });
      stamp();
    });
    stamp(); // COMMIT, with the deferred constraint triggers
    if (i >= FLOOR_ITERATIONS.warmup) {
      totals.push(performance.now() - t0);
      lap.forEach((ms, k) => per[k]!.push(ms));
    }
  }
  // The plans, inside a transaction that is rolled back so the data does not move.
  const sections: string[] = [];
  const plans: PlanFinding[] = [];
  const last = pool[needed - 1]!;
  await sql
    .begin(async (tx) => {
      const [{ deal_id: dealId }] = await tx`select deal_id from actions where id = ${last}`;
      const st = completeStatements({ ...ids, actionId: last });
      for (const statement of [st.complete, st.plan(dealId), st.touch(dealId)]) {
        const { text, finding } = await explainStatement(tx, statement);
        sections.push(text);
        plans.push(finding);
      }
      throw new RollbackPlans();
    })
    .catch((err) => {
      if (!(err instanceof RollbackPlans)) throw err;
    });
  const title = "Complete & plan next (one transaction: update action, insert next, update deal, COMMIT with deferred triggers)";
  const planFile = writePlanFile(plansDir, "complete-action", title, sections);
  const names = ["complete action", "plan next action", "touch deal", "commit (deferred triggers)"];
  return {
    id: "complete-action",
    title,
    total: summarize(totals),
    statements: names.map((name, k) => ({ name, summary: summarize(per[k]!) })),
    plans,
    planFile,
  };
}

class RollbackPlans extends Error {}

async function todayBounds(sql: postgres.Sql, now: string, timeZone: string): Promise<TodayBounds> {
  const [row] = await sql.unsafe(TODAY_BOUNDS_SQL, [now, timeZone]);
  return { todayEnd: new Date(row!.today_end).toISOString(), upcomingEnd: new Date(row!.upcoming_end).toISOString() };
}

export type FloorSet = Record<string, FloorResult>;

/** Every floor, on the measured org; the Today floor also on the second org (isolation costs nothing). */
export async function runFloors(sql: postgres.Sql, plansDir: string, a: People, b: People, log: (m: string) => void): Promise<FloorSet> {
  const now = new Date().toISOString();
  const rep = { orgId: a.orgId, userId: a.repId, timeZone: a.timeZone, now };
  const manager = { ...rep, userId: a.managerId };
  const out: FloorSet = {};
  const run = async (id: string, title: string, statements: Statement[]) => {
    out[id] = await readFloor(sql, plansDir, id, title, statements);
    log(`  floor ${id}: p50 ${out[id].total.p50} ms, p95 ${out[id].total.p95} ms`);
  };
  const bounds = await todayBounds(sql, now, a.timeZone);
  await run("today", "Today queue of one rep (bucket rows + bucket counts)", todayStatements({ ...rep, ...bounds }));
  const other = { orgId: b.orgId, userId: b.repId, timeZone: b.timeZone, now, ...(await todayBounds(sql, now, b.timeZone)) };
  await run("today-org-b", `Today queue of one rep in the second org (${SCALE.orgs[1].slug})`, todayStatements(other));
  await run(
    "deals",
    "Deals list as the manager: first page of open deals (25) + totals of all open deals",
    dealListStatements({ ...manager, ownerOnly: false }),
  );
  await run(
    "deals-rep",
    "Deals list as a rep: first page of own open deals (25) + totals",
    dealListStatements({ ...rep, ownerOnly: true }),
  );
  await run(
    "pipeline",
    "Pipeline board of one rep: column aggregates + first 51 cards per open stage",
    boardStatements({ ...rep, ownerOnly: true }),
  );
  await run(
    "pipeline-org",
    "Pipeline board of the whole org (manager): aggregates over all open deals + top cards",
    boardStatements({ ...manager, ownerOnly: false }),
  );
  out["complete-action"] = await completeFloor(sql, plansDir, { orgId: a.orgId, userId: a.floorRepId, timeZone: a.timeZone, now });
  log(`  floor complete-action: p50 ${out["complete-action"].total.p50} ms, p95 ${out["complete-action"].total.p95} ms`);
  return out;
}
