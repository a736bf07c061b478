// GET /api/webhooks/secret – reveal the valid webhook signing secrets (the current one first).
import { errorResponse } from "@/lib/http/api-error";
import { toSecretViews } from "@/lib/webhooks/webhook-settings";
import { findValidWebhookSecrets, getCurrentWebhookSecret } from "@/lib/webhooks/webhook-secrets";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  try {
    await getCurrentWebhookSecret();
    const secrets = toSecretViews(await findValidWebhookSecrets());
    return Response.json({ secrets }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
