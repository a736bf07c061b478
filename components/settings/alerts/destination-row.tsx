"use client";
// One destination of a rule: where it sends (a Slack URL only masked: the server never sends it whole), on/off,
// "Send test alert" with its result, the webhook's signing secret (reveal, copy, rotate), and removal.
import { useState } from "react";
import type { AlertDestinationView, AlertRuleView, TestAlertResult } from "@/lib/shared/alerts/alert-view";
import { Notice, buttonClass } from "@/components/ui/card";
import { callApi } from "@/components/ui/call-api";
import { CopyButton } from "@/components/ui/copy-button";
import { useBusyAction } from "@/components/ui/use-busy-action";
import { Switch } from "@/components/ui/form-controls";

const KIND_BADGE: Record<AlertDestinationView["kind"], { label: string; style: string }> = {
  webhook: { label: "Webhook", style: "bg-violet-100 text-violet-800 dark:bg-violet-900/50 dark:text-violet-300" },
  slack: { label: "Slack", style: "bg-sky-100 text-sky-800 dark:bg-sky-900/50 dark:text-sky-300" },
  email: { label: "E-mail", style: "bg-amber-100 text-amber-800 dark:bg-amber-900/50 dark:text-amber-300" },
};

type Props = { destination: AlertDestinationView; onChanged: (rule: AlertRuleView) => void; onTested: () => void };

export function DestinationRow({ destination, onChanged, onTested }: Props) {
  const [secret, setSecret] = useState<string | null>(null);
  const [result, setResult] = useState<TestAlertResult | null>(null);
  const { busy, error, run } = useBusyAction<"test" | "change">();
  const badge = KIND_BADGE[destination.kind];

  const sendTest = () =>
    run(async () => {
      setResult(null);
      setResult(await callApi<TestAlertResult>("POST", `/api/alerts/destinations/${destination.id}/test`));
      onTested();
    }, "test");
  const setEnabled = (isEnabled: boolean) =>
    run(async () => onChanged((await callApi<{ rule: AlertRuleView }>("PATCH", `/api/alerts/destinations/${destination.id}`, { isEnabled })).rule), "change");
  const remove = () => {
    if (!window.confirm(`Remove the destination ${destination.label}?`)) return;
    void run(async () => onChanged((await callApi<{ rule: AlertRuleView }>("DELETE", `/api/alerts/destinations/${destination.id}`)).rule), "change");
  };
  const reveal = () => run(async () => setSecret((await callApi<{ secret: string }>("GET", `/api/alerts/destinations/${destination.id}/secret`)).secret), "change");
  const rotate = () => {
    if (!window.confirm("Make a new signing secret for this destination? Alerts are signed with it from now on: give it to the receiver, which should accept both while it switches.")) return;
    void run(async () => {
      const rotated = await callApi<{ secret: string; rule: AlertRuleView }>("POST", `/api/alerts/destinations/${destination.id}/secret/rotate`);
      setSecret(rotated.secret);
      onChanged(rotated.rule);
    }, "change");
  };

  return (
    <li data-testid="alert-destination" data-kind={destination.kind} data-destination-id={destination.id} className="flex flex-col gap-2 px-4 py-3">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <span className={`inline-block rounded px-1.5 py-0.5 text-xs font-medium ${badge.style}`}>{badge.label}</span>
        <span data-testid="destination-url-text" className={`min-w-0 flex-1 basis-40 truncate text-sm ${destination.kind === "email" ? "" : "font-mono"} ${destination.isEnabled ? "" : "text-zinc-400 line-through dark:text-zinc-500"}`} title={destination.url ?? destination.to.join(", ")}>
          {destination.url ?? destination.to.join(", ")}
        </span>
        <Switch checked={destination.isEnabled} onChange={(next) => void setEnabled(next)} label={destination.isEnabled ? "Destination on" : "Destination off"} disabled={busy !== null} testId="destination-enabled" />
        <button type="button" className={buttonClass} disabled={busy !== null} onClick={() => void sendTest()} data-testid="send-test-alert">
          {busy === "test" ? "Sending…" : "Send test alert"}
        </button>
        <button type="button" className={`${buttonClass} text-red-700 dark:text-red-400`} disabled={busy !== null} onClick={remove} aria-label={`Remove ${destination.label}`}>
          Remove
        </button>
      </div>
      {destination.kind === "webhook" && (
        <div className="flex flex-wrap items-center gap-2 text-xs text-zinc-600 dark:text-zinc-400">
          <span>Signing secret</span>
          <code data-testid="destination-secret" className="rounded border border-zinc-200 bg-zinc-50 px-2 py-0.5 font-mono break-all dark:border-zinc-700 dark:bg-zinc-800/60">
            {secret ?? destination.maskedSecret}
          </code>
          {secret ? (
            <>
              <CopyButton text={secret} testId="copy-destination-secret" />
              <button type="button" className={buttonClass} onClick={() => setSecret(null)}>
                Hide
              </button>
            </>
          ) : (
            <button type="button" className={buttonClass} disabled={busy !== null} onClick={() => void reveal()} data-testid="reveal-destination-secret">
              Reveal
            </button>
          )}
          <button type="button" className={buttonClass} disabled={busy !== null} onClick={rotate} data-testid="rotate-destination-secret">
            Rotate…
          </button>
        </div>
      )}
      {result && (
        <div data-testid="test-alert-result" data-state={result.state}>
          <Notice tone={result.state === "sent" ? "success" : "error"}>
            {result.state === "sent" ? "Test alert sent" : "Test alert failed"}
            {result.status !== null ? ` · ${destination.kind === "email" ? "SMTP" : "HTTP"} ${result.status}` : ""} · {result.durationMs} ms
            {result.error && <span className="mt-1 block font-mono text-xs break-all">{result.error}</span>}
          </Notice>
        </div>
      )}
      {error && <Notice tone="error">{error}</Notice>}
    </li>
  );
}
