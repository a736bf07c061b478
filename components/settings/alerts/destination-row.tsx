"use client";
// One destination of a rule: where it sends (a Slack URL only masked: the server never sends it whole), on/off,
// the language its alerts are written in, "Send test alert" with its result, the webhook's signing secret (reveal,
// copy, rotate), and removal.
import { useTranslations } from "next-intl";
import { useState } from "react";
import { isLocale, type Locale } from "@/lib/shared/i18n/locales";
import type { AlertDestinationView, AlertRuleView, TestAlertResult } from "@/lib/shared/alerts/alert-view";
import { Notice, buttonClass } from "@/components/ui/card";
import { callApi } from "@/components/ui/call-api";
import { CopyButton } from "@/components/ui/copy-button";
import { useBusyAction } from "@/components/ui/use-busy-action";
import { Switch } from "@/components/ui/form-controls";
import { LocaleOptions } from "./destination-fields";

const KIND_BADGE_STYLE: Record<AlertDestinationView["kind"], string> = {
  webhook: "bg-violet-100 text-violet-800 dark:bg-violet-900/50 dark:text-violet-300",
  slack: "bg-sky-100 text-sky-800 dark:bg-sky-900/50 dark:text-sky-300",
  email: "bg-amber-100 text-amber-800 dark:bg-amber-900/50 dark:text-amber-300",
};

/** The language of this destination's alerts, shown on a line of its own and changed in place. */
function LocaleSelect({ destination, disabled, onChange }: { destination: AlertDestinationView; disabled: boolean; onChange: (locale: Locale) => void }) {
  const t = useTranslations("alerts.destination");
  return (
    <div className="flex flex-wrap items-center gap-2 text-xs text-zinc-600 dark:text-zinc-400">
      <span aria-hidden>{t("language")}</span>
      <select
        className="h-7 rounded-lg border border-zinc-300 bg-white px-2 text-xs text-zinc-900 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
        value={destination.locale}
        aria-label={t("languageOf", { label: destination.label })}
        disabled={disabled}
        onChange={(event) => isLocale(event.target.value) && onChange(event.target.value)}
        data-testid="destination-locale"
      >
        <LocaleOptions />
      </select>
    </div>
  );
}

/** "Test alert sent · HTTP 200 · 41 ms", or failed with the reason. */
function TestAlertNotice({ result, kind }: { result: TestAlertResult; kind: AlertDestinationView["kind"] }) {
  const t = useTranslations("alerts.destination");
  return (
    <div data-testid="test-alert-result" data-state={result.state}>
      <Notice tone={result.state === "sent" ? "success" : "error"}>
        {result.state === "sent" ? t("testSent") : t("testFailed")}
        {result.status !== null ? ` · ${kind === "email" ? "SMTP" : "HTTP"} ${result.status}` : ""} · {t("duration", { ms: result.durationMs })}
        {result.error && <span className="mt-1 block font-mono text-xs break-all">{result.error}</span>}
      </Notice>
    </div>
  );
}

type Props = { destination: AlertDestinationView; onChanged: (rule: AlertRuleView) => void; onTested: () => void };

export function DestinationRow({ destination, onChanged, onTested }: Props) {
  const [secret, setSecret] = useState<string | null>(null);
  const [result, setResult] = useState<TestAlertResult | null>(null);
  const { busy, error, run } = useBusyAction<"test" | "change">();
  const t = useTranslations("alerts.destination");

  const sendTest = () =>
    run(async () => {
      setResult(null);
      setResult(await callApi<TestAlertResult>("POST", `/api/alerts/destinations/${destination.id}/test`));
      onTested();
    }, "test");
  const setEnabled = (isEnabled: boolean) =>
    run(async () => onChanged((await callApi<{ rule: AlertRuleView }>("PATCH", `/api/alerts/destinations/${destination.id}`, { isEnabled })).rule), "change");
  const setLocale = (locale: Locale) =>
    run(async () => onChanged((await callApi<{ rule: AlertRuleView }>("PATCH", `/api/alerts/destinations/${destination.id}`, { locale })).rule), "change");
  const remove = () => {
    if (!window.confirm(t("confirmRemove", { label: destination.label }))) return;
    void run(async () => onChanged((await callApi<{ rule: AlertRuleView }>("DELETE", `/api/alerts/destinations/${destination.id}`)).rule), "change");
  };
  const reveal = () => run(async () => setSecret((await callApi<{ secret: string }>("GET", `/api/alerts/destinations/${destination.id}/secret`)).secret), "change");
  const rotate = () => {
    if (!window.confirm(t("confirmRotate"))) return;
    void run(async () => {
      const rotated = await callApi<{ secret: string; rule: AlertRuleView }>("POST", `/api/alerts/destinations/${destination.id}/secret/rotate`);
      setSecret(rotated.secret);
      onChanged(rotated.rule);
    }, "change");
  };

  return (
    <li data-testid="alert-destination" data-kind={destination.kind} data-destination-id={destination.id} className="flex flex-col gap-2 px-4 py-3">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <span className={`inline-block rounded px-1.5 py-0.5 text-xs font-medium ${KIND_BADGE_STYLE[destination.kind]}`}>{t(`badge.${destination.kind}`)}</span>
        <span data-testid="destination-url-text" className={`min-w-0 flex-1 basis-40 truncate text-sm ${destination.kind === "email" ? "" : "font-mono"} ${destination.isEnabled ? "" : "text-zinc-400 line-through dark:text-zinc-500"}`} title={destination.url ?? destination.to.join(", ")}>
          {destination.url ?? destination.to.join(", ")}
        </span>
        <Switch checked={destination.isEnabled} onChange={(next) => void setEnabled(next)} label={destination.isEnabled ? t("on") : t("off")} disabled={busy !== null} testId="destination-enabled" />
        <button type="button" className={buttonClass} disabled={busy !== null} onClick={() => void sendTest()} data-testid="send-test-alert">
          {busy === "test" ? t("sending") : t("sendTest")}
        </button>
        <button type="button" className={`${buttonClass} text-red-700 dark:text-red-400`} disabled={busy !== null} onClick={remove} aria-label={t("removeLabel", { label: destination.label })}>
          {t("remove")}
        </button>
      </div>
      <LocaleSelect destination={destination} disabled={busy !== null} onChange={(locale) => void setLocale(locale)} />
      {destination.kind === "webhook" && (
        <div className="flex flex-wrap items-center gap-2 text-xs text-zinc-600 dark:text-zinc-400">
          <span>{t("signingSecret")}</span>
          <code data-testid="destination-secret" className="rounded border border-zinc-200 bg-zinc-50 px-2 py-0.5 font-mono break-all dark:border-zinc-700 dark:bg-zinc-800/60">
            {secret ?? destination.maskedSecret}
          </code>
          {secret ? (
            <>
              <CopyButton text={secret} testId="copy-destination-secret" />
              <button type="button" className={buttonClass} onClick={() => setSecret(null)}>
                {t("hide")}
              </button>
            </>
          ) : (
            <button type="button" className={buttonClass} disabled={busy !== null} onClick={() => void reveal()} data-testid="reveal-destination-secret">
              {t("reveal")}
            </button>
          )}
          <button type="button" className={buttonClass} disabled={busy !== null} onClick={rotate} data-testid="rotate-destination-secret">
            {t("rotate")}
          </button>
        </div>
      )}
      {result && <TestAlertNotice result={result} kind={destination.kind} />}
      {error && <Notice tone="error">{error}</Notice>}
    </li>
  );
}
