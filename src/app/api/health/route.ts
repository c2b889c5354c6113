import { checkDatabaseHealth } from "@/server/data/health";

export const dynamic = "force-dynamic";

/** Liveness and readiness for load balancers: 200 when the database answers, 503 otherwise. */
export async function GET() {
  const database = await checkDatabaseHealth();
  const ok = database.ok;
  return Response.json(
    { status: ok ? "ok" : "degraded", app: { ok: true, uptimeSeconds: Math.round(process.uptime()) }, database },
    { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
