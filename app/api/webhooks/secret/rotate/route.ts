// POST /api/webhooks/secret/rotate – make a new signing secret; the old one stays valid for the grace period.
import { appContext } from "@/lib/context/current";
import { requireAdmin } from "@/lib/context/session";
import { errorResponse } from "@/lib/http/api-error";
import { toSecretViews } from "@/lib/flireo/webhook-settings";
import { rotateWebhookSecret } from "@/lib/webhooks/webhook-secrets";

export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  try {
    // proxy.ts admits only admins here; checked again because these change or reveal webhook settings.
    await requireAdmin(request.headers);
    const { prisma, secretBox, env, signing } = appContext();
    const rotated = await rotateWebhookSecret(prisma, secretBox, env.WEBHOOK_SECRET_GRACE_HOURS);
    signing.invalidate();
    const secrets = toSecretViews(rotated);
    return Response.json({ secrets }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error, request);
  }
}
