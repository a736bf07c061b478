// /settings/alerts – error alert rules, their destinations, test alerts and the alert delivery log.
import { toHeaderUser } from "@/components/header/app-header";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { AlertsSettings } from "@/components/settings/alerts/alerts-settings";
import { SecretsUnavailable } from "@/components/settings/secrets-unavailable";
import { listAlertRules } from "@/lib/alerts/alert-rules";
import { getSessionUser } from "@/lib/context/session";
import { appContext } from "@/lib/context/current";
import { env } from "@/lib/env";
import { isUndecryptableSecretError } from "@/lib/secrets/secret-box";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("alerts");
  return { title: t("pageTitle") };
}

export default async function AlertsPage() {
  // proxy.ts sends viewers a 403 before this runs; this is the second line.
  const user = await getSessionUser(await headers());
  if (user?.role !== "admin") notFound();
  const { prisma, secretBox } = appContext();
  let rules;
  try {
    rules = await listAlertRules(prisma, secretBox);
  } catch (error) {
    if (isUndecryptableSecretError(error)) return <SecretsUnavailable title={(await getTranslations("alerts"))("title")} message={error.message} user={toHeaderUser(user)} />;
    throw error;
  }
  return (
    <AlertsSettings
      user={toHeaderUser(user)}
      initialRules={rules}
      setup={{
        isEmailConfigured: Boolean(env.ALERT_SMTP_URL),
        emailFrom: env.ALERT_EMAIL_FROM,
        hasPublicBaseUrl: Boolean(env.PUBLIC_BASE_URL),
        maxAttempts: env.ALERT_MAX_ATTEMPTS,
      }}
    />
  );
}
