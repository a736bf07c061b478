// GET /api/metrics – Prometheus metrics of this instance.
import { appContext } from "@/lib/context/current";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const { registry } = appContext().metrics;
  return new Response(await registry.metrics(), {
    headers: { "content-type": registry.contentType, "cache-control": "no-store" },
  });
}
