// GET /api/metrics – Prometheus metrics of this instance.
import { getMetrics } from "@/lib/observability/metrics";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const { registry } = getMetrics();
  return new Response(await registry.metrics(), {
    headers: { "content-type": registry.contentType, "cache-control": "no-store" },
  });
}
