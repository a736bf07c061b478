"use client";
// The fields of one alert destination: its kind, a URL or e-mail recipients, and the language its alerts are written in.
import { useTranslations } from "next-intl";
import { DESTINATION_KINDS, type DestinationKind } from "@/lib/shared/alerts/alert-view";
import { isLocale, LOCALE_NAMES, LOCALES, type Locale } from "@/lib/shared/i18n/locales";
import { Field, inputClass } from "@/components/ui/form-controls";

export type DestinationDraft = { kind: DestinationKind; url: string; to: string; locale: Locale };

/** A new destination: a webhook, its alerts in the language of the admin making it. */
export function emptyDestination(locale: Locale): DestinationDraft {
  return { kind: "webhook", url: "", to: "", locale };
}

/** The API's shape: { kind, url, locale } or { kind: "email", to: [...], locale }. */
export function toDestinationInput(draft: DestinationDraft) {
  if (draft.kind === "email") return { kind: draft.kind, to: draft.to.split(/[\s,;]+/).filter(Boolean), locale: draft.locale };
  return { kind: draft.kind, url: draft.url.trim(), locale: draft.locale };
}

// Examples, the same in every language.
const EMAIL_EXAMPLE = "oncall@example.com, ops@example.com";
const URL_EXAMPLE: Record<Exclude<DestinationKind, "email">, string> = { webhook: "https://example.com/callboard-alerts", slack: "https://hooks.slack.com/services/…" };

/** A Slack incoming-webhook address: Slack refuses the signed JSON of a plain webhook, so Slack is what fits. */
function isSlackAddress(url: string): boolean {
  try {
    return new URL(url.trim()).hostname.toLowerCase() === "hooks.slack.com";
  } catch {
    return false;
  }
}

/** The languages a destination's alerts can be written in, each in its own name (as the header's switch shows them). */
export function LocaleOptions() {
  return LOCALES.map((locale) => (
    <option key={locale} value={locale} lang={locale}>
      {LOCALE_NAMES[locale]}
    </option>
  ));
}

export function DestinationFields({ value, onChange, isEmailConfigured }: { value: DestinationDraft; onChange: (next: DestinationDraft) => void; isEmailConfigured: boolean }) {
  const t = useTranslations("alerts.destination");
  return (
    <div className="grid gap-3 sm:grid-cols-[15rem_minmax(0,1fr)]">
      <div className="flex min-w-0 flex-col gap-3">
        <Field label={t("sendTo")}>
          <select className={inputClass} value={value.kind} onChange={(event) => onChange({ ...value, kind: event.target.value as DestinationKind })} data-testid="destination-kind">
            {DESTINATION_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`kind.${kind}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("language")}>
          <select className={inputClass} value={value.locale} onChange={(event) => isLocale(event.target.value) && onChange({ ...value, locale: event.target.value })} data-testid="destination-locale">
            <LocaleOptions />
          </select>
        </Field>
      </div>
      {value.kind === "email" ? (
        <Field label={t("recipients")} hint={isEmailConfigured ? t("recipientsHint") : t("emailNotConfigured")}>
          <input className={inputClass} type="text" inputMode="email" placeholder={EMAIL_EXAMPLE} value={value.to} onChange={(event) => onChange({ ...value, to: event.target.value })} data-testid="destination-to" />
        </Field>
      ) : (
        <div className="flex min-w-0 flex-col gap-1">
          <Field label={value.kind === "slack" ? t("slackUrl") : t("webhookUrl")} hint={value.kind === "slack" ? t("slackHint") : t("webhookHint")}>
            <input
              className={`${inputClass} font-mono`}
              type="url"
              placeholder={URL_EXAMPLE[value.kind]}
              value={value.url}
              onChange={(event) => onChange({ ...value, url: event.target.value })}
              data-testid="destination-url"
            />
          </Field>
          {value.kind === "webhook" && isSlackAddress(value.url) && (
            <p role="status" className="mt-1 text-sm text-amber-800 dark:text-amber-300" data-testid="suggest-slack">
              {t("suggestSlack")}{" "}
              <button type="button" className="font-medium text-sky-700 underline dark:text-sky-300" onClick={() => onChange({ ...value, kind: "slack" })}>
                {t("sendToSlack")}
              </button>
            </p>
          )}
        </div>
      )}
    </div>
  );
}
