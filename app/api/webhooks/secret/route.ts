// GET /api/webhooks/secret – reveal the valid webhook signing secrets (the current one first).
import { appContext } from "@/lib/context/current";
import { requireAdmin } from "@/lib/context/session";
import { errorResponse } from "@/lib/http/api-error";
import { toSecretViews } from "@/lib/flireo/webhook-settings";
import { findValidWebhookSecrets, getCurrentWebhookSecret } from "@/lib/webhooks/webhook-secrets";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  try {
    // proxy.ts admits only admins here; checked again because these change or reveal webhook settings.
    await requireAdmin(request.headers);
    const { prisma, secretBox } = appContext();
    await getCurrentWebhookSecret(prisma, secretBox);
    const secrets = toSecretViews(await findValidWebhookSecrets(prisma, secretBox));
    return Response.json({ secrets }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error, request);
  }
}
