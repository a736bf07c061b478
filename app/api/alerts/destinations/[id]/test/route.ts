// POST /api/alerts/destinations/:id/test – send a test alert now (one attempt) and answer with the outcome, a failure's
// reason in the admin's language (the alert itself is in the destination's).
import { getLocale } from "next-intl/server";
import { sendTestAlert } from "@/lib/alerts/alert-deliveries";
import { parseAlertId } from "@/lib/alerts/alert-rules";
import { requireAdmin } from "@/lib/context/session";
import { appContext } from "@/lib/context/current";
import { errorResponse } from "@/lib/http/api-error";

export const dynamic = "force-dynamic";

export async function POST(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    await requireAdmin(request.headers);
    const id = parseAlertId((await context.params).id, "destination");
    // A failed test is a result to show, not an error of this request: 200 either way.
    return Response.json(await sendTestAlert(appContext().alerts, id, await getLocale()));
  } catch (error) {
    return errorResponse(error, request);
  }
}
