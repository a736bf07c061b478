// POST /api/webhooks/secret/revoke-previous – stop accepting the previous signing secret(s) now, without waiting for
// the grace period to end (a secret that leaked). Answers { revoked, secrets } with the valid secrets left.
import { appContext } from "@/lib/context/current";
import { requireAdmin } from "@/lib/context/session";
import { errorResponse } from "@/lib/http/api-error";
import { toSecretViews } from "@/lib/flireo/webhook-settings";
import { revokePreviousWebhookSecrets } from "@/lib/webhooks/webhook-secrets";

export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  try {
    // proxy.ts admits only admins here; checked again because these change or reveal webhook settings.
    await requireAdmin(request.headers);
    const { prisma, secretBox, signing } = appContext();
    const { revoked, secrets } = await revokePreviousWebhookSecrets(prisma, secretBox);
    // This instance refuses the revoked secret from the next webhook on; the others within their cache time.
    signing.invalidate();
    return Response.json({ revoked, secrets: toSecretViews(secrets) }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error, request);
  }
}
