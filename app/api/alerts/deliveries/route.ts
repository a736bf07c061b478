// GET /api/alerts/deliveries?limit=&state= – recent alert deliveries and the last 24 h's counts by state.
import { countAlertDeliveries, listAlertDeliveries } from "@/lib/alerts/alert-deliveries";
import { appContext } from "@/lib/context/current";
import { requireAdmin } from "@/lib/context/session";
import { answerDeliveryList } from "@/lib/http/answer-delivery-list";
import { errorResponse } from "@/lib/http/api-error";
import { DELIVERY_STATES } from "@/lib/shared/alerts/alert-view";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  try {
    await requireAdmin(request.headers);
    return await answerDeliveryList(request, appContext().prisma, {
      filter: { name: "state", values: DELIVERY_STATES },
      list: (prisma, { limit, value }) => listAlertDeliveries(prisma, { limit, state: value }),
      count: (prisma) => countAlertDeliveries(prisma),
    });
  } catch (error) {
    return errorResponse(error, request);
  }
}
