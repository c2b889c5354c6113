import { PgBoss } from "pg-boss";
import { getDb } from "@/db/client";
import { unsafePurgeOldSignInAttempts } from "@/server/data/sign-in-throttle";

const g = globalThis as typeof globalThis & { __momentumBoss?: Promise<PgBoss> };

/** Queues with their cron schedule (UTC) and handler. Each capability adds its own here. */
const SCHEDULED_JOBS: { name: string; cron: string; run: () => Promise<unknown> }[] = [
  { name: "purge-sign-in-attempts", cron: "17 3 * * *", run: () => unsafePurgeOldSignInAttempts(getDb()) },
];

/** Starts pg-boss on the app's database; `work` false makes this process only a producer. */
export function startJobs(url: string, options: { work: boolean }): Promise<PgBoss> {
  g.__momentumBoss ??= (async () => {
    const boss = new PgBoss({ connectionString: url, max: 4 });
    boss.on("error", (err) => console.error("[jobs]", err));
    await boss.start();
    for (const job of SCHEDULED_JOBS) {
      await boss.createQueue(job.name);
      await boss.schedule(job.name, job.cron);
      if (options.work) await boss.work(job.name, async () => void (await job.run()));
    }
    return boss;
  })();
  return g.__momentumBoss;
}

export async function stopJobs() {
  const boss = await g.__momentumBoss;
  g.__momentumBoss = undefined;
  await boss?.stop({ graceful: true, timeout: 5000 });
}
