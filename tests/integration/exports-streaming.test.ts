import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";

import { GET } from "@/app/(app)/[org]/exports/deals/route";
import { getDb } from "@/db/client";
import { createOrgWithTeam } from "@/db/seed/factories";
import { download } from "@tests/integration/support/export-download";

const DEALS = 100_000;
let team: Awaited<ReturnType<typeof createOrgWithTeam>>;

/**
 * 100 000 open deals, each with its pending action, loaded set-based. The triggers are off for this
 * one transaction (session_replication_role), so the statements write what they would: the status
 * of an open stage and exactly one pending action per deal.
 */
beforeAll(async () => {
  const db = getDb();
  team = await createOrgWithTeam(db);
  const orgId = team.org.id;
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    await tx.execute(sql`
      with s as (select array_agg(id order by position) as ids, array_agg(probability order by position) as probs
                 from pipeline_stages where org_id = ${orgId} and kind = 'open')
      insert into deals (org_id, title, contact_name, owner_id, value_minor, currency, stage_id, probability, status, sector, position, created_at)
      select ${orgId}, 'Deal ' || n, 'Kunde ' || (n % 5000), case when n % 2 = 0 then ${team.rep.id}::uuid else ${team.rep2.id}::uuid end,
        n * 100 + n % 100, 'DKK', s.ids[1 + n % 4], s.probs[1 + n % 4], 'open', (array['Retail', 'Finance', null])[1 + n % 3], n,
        now() - n * interval '1 minute'
      from generate_series(1, ${DEALS}) n, s`);
    await tx.execute(sql`
      insert into actions (org_id, deal_id, owner_id, type, due_at, details)
      select org_id, id, owner_id, 'call', now() + (position::int % 30) * interval '1 day', 'Call back'
      from deals where org_id = ${orgId}`);
  });
  await db.execute(sql`analyze deals`);
  await db.execute(sql`analyze actions`);
}, 120_000);

/** The backend running the export's cursor (the only query formatting due times of this org). */
async function cursorBackend(): Promise<{ state: string } | undefined> {
  const rows = await getDb().execute<{ state: string }>(sql`
    select state from pg_stat_activity
    where datname = current_database() and pid <> pg_backend_pid() and query like '%as "next_due"%' and state <> 'idle'`);
  return rows[0];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("streaming 100 000 deals", () => {
  it("exports every row as CSV", async () => {
    const started = performance.now();
    const response = await download(GET, team.admin.id, `/${team.org.slug}/exports/deals`, { org: team.org.slug });
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());
    const ms = performance.now() - started;
    const lines = text.split("\r\n");
    expect(lines[0]!.startsWith("\uFEFFTitle;")).toBe(true);
    expect(lines.length).toBe(DEALS + 2); // header, rows, and the empty string after the last CRLF
    expect(lines[1]).toMatch(/^Deal 1;/); // newest first
    console.info(`[exports] 100 000-deal CSV in ${Math.round(ms)} ms, ${(text.length / 2 ** 20).toFixed(1)} MB`);
  }, 60_000);

  it.each(["csv", "xlsx"])(
    "%s: the first bytes arrive while the cursor is still open; a cancelled download closes it",
    async (format) => {
      const response = await download(GET, team.admin.id, `/${team.org.slug}/exports/deals?format=${format}`, { org: team.org.slug });
      const reader = response.body!.getReader();
      let received = 0;
      while (received < 64 * 1024) {
        const { done, value } = await reader.read();
        expect(done).toBe(false);
        received += value!.byteLength;
      }
      // The client stops reading. Nothing more is fetched: the query is suspended, not finished.
      await sleep(300);
      const backend = await cursorBackend();
      expect(backend?.state).toMatch(/^(active|idle in transaction)$/);
      expect(received).toBeLessThan(2 * 2 ** 20); // the whole file is > 10 MB

      await reader.cancel();
      for (let i = 0; i < 50 && (await cursorBackend()); i++) await sleep(100);
      expect(await cursorBackend()).toBeUndefined();
    },
    60_000,
  );
});
