// POST /api/webhooks/test-event – send a signed status-update through this server's webhook route; show what it said.
import { errorResponse } from "@/lib/http/api-error";
import { assertSameOrigin } from "@/lib/http/assert-same-origin";
import { sendTestEvent } from "@/lib/webhooks/send-test-event";

export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  try {
    assertSameOrigin(request);
    return Response.json(await sendTestEvent());
  } catch (error) {
    return errorResponse(error);
  }
}
