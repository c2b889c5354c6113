// `npm run worker`: the pg-boss job worker on its own, for deployments that run web processes with
// JOBS_WORKER=off. Uses the same database resolution as the app (DATABASE_URL or the embedded one).
import { disconnectDatabase } from "@/db/client";
import { bootDatabase } from "@/server/boot";
import { startJobs, stopJobs } from "@/server/jobs/boss";

const { url } = await bootDatabase({ seed: false });
await startJobs(url, { work: true });
console.log("[worker] processing jobs; Ctrl-C to stop.");

const stop = async () => {
  await stopJobs();
  await disconnectDatabase();
  process.exit(0);
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
