import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";

import type { Database } from "@/db/client";
import * as schema from "@/db/schema";
import { DEFAULT_DASHBOARD_FILTERS } from "@/lib/schemas/dashboard-filters";
import { getDashboard } from "@/server/data/dashboard/get-dashboard";
import { resolveTenant } from "@/server/tenant";

import type { FloorResult } from "./floors";
import { type LoggedQuery, profileQueries } from "./sql-profile";
import { summarize } from "./stats";

/**
 * The dashboard has no hand-written twin (seven aggregate queries over grouping sets would make a
 * second implementation to maintain), and the page sits behind a short per-process cache. So its
 * reference figure is the app's own getDashboard(ctx) for the default filters, uncached and
 * in-process: what one cache miss costs. Its statements are captured with a drizzle logger and
 * explained into bench/plans/app-dashboard-data.txt, since the page itself rarely runs them.
 */
export async function dashboardDataFloor(
  url: string,
  plansDir: string,
  orgSlug: string,
  managerId: string,
  iterations = { warmup: 3, measured: 20 },
): Promise<FloorResult> {
  const captured: LoggedQuery[] = [];
  let capturing = false;
  const client = postgres(url, { max: 10, onnotice: () => {} });
  try {
    const db = drizzle(client, {
      schema,
      logger: { logQuery: (text, params) => void (capturing && captured.push({ text, params: params as LoggedQuery["params"] })) },
    }) as unknown as Database;
    const ctx = await resolveTenant({ userId: managerId }, orgSlug, db);
    const samples: number[] = [];
    for (let i = 0; i < iterations.warmup + iterations.measured; i++) {
      capturing = i === 0;
      const t0 = performance.now();
      await getDashboard(ctx, { filters: DEFAULT_DASHBOARD_FILTERS });
      if (i >= iterations.warmup) samples.push(performance.now() - t0);
    }
    capturing = false;
    const profile = await profileQueries(
      client,
      plansDir,
      "dashboard-data",
      "Dashboard data (getDashboard, manager, default filters)",
      captured,
    );
    const total = summarize(samples);
    return {
      id: "dashboard-data",
      title: "Dashboard data as the manager, uncached: the app's getDashboard(ctx) in-process (not hand-written SQL)",
      total,
      statements: [{ name: `getDashboard (${captured.length} statements, in parallel on the pool)`, summary: total }],
      plans: profile.queries.map((q, i) => ({ ...q.finding, statement: `#${i + 1} ${q.text.replace(/\s+/g, " ").slice(0, 60)}…` })),
      planFile: profile.planFile,
    };
  } finally {
    await client.end({ timeout: 5 });
  }
}
