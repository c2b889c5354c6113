import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import * as importActions from "@/actions/imports";
import { getDb } from "@/db/client";
import type { ImportMapping } from "@/lib/import/fields";
import { summarizeKpis } from "@/lib/kpi/summary";
import { parseDashboardFilters } from "@/lib/schemas/dashboard-filters";
import { getDealKpis } from "@/server/data/dashboard/kpis";
import { dashboardQuery } from "@/server/data/dashboard/scope";
import { asUser, violatedConstraint } from "@tests/integration/support/fixtures";
import {
  dealsByContact,
  importRow,
  okData,
  optionsWith,
  startAndRun,
  uploadAs,
  withJobQueue,
} from "@tests/integration/support/import-fixtures";
import { ukTeamWithStages } from "@tests/integration/support/team-with-stages";

withJobQueue({ work: false });

const DAY = 86_400_000;
const isoDaysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString().slice(0, 10);

describe("a closed deal never closes before it was created", () => {
  it("refuses a raw UPDATE of either time, and a raw INSERT, that inverts them", async () => {
    const { team: t, stages } = await ukTeamWithStages();
    const won = stages.find((s) => s.kind === "won")!;
    const insertWon = (closedAgo: string, createdAgo: string) =>
      getDb().execute<{ id: string }>(
        sql`insert into deals (org_id, title, contact_name, owner_id, currency, stage_id, probability, closed_at, created_at)
            values (${t.org.id}, 'Won', 'Acme', ${t.admin.id}, 'EUR', ${won.id}, 100, now() - ${closedAgo}::interval, now() - ${createdAgo}::interval)
            returning id`,
      );
    const [deal] = await insertWon("1 day", "20 days");
    expect(await violatedConstraint(insertWon("10 days", "0 days"))).toBe("deals_closed_after_created");
    const update = (set: ReturnType<typeof sql>) => getDb().execute(sql`update deals set ${set} where id = ${deal!.id}`);
    expect(await violatedConstraint(update(sql`closed_at = created_at - interval '1 day'`))).toBe("deals_closed_after_created");
    expect(await violatedConstraint(update(sql`created_at = closed_at + interval '1 day'`))).toBe("deals_closed_after_created");
    // Equal times are a zero-length cycle, which is allowed.
    await update(sql`created_at = closed_at`);
  });

  it("imports won and lost deals closed in the past with a creation no later than their close, so the cycle is never negative", async () => {
    const { team: t, ctx } = await ukTeamWithStages();
    const csv = [
      "Client,Value,Stage,Close date",
      `Initech,3000,Won,${isoDaysAgo(10)}`,
      `Globex,2000,Lost,${isoDaysAgo(5)}`,
      "Acme,1000,Lead,",
    ].join("\n");
    const importId = await uploadAs(t.admin.id, t.org.slug, csv, "history.csv");
    const mapping: ImportMapping = ["contact", "value", "stage", "expectedCloseDate"];
    expect((await importRow(importId)).mapping).toEqual(mapping);
    okData(await asUser(t.admin.id, () => importActions.validateImportAction(t.org.slug, { importId, ...optionsWith({ mapping }) })));
    expect(await startAndRun(t.admin.id, t.org.slug, importId, { mapping })).toMatchObject({ status: "completed", createdCount: 3 });
    const deals = await dealsByContact(t.org.id);
    for (const name of ["Initech", "Globex"]) {
      const deal = deals.get(name)!;
      expect(deal.closedAt!.getTime()).toBeLessThan(Date.now() - 4 * DAY);
      expect(deal.createdAt.getTime()).toBeLessThanOrEqual(deal.closedAt!.getTime());
    }
    const agg = await getDealKpis(ctx, dashboardQuery(ctx, parseDashboardFilters({ range: "30d" })));
    expect(agg.counts).toMatchObject({ won: 1, lost: 1 });
    expect(agg.counts.wonDays).toBeGreaterThanOrEqual(0);
    expect(summarizeKpis(agg, "EUR").salesCycleDays.current).toBeGreaterThanOrEqual(0);
  });
});
