// GET /api/webhooks/deliveries?limit=&outcome= – recent webhook deliveries and the last 24 h's counts by outcome.
import { appContext } from "@/lib/context/current";
import { requireAdmin } from "@/lib/context/session";
import { answerDeliveryList } from "@/lib/http/answer-delivery-list";
import { errorResponse } from "@/lib/http/api-error";
import { DELIVERY_OUTCOMES, countDeliveriesByOutcome, listDeliveries } from "@/lib/webhooks/delivery-log";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  try {
    // proxy.ts admits only admins here; checked again because these change or reveal webhook settings.
    await requireAdmin(request.headers);
    return await answerDeliveryList(request, appContext().prisma, {
      filter: { name: "outcome", values: DELIVERY_OUTCOMES },
      list: (prisma, { limit, value }) => listDeliveries(prisma, { limit, outcome: value }),
      count: countDeliveriesByOutcome,
    });
  } catch (error) {
    return errorResponse(error, request);
  }
}
