// POST /api/webhooks/test-event – send a signed status-update through this server's webhook route; show what it said.
import { requireAdmin } from "@/lib/context/session";
import { appContext } from "@/lib/context/current";
import { errorResponse } from "@/lib/http/api-error";
import { sendTestEvent } from "@/lib/webhooks/send-test-event";

export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  try {
    // proxy.ts admits only admins here; checked again because these change or reveal webhook settings.
    await requireAdmin(request.headers);
    const { prisma, secretBox, env, deliveries } = appContext();
    const result = await sendTestEvent(prisma, secretBox, env);
    // The webhook route queued its delivery-log row before answering; written now, the page's next read of the log
    // shows the test event instead of waiting for the queue's own flush.
    await deliveries.flush();
    return Response.json(result);
  } catch (error) {
    return errorResponse(error, request);
  }
}
