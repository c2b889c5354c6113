import type postgres from "postgres";

import { writePlanFile } from "./floors";
import { explainStatement, type PlanFinding } from "./plans";

export type LoggedQuery = { text: string; params: (string | number | null)[] };
export type SqlProfile = {
  scenario: string;
  queries: { text: string; finding: PlanFinding }[];
  /** Sum of the statements' execution times: an upper bound of SQL time (pages run some in parallel). */
  sqlMs: number;
  planFile: string;
};

/**
 * Reads the statements the app printed with LOG_SQL=on (drizzle's logger: one
 * `Query: <sql> -- params: [<json>, …]` per statement) from a slice of the server's output.
 */
export function parseLoggedQueries(output: string): LoggedQuery[] {
  const out: LoggedQuery[] = [];
  const blocks = output.split(/^Query: /m).slice(1);
  for (const block of blocks) {
    // A statement ends where the server prints something else: keep only its own lines.
    const lines = block.split("\n");
    const own: string[] = [lines[0]!];
    for (const line of lines.slice(1)) {
      if (/^(\[|▲|✓|⚠|-\s|\s*at\s|Error)/.test(line) || line === "") break;
      own.push(line);
    }
    const joined = own.join("\n");
    const cut = joined.lastIndexOf(" -- params: ");
    const text = cut >= 0 ? joined.slice(0, cut) : joined;
    let params: LoggedQuery["params"] = [];
    if (cut >= 0) {
      try {
        params = JSON.parse(joined.slice(cut + " -- params: ".length)) as LoggedQuery["params"];
      } catch {
        params = [];
      }
    }
    out.push({ text, params });
  }
  return out;
}

/**
 * EXPLAIN (ANALYZE, BUFFERS) of every statement one request ran, inside a transaction that is
 * rolled back (so an action's writes are measured but not kept), written to bench/plans/app-<id>.txt.
 */
export async function profileQueries(
  sql: postgres.Sql,
  plansDir: string,
  scenario: string,
  title: string,
  queries: LoggedQuery[],
): Promise<SqlProfile> {
  const explained: SqlProfile["queries"] = [];
  const sections: string[] = [];
  await sql
    .begin(async (tx) => {
      for (const [i, q] of queries.entries()) {
        if (/^\s*(begin|commit|rollback|savepoint|release)/i.test(q.text)) continue;
        const statement = { name: `#${i + 1}`, text: q.text, params: q.params.map((p) => (p === null ? (null as unknown as string) : p)) };
        try {
          await tx.unsafe("savepoint profile_step");
          const { text, finding } = await explainStatement(tx, statement);
          explained.push({ text: q.text, finding });
          sections.push(text);
        } catch (err) {
          await tx.unsafe("rollback to savepoint profile_step");
          sections.push(`-- #${i + 1} could not be explained: ${(err as Error).message}\n${q.text}`);
        }
      }
      throw new Rollback();
    })
    .catch((err) => {
      if (!(err instanceof Rollback)) throw err;
    });
  const planFile = writePlanFile(
    plansDir,
    `app-${scenario}`,
    `${title}: every statement of one request, as the app sent it (LOG_SQL=on)`,
    sections,
  );
  const sqlMs = Math.round(explained.reduce((n, q) => n + (q.finding.executionMs ?? 0) + (q.finding.planningMs ?? 0), 0) * 100) / 100;
  return { scenario, queries: explained, sqlMs, planFile };
}

class Rollback extends Error {}
