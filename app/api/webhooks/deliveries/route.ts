// GET /api/webhooks/deliveries?limit=&outcome= – recent webhook deliveries and the last 24 h's counts by outcome.
import { answerDeliveryList } from "@/lib/http/answer-delivery-list";
import { DELIVERY_OUTCOMES, countDeliveriesByOutcome, listDeliveries } from "@/lib/webhooks/delivery-log";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return answerDeliveryList(request, {
    filter: { name: "outcome", values: DELIVERY_OUTCOMES },
    list: (prisma, { limit, value }) => listDeliveries(prisma, { limit, outcome: value }),
    count: countDeliveriesByOutcome,
  });
}
