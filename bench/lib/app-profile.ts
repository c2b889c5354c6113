import type postgres from "postgres";

import { startApp } from "./app-server";
import { MEASURED_ORG } from "./config";
import { probe } from "./http-load";
import type { ScenarioResult, SessionRole } from "./scenarios";
import { actionHeaders, type ActionPool, findServerAction, postActionOnce } from "./server-action";
import type { Session } from "./sign-in";
import { parseLoggedQueries, profileQueries, type SqlProfile } from "./sql-profile";
import { sleep } from "./util";

/**
 * A second, short server run with LOG_SQL=on (kept out of the measured run: logging every statement
 * costs time): for each measured scenario, one request after a warm-up, the statements it printed,
 * each explained. Shows how much of a page is SQL and which statement dominates.
 */
export async function profileAppSql(
  sql: postgres.Sql,
  plansDir: string,
  scenarios: ScenarioResult[],
  sessions: Record<SessionRole, Session>,
  log: (m: string) => void,
): Promise<SqlProfile[]> {
  log("Profiling the app's SQL (LOG_SQL=on)…");
  const app = await startApp({ logSql: true });
  const profiles: SqlProfile[] = [];
  try {
    for (const s of scenarios) {
      const session = Object.values(sessions).find((x) => x.email === s.user)!;
      const send = await requester(sql, s, session);
      for (let i = 0; i < 3; i++) await send();
      await sleep(300);
      const from = app.output().length;
      await send();
      await sleep(500); // let the server flush its log lines
      const queries = parseLoggedQueries(app.output().slice(from));
      const profile = await profileQueries(sql, plansDir, s.id, s.title, queries);
      profiles.push(profile);
      log(`  ${s.id}: ${queries.length} statements, Σ ${profile.sqlMs} ms of SQL (${profile.planFile})`);
    }
  } finally {
    await app.stop();
  }
  return profiles;
}

async function requester(sql: postgres.Sql, s: ScenarioResult, session: Session): Promise<() => Promise<unknown>> {
  if (s.method === "GET") return () => probe(s.path, { Cookie: session.cookie, Accept: "text/html" });
  const ref = findServerAction("src/actions/next-steps.ts", "completeNextStepAction");
  if (!ref) throw new Error("completeNextStepAction is not in the manifest");
  const ids = (
    await sql`select a.id from actions a join organizations o on o.id = a.org_id
    where o.slug = ${MEASURED_ORG} and a.owner_id = ${session.userId} and a.completed_at is null order by a.due_at limit 20`
  ).map((r) => r.id as string);
  const pool: ActionPool = { ids, used: 0, ok: 0, failed: 0, failures: {} };
  const headers = actionHeaders(ref.id, session.cookie);
  return () => postActionOnce(s.path, headers, MEASURED_ORG, pool);
}
