import "server-only";

import { decideRow } from "@/lib/import/plan";
import type { ImportRow } from "@/lib/import/rows";
import type { TenantContext } from "@/server/tenant";

import { refreshStatsIfStale } from "./planner-stats";
import type { ImportRun } from "./run-state";
import { traced } from "./trace";
import { type CreateOutcome, insertNewDeals } from "./write-creates";

export type CreatePipelineParams = { run: ImportRun };

/**
 * "Create" mode: every row is a new deal unless it matches an existing one. Each batch's statement
 * leaves out the rows matching existing deals itself (insertNewDeals' `skipDuplicates`), so the next
 * batch is sent while this one runs (queued on the connection): the database goes from one batch to
 * the next without waiting for Node, which meanwhile parses and reads the slice after.
 * `ctx.db` is the run's transaction.
 */
export async function runCreatePipeline(ctx: TenantContext, { run }: CreatePipelineParams): Promise<void> {
  const { message: duplicate } = decideRow("create", { status: "open" }) as { message: string };
  type Sent = { rows: ImportRow[]; records: number; write: Promise<CreateOutcome> };
  const settle = async (sent: Sent) => {
    const out = await traced("wait", () => sent.write);
    run.counts.created += out.ids.length;
    for (const i of out.duplicates) run.skip(sent.rows[i]!, duplicate);
    run.advance(sent.records);
  };
  let sent: Sent | null = null;
  let slice = run.readNext();
  for (let batch = 0; slice !== null; batch++) {
    const write = insertNewDeals(ctx, { rows: slice.rows, settings: run.settingsFor(batch), skipDuplicates: true });
    write.catch(() => {}); // awaited in settle(); a refusal while reading must not leave it unhandled
    await new Promise((resolve) => setImmediate(resolve)); // let it reach the server
    const next = run.readNext();
    if (sent) await settle(sent);
    sent = { rows: slice.rows, records: slice.records, write };
    if (batch === 0) {
      // The first batch alone, then statistics for the plans of the lookups after it (planner-stats.ts).
      await settle(sent);
      sent = null;
      await traced("analyze", () => refreshStatsIfStale(ctx, { rowsToImport: run.totalRows }));
    }
    slice = next;
  }
  if (sent) await settle(sent);
}
