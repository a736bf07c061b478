// POST /api/webhooks/secret/rotate – make a new signing secret; the old one stays valid for the grace period.
import { errorResponse } from "@/lib/http/api-error";
import { assertSameOrigin } from "@/lib/http/assert-same-origin";
import { toSecretViews } from "@/lib/webhooks/webhook-settings";
import { rotateWebhookSecret } from "@/lib/webhooks/webhook-secrets";

export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  try {
    assertSameOrigin(request);
    const secrets = toSecretViews(await rotateWebhookSecret());
    return Response.json({ secrets }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
