import "server-only";

import type { ImportMode } from "@/lib/import/fields";
import { decideRow } from "@/lib/import/plan";
import type { ImportRow } from "@/lib/import/rows";
import type { TenantContext } from "@/server/tenant";

import { findExistingDeals } from "./matching";
import { refreshStatsIfStale } from "./planner-stats";
import type { ImportRun } from "./run-state";
import { traced } from "./trace";
import { insertNewDeals } from "./write-creates";
import { updateExistingDeals } from "./write-updates";

export type UpdatePipelineParams = { run: ImportRun; mode: Exclude<ImportMode, "create"> };

/**
 * "Create and update" and "update only" modes: each row that matches an existing deal updates it
 * (at most one row per deal), the others are created or skipped. Updates can change what a later
 * row matches, so each batch is looked up after the one before is written. `ctx.db` is the run's
 * transaction.
 */
export async function runUpdatePipeline(ctx: TenantContext, { run, mode }: UpdatePipelineParams): Promise<void> {
  const claimedDeals = new Map<string, number>(); // existing deal → the line that updates it
  let slice = run.readNext();
  for (let batch = 0; slice !== null; batch++) {
    const rows = slice.rows;
    const existing = await traced("lookup", () => findExistingDeals(ctx, { rows }));
    const creates: ImportRow[] = [];
    const updates: { index: number; row: ImportRow; dealId: string }[] = [];
    rows.forEach((row, i) => {
      const match = existing.get(i) ?? null;
      const decision = decideRow(mode, match);
      if (decision.action === "skip") return run.skip(row, decision.message);
      if (decision.action === "create") return creates.push(row);
      const earlier = claimedDeals.get(match!.id);
      if (earlier !== undefined) return run.skip(row, `Matches the same existing deal as line ${earlier}`);
      claimedDeals.set(match!.id, row.line);
      updates.push({ index: i, row, dealId: match!.id });
    });
    const writing = insertNewDeals(ctx, { rows: creates, settings: run.settingsFor(batch) });
    writing.catch(() => {}); // awaited below; a refusal while reading must not leave it unhandled
    // Let the INSERT reach the server, then parse and read the next slice while it runs.
    await new Promise((resolve) => setImmediate(resolve));
    const next = run.readNext();
    run.counts.created += (await traced("wait", () => writing)).ids.length;
    const outcome = await traced("update", () =>
      updateExistingDeals(ctx, { pairs: updates, importId: run.importId, now: run.now, lossReasonId: run.lossReasonId }),
    );
    run.counts.updated += outcome.updated.length;
    for (const s of outcome.skipped) run.skip(rows[s.index]!, s.message);
    if (batch === 0) await traced("analyze", () => refreshStatsIfStale(ctx, { rowsToImport: run.totalRows }));
    run.advance(slice.records);
    slice = next;
  }
}
