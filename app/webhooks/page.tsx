// /webhooks – everything needed to point Flireo at this Callboard.
import type { Metadata } from "next";
import { headers } from "next/headers";
import { WebhooksSetup } from "@/components/webhooks/webhooks-setup";
import { loadWebhookSettingsView } from "@/lib/webhooks/webhook-settings";
import { readRequestOrigin } from "@/lib/webhooks/webhook-url";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Webhooks · Callboard" };

export default async function WebhooksPage() {
  const settings = await loadWebhookSettingsView(readRequestOrigin(await headers()));
  return <WebhooksSetup settings={settings} />;
}
