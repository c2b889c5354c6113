import { databaseContext } from "@/server/data/context";
import { checkDatabaseHealth } from "@/server/data/health";

export const dynamic = "force-dynamic";

/**
 * Liveness and readiness for load balancers: 200 when the database answers, 503 otherwise. Public,
 * so it says nothing but the status: the driver's error (which can quote SQL), uptime and the
 * migration count go to the server log, not to whoever asks.
 */
export async function GET() {
  const { ok } = await checkDatabaseHealth(databaseContext());
  return Response.json({ status: ok ? "ok" : "unavailable" }, { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
