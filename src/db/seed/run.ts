import "server-only";

import type { Database } from "@/db/client";

import { demoLoginsTable, hasDemoData, isDatabaseEmpty, seedDemo } from "./demo";
import { seedDemoDeals } from "./demo-deals";

/** Per-capability demo content, run inside the demo transaction after orgs and people exist. */
const DEMO_EXTENSIONS: Parameters<typeof seedDemo>[1] = [(db, orgs) => seedDemoDeals(db, orgs)];

export async function seedDemoIfEmpty(db: Database): Promise<boolean> {
  if (!(await isDatabaseEmpty(db))) return false;
  await seedDemo(db, DEMO_EXTENSIONS);
  return true;
}

export { demoLoginsTable, hasDemoData };
