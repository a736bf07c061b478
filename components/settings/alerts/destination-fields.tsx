"use client";
// The fields of one alert destination: its kind, and a URL or e-mail recipients.
import { DESTINATION_KIND_LABEL, DESTINATION_KINDS, type DestinationKind } from "@/lib/shared/alerts/alert-view";
import { Field, inputClass } from "@/components/ui/form-controls";

export type DestinationDraft = { kind: DestinationKind; url: string; to: string };

export const EMPTY_DESTINATION: DestinationDraft = { kind: "webhook", url: "", to: "" };

/** The API's shape: { kind, url } or { kind: "email", to: [...] }. */
export function toDestinationInput(draft: DestinationDraft) {
  if (draft.kind === "email") return { kind: draft.kind, to: draft.to.split(/[\s,;]+/).filter(Boolean) };
  return { kind: draft.kind, url: draft.url.trim() };
}

const URL_HINT: Record<Exclude<DestinationKind, "email">, string> = {
  webhook: "Receives a JSON body signed with HMAC-SHA256 (X-Webhook-Signature); the secret is shown once saved.",
  slack: "A Slack incoming-webhook URL, https://hooks.slack.com/… (a Slack-compatible server such as Mattermost once its host is in ALERT_SLACK_HOSTS).",
};

/** A Slack incoming-webhook address: Slack refuses the signed JSON of a plain webhook, so Slack is what fits. */
function isSlackAddress(url: string): boolean {
  try {
    return new URL(url.trim()).hostname.toLowerCase() === "hooks.slack.com";
  } catch {
    return false;
  }
}

export function DestinationFields({ value, onChange, isEmailConfigured }: { value: DestinationDraft; onChange: (next: DestinationDraft) => void; isEmailConfigured: boolean }) {
  return (
    <div className="grid gap-3 sm:grid-cols-[15rem_minmax(0,1fr)]">
      <Field label="Send to">
        <select className={inputClass} value={value.kind} onChange={(event) => onChange({ ...value, kind: event.target.value as DestinationKind })} data-testid="destination-kind">
          {DESTINATION_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {DESTINATION_KIND_LABEL[kind]}
            </option>
          ))}
        </select>
      </Field>
      {value.kind === "email" ? (
        <Field label="Recipients" hint={isEmailConfigured ? "One or more addresses, separated by commas." : "E-mail is not set up on this server yet: set ALERT_SMTP_URL."}>
          <input className={inputClass} type="text" inputMode="email" placeholder="oncall@example.com, ops@example.com" value={value.to} onChange={(event) => onChange({ ...value, to: event.target.value })} data-testid="destination-to" />
        </Field>
      ) : (
        <div className="flex min-w-0 flex-col gap-1">
          <Field label={value.kind === "slack" ? "Slack webhook URL" : "Webhook URL"} hint={URL_HINT[value.kind]}>
            <input
              className={`${inputClass} font-mono`}
              type="url"
              placeholder={value.kind === "slack" ? "https://hooks.slack.com/services/…" : "https://example.com/callboard-alerts"}
              value={value.url}
              onChange={(event) => onChange({ ...value, url: event.target.value })}
              data-testid="destination-url"
            />
          </Field>
          {value.kind === "webhook" && isSlackAddress(value.url) && (
            <p role="status" className="mt-1 text-sm text-amber-800 dark:text-amber-300" data-testid="suggest-slack">
              This is a Slack address: Slack refuses a signed JSON webhook.{" "}
              <button type="button" className="font-medium text-sky-700 underline dark:text-sky-300" onClick={() => onChange({ ...value, kind: "slack" })}>
                Send to Slack instead
              </button>
            </p>
          )}
        </div>
      )}
    </div>
  );
}
