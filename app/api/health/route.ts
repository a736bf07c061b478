// GET /api/health – 200 when the database answers and its migrations are current, else 503.
import { appContext } from "@/lib/context/current";
import { checkHealth } from "@/lib/db/check-health";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const { prisma, migrationNames } = appContext();
  const health = await checkHealth(prisma, migrationNames);
  return Response.json(health, {
    status: health.status === "ok" ? 200 : 503,
    headers: { "cache-control": "no-store" },
  });
}
