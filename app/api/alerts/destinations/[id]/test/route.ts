// POST /api/alerts/destinations/:id/test – send a test alert now (one attempt) and answer with the outcome.
import { sendTestAlert } from "@/lib/alerts/alert-deliveries";
import { parseAlertId } from "@/lib/alerts/alert-rules";
import { requireAdmin } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { errorResponse } from "@/lib/http/api-error";

export const dynamic = "force-dynamic";

export async function POST(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    await requireAdmin(request.headers);
    const id = parseAlertId((await context.params).id, "destination");
    // A failed test is a result to show, not an error of this request: 200 either way.
    return Response.json(await sendTestAlert(getPrisma(), id));
  } catch (error) {
    return errorResponse(error);
  }
}
