import "server-only";

import { PgBoss } from "pg-boss";

import { databaseContext } from "@/server/data/context";
import { unsafePurgeStaleImportDrafts } from "@/server/data/imports/drafts";
import { IMPORT_JOB_EXPIRE_SECONDS } from "@/server/data/imports/job-state";

import { IMPORT_QUEUE, type ImportJobData, processImportJob } from "./import-deals";

const g = globalThis as typeof globalThis & { __momentumBoss?: Promise<PgBoss> };

/** Queues with their cron schedule (UTC) and handler. Each capability adds its own here. */
const SCHEDULED_JOBS: { name: string; cron: string; run: () => Promise<unknown> }[] = [
  { name: "purge-import-drafts", cron: "37 3 * * *", run: () => unsafePurgeStaleImportDrafts(databaseContext()) },
];

/** purge-sign-in-attempts: sign-in budgets moved to rate_limits, whose limiter deletes expired rows itself. */
const RETIRED_SCHEDULES = ["purge-sign-in-attempts"];

/**
 * On-demand queues: work that an action enqueues (`enqueue(name, data)`) instead of doing inside
 * the request. Handlers must be idempotent: pg-boss may deliver a job twice.
 */
const QUEUES: { name: string; run: (data: never) => Promise<unknown>; options?: { retryLimit?: number; expireInSeconds?: number } }[] = [
  // A failed import is marked failed with its reason (nothing written) and the user retries it. pg-boss
  // retries only a job whose worker died (after IMPORT_JOB_EXPIRE_SECONDS); the page does not wait for
  // that: a run without its lock is marked failed as soon as someone looks (job-state.ts).
  {
    name: IMPORT_QUEUE,
    run: (data: ImportJobData) => processImportJob(data),
    options: { retryLimit: 1, expireInSeconds: IMPORT_JOB_EXPIRE_SECONDS },
  },
];

/**
 * Installs or upgrades pg-boss's schema, once, before several processes start pg-boss: npm start's
 * primary runs it before forking the web workers. Processes that each migrate at once on a fresh
 * database collide (PostgreSQL refuses the second `create type job_state`, logging pg-boss's
 * whole schema SQL with it); pg-boss survives that, but nobody should have to read it.
 */
export async function prepareJobs(url: string): Promise<void> {
  const boss = new PgBoss({ connectionString: url, max: 2, supervise: false, schedule: false });
  boss.on("error", (err) => console.error("[jobs]", err));
  await boss.start();
  await boss.stop({ graceful: false, close: true });
}

/**
 * Starts pg-boss on the app's database; `work` false makes this process only a producer. A producer
 * does not migrate (`migrate: false` only checks the schema version; prepareJobs or the job worker
 * migrated). The job worker keeps `migrate` on: after prepareJobs that step finds nothing to do,
 * and pg-boss also runs the schema's deferred index builds only where it is on.
 */
export function startJobs(url: string, options: { work: boolean }): Promise<PgBoss> {
  g.__momentumBoss ??= (async () => {
    const boss = await startBoss(url, options.work);
    // Schedules of jobs that no longer exist, so pg-boss stops queueing work nobody takes.
    for (const name of RETIRED_SCHEDULES) await boss.unschedule(name);
    for (const job of SCHEDULED_JOBS) {
      await boss.createQueue(job.name);
      await boss.schedule(job.name, job.cron);
      if (options.work) await boss.work(job.name, async () => void (await job.run()));
    }
    for (const queue of QUEUES) {
      await boss.createQueue(queue.name, queue.options);
      // createQueue leaves an existing queue as it was: bring its options up to date.
      if (queue.options) await boss.updateQueue(queue.name, queue.options);
      if (options.work) {
        await boss.work(queue.name, { pollingIntervalSeconds: 1 }, async (jobs) => {
          for (const job of jobs) await queue.run(job.data as never);
        });
      }
    }
    return boss;
  })();
  return g.__momentumBoss;
}

async function startBoss(url: string, migrate: boolean): Promise<PgBoss> {
  const boss = new PgBoss({ connectionString: url, max: 4, migrate });
  boss.on("error", (err) => console.error("[jobs]", err));
  try {
    return await boss.start();
  } catch (err) {
    // A producer started before anything migrated (next start alone with JOBS_WORKER=off): migrate here.
    if (migrate || !/not installed|requires migrations/.test((err as Error).message)) throw err;
    await boss.stop({ graceful: false, close: true }).catch(() => {});
    return startBoss(url, true);
  }
}

/** Hands work to the job worker (this process's or another's). Throws when jobs were never started. */
export async function enqueue<T extends object>(name: string, data: T): Promise<string | null> {
  if (!g.__momentumBoss) throw new Error("Jobs are not started in this process");
  const boss = await g.__momentumBoss;
  return boss.send(name, data);
}

export async function stopJobs() {
  const boss = await g.__momentumBoss;
  g.__momentumBoss = undefined;
  await boss?.stop({ graceful: true, timeout: 5000 });
}
