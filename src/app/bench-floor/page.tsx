import { notFound } from "next/navigation";
import { connection } from "next/server";

import { env } from "@/env";

/**
 * The benchmark's framework floor: a dynamic page of the same build that does nothing (no session,
 * no tenant, no app shell), so `npm run bench` can state every page's CPU as a multiple of what
 * Next.js alone costs per request on that machine. Answered only when BENCH_FLOOR_PAGE=on (the
 * bench server sets it); everywhere else it is a plain 404.
 */
export default async function BenchFloorPage() {
  await connection();
  if (env().BENCH_FLOOR_PAGE !== "on") notFound();
  return <p>ok</p>;
}
