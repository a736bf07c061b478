// /webhooks – everything needed to point Flireo at this Callboard.
import { toHeaderUser } from "@/components/header/app-header";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { appContext } from "@/lib/context/current";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { SecretsUnavailable } from "@/components/settings/secrets-unavailable";
import { WebhooksSetup } from "@/components/settings/webhooks/webhooks-setup";
import { getSessionUser } from "@/lib/context/session";
import { loadWebhookSettingsView } from "@/lib/flireo/webhook-settings";
import { listRecentRounds } from "@/lib/reconcile/reconcile-rounds";
import { isUndecryptableSecretError } from "@/lib/secrets/secret-box";
import { readRequestOrigin } from "@/lib/webhooks/webhook-url";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("webhooks");
  return { title: t("pageTitle") };
}

export default async function WebhooksPage() {
  const requestHeaders = await headers();
  // proxy.ts sends viewers a 403 before this runs; this is the second line, since the page reveals secrets.
  const user = await getSessionUser(requestHeaders);
  if (user?.role !== "admin") notFound();
  let settings;
  try {
    settings = await loadWebhookSettingsView(appContext(), readRequestOrigin(requestHeaders));
  } catch (error) {
    if (isUndecryptableSecretError(error)) return <SecretsUnavailable title={(await getTranslations("webhooks"))("title")} message={error.message} user={toHeaderUser(user)} />;
    throw error;
  }
  const { database, env } = appContext();
  const rounds = await listRecentRounds(database.pool, 10);
  return <WebhooksSetup user={toHeaderUser(user)} settings={settings} reconcile={{ rounds, intervalSeconds: env.FLIREO_RECONCILE_SECONDS }} />;
}
