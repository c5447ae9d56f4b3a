import { checkHealth } from "@/server/health";

export const dynamic = "force-dynamic";

/** GET /api/health: database, SMTP and job-queue status for monitoring. No PHI. */
export async function GET() {
  const health = await checkHealth();
  return Response.json(health, {
    status: health.checks.database.ok ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
