"use client";
// The webhooks page: the URL to give Flireo, the signing secret, the events, a test event, the delivery log and
// registration through Flireo's API, and the last rounds of checking the board against it.
import { AdminPageHeader } from "@/components/settings/admin-page-header";
import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import type { HeaderUser } from "@/components/header/app-header";
import type { TestEventResult, WebhookSettingsView } from "@/lib/shared/flireo/flireo-view";
import { callApi } from "@/components/ui/call-api";
import { Card, Notice, primaryButtonClass } from "@/components/ui/card";
import { CopyableValue } from "@/components/ui/copy-button";
import { DeliveryLogCard } from "./delivery-log-card";
import { FlireoRegistrationCard } from "./flireo-registration-card";
import { ReconcileRoundsCard } from "./reconcile-rounds-card";
import type { ReconcileRoundView } from "@/lib/shared/flireo/reconcile-view";
import { SigningSecretCard } from "./signing-secret-card";
import { useBusyAction } from "@/components/ui/use-busy-action";

const code = (chunks: ReactNode) => <code className="font-mono">{chunks}</code>;

function EventsCard({ available, enabled }: { available: string[]; enabled: string[] }) {
  const t = useTranslations("webhooks.events");
  const [events, setEvents] = useState(enabled);
  const [error, setError] = useState<string | null>(null);
  const toggle = async (event: string) => {
    const next = events.includes(event) ? events.filter((item) => item !== event) : [...events, event];
    setError(null);
    try {
      setEvents((await callApi<{ events: string[] }>("PUT", "/api/webhooks/events", { events: next })).events);
    } catch (caught) {
      setError((caught as Error).message);
    }
  };
  return (
    <Card id="webhook-events" title={t("title")}>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("intro")}</p>
      <div className="flex flex-wrap gap-4">
        {available.map((event) => (
          <label key={event} className="inline-flex items-center gap-2 font-mono text-sm">
            <input type="checkbox" className="size-4" checked={events.includes(event)} onChange={() => void toggle(event)} data-testid={`event-${event}`} />
            {event}
          </label>
        ))}
      </div>
      {error && <Notice tone="error">{error}</Notice>}
    </Card>
  );
}

function TestEventCard({ onSent }: { onSent: () => void }) {
  const t = useTranslations("webhooks.testEvent");
  const [result, setResult] = useState<TestEventResult | null>(null);
  const { busy, error, run } = useBusyAction();
  const isBusy = busy !== null;
  // The request and Flireo-style answer as the wire had them: the method and headers are not words to translate.
  const exchange = result && ["POST " + result.url, t("callId", { id: result.callId }), "", result.response].join("\n");
  const send = () =>
    run(async () => {
      setResult(await callApi<TestEventResult>("POST", "/api/webhooks/test-event"));
      onSent();
    });
  return (
    <Card id="test-event" title={t("title")}>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("intro")}</p>
      <div>
        <button type="button" className={primaryButtonClass} disabled={isBusy} onClick={() => void send()} data-testid="send-test-event">
          {isBusy ? t("sending") : t("send")}
        </button>
      </div>
      {result && (
        <div data-testid="test-event-result" data-accepted={result.isAccepted} className="flex flex-col gap-2">
          <Notice tone={result.isAccepted ? "success" : "error"}>
            {t(result.isAccepted ? "accepted" : "refused", { status: result.status ?? "—", ms: result.durationMs })}
          </Notice>
          <pre className="overflow-x-auto rounded-lg bg-zinc-50 px-3 py-2 font-mono text-xs text-zinc-700 dark:bg-zinc-800/60 dark:text-zinc-300">
            {exchange}
          </pre>
        </div>
      )}
      {error && <Notice tone="error">{error}</Notice>}
    </Card>
  );
}

export function WebhooksSetup({ user, settings, reconcile }: { user: HeaderUser; settings: WebhookSettingsView; reconcile: { rounds: ReconcileRoundView[]; intervalSeconds: number } }) {
  // Bumped on rotation, so the assistants list shows which ones still use the previous secret.
  const [secretVersion, setSecretVersion] = useState(0);
  const [testEvents, setTestEvents] = useState(0);
  const t = useTranslations("webhooks");
  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-6 px-4 py-6 sm:px-6 lg:px-8">
      <AdminPageHeader title={t("title")} user={user} />

      <main className="flex flex-col gap-6">
        <div className="grid grid-cols-1 items-start gap-6 lg:grid-cols-2">
          <div className="flex flex-col gap-6">
            <Card id="webhook-url" title={t("url.title")}>
              <p className="text-sm text-zinc-600 dark:text-zinc-400">
                {t.rich(settings.webhookUrlSource === "PUBLIC_BASE_URL" ? "url.fromPublicBaseUrl" : "url.fromRequest", { code })}
              </p>
              <CopyableValue value={settings.webhookUrl} testId="webhook-url-value" copyTestId="copy-webhook-url" />
              {settings.warnings.map((warning) => (
                <Notice key={warning.kind} tone="warning" testId="webhook-url-warning">
                  {warning.kind === "local-host" ? t("url.localHost", { host: warning.host }) : t("url.plainHttp")}
                </Notice>
              ))}
            </Card>
            <SigningSecretCard
              maskedSecret={settings.maskedSecret}
              graceHours={settings.graceHours}
              previousValidUntil={settings.previousSecretsValidUntil}
              isSignatureRequired={settings.isSignatureRequired}
              onRotated={() => setSecretVersion((version) => version + 1)}
            />
          </div>
          <div className="flex flex-col gap-6">
            <FlireoRegistrationCard apiKeySource={settings.apiKeySource} apiBaseUrl={settings.flireoApiBaseUrl} secretVersion={secretVersion} />
            <EventsCard available={settings.availableEvents} enabled={settings.enabledEvents} />
            <TestEventCard onSent={() => setTestEvents((count) => count + 1)} />
          </div>
        </div>
        {/* The whole width: a log reads best one delivery per line. */}
        <DeliveryLogCard refreshKey={testEvents} />
        <ReconcileRoundsCard rounds={reconcile.rounds} intervalSeconds={reconcile.intervalSeconds} />
      </main>
    </div>
  );
}
