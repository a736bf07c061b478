// POST /api/webhooks/secret/rotate – make a new signing secret; the old one stays valid for the grace period.
import { requireAdmin } from "@/lib/auth/session";
import { errorResponse } from "@/lib/http/api-error";
import { toSecretViews } from "@/lib/webhooks/webhook-settings";
import { rotateWebhookSecret } from "@/lib/webhooks/webhook-secrets";

export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  try {
    // proxy.ts admits only admins here; checked again because these change or reveal webhook settings.
    await requireAdmin(request.headers);
    const secrets = toSecretViews(await rotateWebhookSecret());
    return Response.json({ secrets }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
