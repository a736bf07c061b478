// POST /api/webhooks/test-event – send a signed status-update through this server's webhook route; show what it said.
import { requireAdmin } from "@/lib/auth/session";
import { errorResponse } from "@/lib/http/api-error";
import { sendTestEvent } from "@/lib/webhooks/send-test-event";

export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  try {
    // proxy.ts admits only admins here; checked again because these change or reveal webhook settings.
    await requireAdmin(request.headers);
    return Response.json(await sendTestEvent());
  } catch (error) {
    return errorResponse(error);
  }
}
