// GET /api/webhooks/deliveries?limit=&outcome= – recent webhook deliveries and the last 24 h's counts by outcome.
import { requireAdmin } from "@/lib/context/session";
import { z } from "zod";
import { appContext } from "@/lib/context/current";
import { errorResponse } from "@/lib/http/api-error";
import { readSearchParams } from "@/lib/http/read-search-params";
import { DELIVERY_OUTCOMES, countDeliveriesByOutcome, listDeliveries } from "@/lib/webhooks/delivery-log";

export const dynamic = "force-dynamic";

const querySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  outcome: z.enum(DELIVERY_OUTCOMES).optional(),
});

export async function GET(request: Request): Promise<Response> {
  try {
    // proxy.ts admits only admins here; checked again because these change or reveal webhook settings.
    await requireAdmin(request.headers);
    const query = readSearchParams(request, querySchema, `Use limit=1..500 and outcome=${DELIVERY_OUTCOMES.join("|")}.`);
    const prisma = appContext().prisma;
    const [deliveries, counts] = await Promise.all([
      listDeliveries(prisma, { limit: query.limit, outcome: query.outcome ?? null }),
      countDeliveriesByOutcome(prisma),
    ]);
    return Response.json({ deliveries, counts }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
