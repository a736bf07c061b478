// GET /api/alerts/deliveries?limit=&state= – recent alert deliveries and the last 24 h's counts by state.
import { countAlertDeliveries, listAlertDeliveries } from "@/lib/alerts/alert-deliveries";
import { answerDeliveryList } from "@/lib/http/answer-delivery-list";
import { DELIVERY_STATES } from "@/lib/shared/alerts/alert-view";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return answerDeliveryList(request, {
    filter: { name: "state", values: DELIVERY_STATES },
    list: (prisma, { limit, value }) => listAlertDeliveries(prisma, { limit, state: value }),
    count: (prisma) => countAlertDeliveries(prisma),
  });
}
