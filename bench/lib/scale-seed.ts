import { sql } from "drizzle-orm";

import type { Database } from "@/db/client";

import { PROFILE_VERSION, SCALE } from "./config";
import { loadScaleProfile, type LoadStep } from "./scale-load";
import { pgArray } from "./util";

export type ScaleMarker = {
  version: number;
  loadedAt: string;
  seconds: number;
  steps: LoadStep[];
  counts: Record<string, number>;
  /** False when this call found the data already there. */
  loadedNow: boolean;
};

/**
 * Idempotent: the marker row (bench.scale_profile) is written in the load's own transaction, so it
 * exists exactly when the whole profile does. A different profile version or scale orgs without a
 * marker mean a half-known database: refuse rather than guess.
 */
export async function ensureScaleData(db: Database, log: (m: string) => void = console.log): Promise<ScaleMarker> {
  const existing = await readMarker(db);
  if (existing?.version === PROFILE_VERSION) {
    log(
      `Scale profile v${existing.version} already loaded at ${existing.loadedAt} (took ${existing.seconds.toFixed(0)} s): skipping the load.`,
    );
    return { ...existing, loadedNow: false };
  }
  const [orgs] = (await db.execute(
    sql`select count(*)::int as n from organizations where slug = any(${pgArray(SCALE.orgs.map((o) => o.slug))}::text[])`,
  )) as unknown as { n: number }[];
  if (existing || orgs!.n > 0) {
    throw new Error(
      `The bench database holds ${existing ? `scale profile v${existing.version}` : "scale orgs without a load marker"}, not v${PROFILE_VERSION}. ` +
        `Reload it with \`npm run tsx -- bench/seed-scale.mts --reset\` (stops nothing: make sure no bench server is running).`,
    );
  }
  log(
    `Loading the scale profile: ${SCALE.orgs.length} orgs × ${SCALE.dealsPerOrg.toLocaleString("en")} deals × ${SCALE.completedActionsPerOrg.toLocaleString("en")} completed actions…`,
  );
  const report = await loadScaleProfile(db, log);
  log(`Scale profile loaded in ${report.seconds.toFixed(1)} s.`);
  const marker = await readMarker(db);
  return { ...marker!, loadedNow: true };
}

export async function readMarker(db: Database): Promise<Omit<ScaleMarker, "loadedNow"> | undefined> {
  const [exists] = (await db.execute(sql`select to_regclass('bench.scale_profile') is not null as present`)) as unknown as {
    present: boolean;
  }[];
  if (!exists!.present) return undefined;
  const [row] = (await db.execute(
    sql`select version, loaded_at, seconds, steps, counts from bench.scale_profile order by version desc limit 1`,
  )) as unknown as {
    version: number;
    loaded_at: string;
    seconds: number;
    steps: LoadStep[];
    counts: Record<string, number>;
  }[];
  if (!row) return undefined;
  return {
    version: row.version,
    loadedAt: new Date(row.loaded_at).toISOString(),
    seconds: row.seconds,
    steps: row.steps,
    counts: row.counts,
  };
}
