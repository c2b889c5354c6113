import type postgres from "postgres";

import type { Statement } from "./floor-queries";

export type IndexUse = { index: string; table: string; firstColumn: string; tenantTable: boolean };
export type PlanFinding = {
  statement: string;
  executionMs: number | null;
  planningMs: number | null;
  indexes: IndexUse[];
  /** Sequential scans with the rows they read: fine on a 6-row stage table, a finding on deals. */
  seqScans: { table: string; rows: number }[];
  sharedHit: number;
  sharedRead: number;
};

type Queryable = postgres.Sql | postgres.TransactionSql;

/**
 * EXPLAIN (ANALYZE, BUFFERS) of one statement, as text for bench/plans/*.txt plus the facts the
 * report needs: which indexes were used (and whether they lead with org_id), any sequential scan,
 * execution time and buffers. ANALYZE executes the statement: callers roll back writes.
 */
export async function explainStatement(sql: Queryable, st: Statement): Promise<{ text: string; finding: PlanFinding }> {
  const rows = await sql.unsafe(`explain (analyze, buffers) ${st.text}`, st.params);
  const plan = rows.map((r) => r["QUERY PLAN"] as string).join("\n");
  const finding = await analysePlan(sql, st.name, plan);
  const header = `-- ${st.name}\n${st.text}\n-- params: ${JSON.stringify(st.params)}`;
  return { text: `${header}\n\n${plan}`, finding };
}

export async function analysePlan(sql: Queryable, statement: string, plan: string): Promise<PlanFinding> {
  const names = new Set<string>();
  for (const m of plan.matchAll(/(?:Index Scan|Index Only Scan)(?: Backward)? using (\S+) on (\S+)/g)) names.add(m[1]!);
  for (const m of plan.matchAll(/Bitmap Index Scan on (\S+)/g)) names.add(m[1]!);
  const indexes = names.size ? await describeIndexes(sql, [...names]) : [];
  const seqScans = [...plan.matchAll(/Seq Scan on (\S+)(?: \S+)?\s+\(cost=[^)]*\) \(actual time=[^ ]+ rows=([\d.]+) loops=(\d+)/g)].map(
    (m) => ({
      table: m[1]!,
      rows: Math.round(Number(m[2]) * Number(m[3])),
    }),
  );
  const num = (re: RegExp) => {
    const m = plan.match(re);
    return m ? Number(m[1]) : null;
  };
  const buffers = [...plan.matchAll(/Buffers: shared((?: \w+=\d+)+)/g)][0]?.[1] ?? "";
  const buf = (kind: string) => Number(buffers.match(new RegExp(`${kind}=(\\d+)`))?.[1] ?? 0);
  return {
    statement,
    executionMs: num(/Execution Time: ([\d.]+) ms/),
    planningMs: num(/Planning Time: ([\d.]+) ms/),
    indexes,
    seqScans,
    sharedHit: buf("hit"),
    sharedRead: buf("read"),
  };
}

async function describeIndexes(sql: Queryable, names: string[]): Promise<IndexUse[]> {
  const rows = await sql`
    select i.relname as index, t.relname as table, coalesce(a.attname, '(expression)') as first_column,
           exists (select 1 from pg_attribute o where o.attrelid = t.oid and o.attname = 'org_id' and not o.attisdropped) as tenant_table
      from pg_index x
      join pg_class i on i.oid = x.indexrelid
      join pg_class t on t.oid = x.indrelid
      left join pg_attribute a on a.attrelid = x.indrelid and a.attnum = x.indkey[0]
     where i.relname in ${sql(names)}`;
  return rows.map((r) => ({ index: r.index, table: r.table, firstColumn: r.first_column, tenantTable: r.tenant_table }));
}

/** One line per statement for the report: time, indexes (⚠ when a tenant index does not lead with org_id), seq scans. */
export function planHighlight(f: PlanFinding): string {
  const idx = f.indexes.map((i) => `${i.index}${i.tenantTable && i.firstColumn !== "org_id" ? " ⚠ not org_id-first" : ""}`);
  const seq = f.seqScans.map((s) => `seq scan ${s.table} (${s.rows} rows)`);
  const time = f.executionMs === null ? "" : `${f.executionMs.toFixed(2)} ms`;
  return `${f.statement}: ${time}; ${[...idx, ...seq].join(", ") || "no index"}; buffers hit ${f.sharedHit}, read ${f.sharedRead}`;
}
