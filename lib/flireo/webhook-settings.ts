// Everything the webhooks page shows and the registration needs, gathered in one place for the page, the API
// routes and the command line.
import { env } from "@/lib/env";
import { resolveFlireoApiKey } from "./flireo-api-key";
import type { SecretView, WebhookSettingsView } from "@/lib/shared/flireo/flireo-view";
import type { RegistrationTarget } from "./manage-registrations";
import { HANDLED_EVENT_TYPES } from "@/lib/calls/call-event";
import { getEnabledWebhookEvents } from "@/lib/webhooks/webhook-events-setting";
import type { PrismaClient } from "@/lib/db/generated/client";
import type { SecretBox } from "@/lib/secrets/secret-box";
import { findValidWebhookSecrets, getCurrentWebhookSecret, type SigningSecrets, type StoredWebhookSecret } from "@/lib/webhooks/webhook-secrets";
import { resolveWebhookUrl } from "@/lib/webhooks/webhook-url";

export function maskSecret(secret: string): string {
  return `${secret.slice(0, 10)}${"•".repeat(16)}`;
}

export async function loadWebhookSettingsView(
  { prisma, secretBox, signing }: { prisma: PrismaClient; secretBox: SecretBox; signing: SigningSecrets },
  requestOrigin: string | null,
): Promise<WebhookSettingsView> {
  const webhookUrl = resolveWebhookUrl(requestOrigin);
  const current = await getCurrentWebhookSecret(prisma, secretBox);
  const [valid, enabledEvents, apiKey, policy] = await Promise.all([
    findValidWebhookSecrets(prisma, secretBox),
    getEnabledWebhookEvents(prisma),
    resolveFlireoApiKey(prisma, secretBox),
    signing.policy(),
  ]);
  return {
    webhookUrl: webhookUrl.url,
    webhookUrlSource: webhookUrl.source,
    warnings: webhookUrl.problems,
    availableEvents: [...HANDLED_EVENT_TYPES],
    enabledEvents,
    isSignatureRequired: policy.isSignatureRequired,
    maskedSecret: maskSecret(current.secret),
    secretCreatedAt: current.createdAt.toISOString(),
    previousSecretsValidUntil: valid.flatMap((secret) => (secret.validUntil ? [secret.validUntil.toISOString()] : [])),
    graceHours: env.WEBHOOK_SECRET_GRACE_HOURS,
    apiKeySource: apiKey?.source ?? null,
    flireoApiBaseUrl: env.FLIREO_API_BASE_URL,
  };
}

export function toSecretViews(secrets: StoredWebhookSecret[]): SecretView[] {
  return secrets.map((secret) => ({
    secret: secret.secret,
    createdAt: secret.createdAt.toISOString(),
    validUntil: secret.validUntil?.toISOString() ?? null,
  }));
}

export async function loadRegistrationTarget(prisma: PrismaClient, box: SecretBox, requestOrigin: string | null): Promise<RegistrationTarget> {
  const current = await getCurrentWebhookSecret(prisma, box);
  const [valid, events] = await Promise.all([findValidWebhookSecrets(prisma, box), getEnabledWebhookEvents(prisma)]);
  return {
    webhookUrl: resolveWebhookUrl(requestOrigin).url,
    secrets: [current.secret, ...valid.filter((secret) => secret.secret !== current.secret).map((secret) => secret.secret), ...env.FLIREO_WEBHOOK_SECRET],
    events,
  };
}
