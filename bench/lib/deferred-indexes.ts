import { sql } from "drizzle-orm";

import type { Tx } from "@/db/client";

import { pgArray } from "./util";

type Definition = { kind: "index" | "fk"; table: string; name: string; ddl: string };

/**
 * Bulk-load speed-up, used inside the load's transaction only: drops the secondary indexes and the
 * outgoing foreign keys of `tables`, and returns a function that recreates them from the exact
 * definitions PostgreSQL reported (pg_get_indexdef / pg_get_constraintdef). One sorted index build
 * and one validating join replace a million random index inserts and RI lookups. Indexes backing
 * a constraint (primary keys, unique constraints other tables reference) stay in place. If anything
 * fails the transaction rolls back and the schema is untouched.
 */
export async function dropIndexesAndForeignKeys(tx: Tx, tables: string[]): Promise<() => Promise<void>> {
  const defs = (await tx.execute(sql`
    select 'index' as kind, c.relname as "table", i.relname as name, pg_get_indexdef(x.indexrelid) as ddl
      from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class c on c.oid = x.indrelid
     where c.relname = any(${pgArray(tables)}::text[]) and c.relnamespace = 'public'::regnamespace
       and not exists (select 1 from pg_constraint k where k.conindid = x.indexrelid)
    union all
    select 'fk', c.relname, k.conname, pg_get_constraintdef(k.oid)
      from pg_constraint k join pg_class c on c.oid = k.conrelid
     where k.contype = 'f' and c.relname = any(${pgArray(tables)}::text[]) and c.relnamespace = 'public'::regnamespace
  `)) as unknown as Definition[];
  for (const d of defs) {
    await tx.execute(
      sql.raw(d.kind === "index" ? `drop index public."${d.name}"` : `alter table public."${d.table}" drop constraint "${d.name}"`),
    );
  }
  return async () => {
    for (const d of defs) {
      await tx.execute(sql.raw(d.kind === "index" ? d.ddl : `alter table public."${d.table}" add constraint "${d.name}" ${d.ddl}`));
    }
  };
}
