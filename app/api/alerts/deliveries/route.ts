// GET /api/alerts/deliveries?limit=&state= – recent alert deliveries and the last 24 h's counts by state.
import { z } from "zod";
import { countAlertDeliveries, listAlertDeliveries } from "@/lib/alerts/alert-deliveries";
import { DELIVERY_STATES } from "@/lib/shared/alerts/alert-view";
import { requireAdmin } from "@/lib/context/session";
import { appContext } from "@/lib/context/current";
import { errorResponse } from "@/lib/http/api-error";
import { readSearchParams } from "@/lib/http/read-search-params";

export const dynamic = "force-dynamic";

const querySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  state: z.enum(DELIVERY_STATES).optional(),
});

export async function GET(request: Request): Promise<Response> {
  try {
    await requireAdmin(request.headers);
    const query = readSearchParams(request, querySchema, `Use limit=1..500 and state=${DELIVERY_STATES.join("|")}.`);
    const prisma = appContext().prisma;
    const [deliveries, counts] = await Promise.all([
      listAlertDeliveries(prisma, { limit: query.limit, state: query.state ?? null }),
      countAlertDeliveries(prisma),
    ]);
    return Response.json({ deliveries, counts }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
