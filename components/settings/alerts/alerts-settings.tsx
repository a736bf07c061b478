"use client";
// The alerts page: rules (each with its destinations), a form for a new rule, and the delivery log.
import { AdminPageHeader } from "@/components/settings/admin-page-header";
import { useTranslations } from "next-intl";
import { useEffect, useState, type ReactNode } from "react";
import type { HeaderUser } from "@/components/header/app-header";
import type { AlertRuleView } from "@/lib/shared/alerts/alert-view";
import { Card, Notice, primaryButtonClass } from "@/components/ui/card";
import { callApi } from "@/components/ui/call-api";
import { AlertDeliveryLog } from "./alert-delivery-log";
import { RuleCard } from "./rule-card";
import { RuleForm } from "./rule-form";

const RULES_REFRESH_MS = 10_000;

export type AlertsSetup = { isEmailConfigured: boolean; emailFrom: string; hasPublicBaseUrl: boolean; maxAttempts: number };

/** The rules, reloaded while the page is open, so "last alert" and the cooldown state stay current. */
function useRefreshedRules(initialRules: AlertRuleView[]) {
  const [rules, setRules] = useState(initialRules);
  useEffect(() => {
    const timer = setInterval(() => {
      callApi<{ rules: AlertRuleView[] }>("GET", "/api/alerts/rules")
        .then((body) => setRules(body.rules))
        .catch(() => {});
    }, RULES_REFRESH_MS);
    return () => clearInterval(timer);
  }, []);
  return [rules, setRules] as const;
}

export function AlertsSettings({ user, initialRules, setup }: { user: HeaderUser; initialRules: AlertRuleView[]; setup: AlertsSetup }) {
  const [rules, setRules] = useRefreshedRules(initialRules);
  const [isCreating, setIsCreating] = useState(false);
  // Bumped after a test alert, so the log shows it at once.
  const [logVersion, setLogVersion] = useState(0);
  const replaceRule = (next: AlertRuleView) => setRules((current) => current.map((rule) => (rule.id === next.id ? next : rule)));
  const bumpLog = () => setLogVersion((version) => version + 1);
  const t = useTranslations("alerts");

  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-6 px-4 py-6 sm:px-6 lg:px-8">
      <AdminPageHeader title={t("title")} user={user} />

      <main className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,7fr)_minmax(0,5fr)]">
        <div className="flex flex-col gap-6">
          <div className="flex flex-wrap items-center gap-3">
            <p className="min-w-0 grow basis-72 text-sm text-zinc-600 dark:text-zinc-400">
              {t("intro", { maxAttempts: setup.maxAttempts })}
            </p>
            {!isCreating && (
              <button type="button" className={primaryButtonClass} onClick={() => setIsCreating(true)} data-testid="new-rule">
                {t("newRule")}
              </button>
            )}
          </div>
          {!setup.hasPublicBaseUrl && (
            <Notice tone="info" testId="alerts-base-url-note">
              {t("baseUrlNote")}
            </Notice>
          )}
          {isCreating && (
            <Card id="new-rule-card" title={t("newRuleTitle")}>
              <RuleForm
                isEmailConfigured={setup.isEmailConfigured}
                onSaved={(rule) => {
                  setRules((current) => [...current, rule]);
                  setIsCreating(false);
                }}
                onCancel={() => setIsCreating(false)}
              />
            </Card>
          )}
          {rules.length === 0 && !isCreating && (
            <div className="rounded-xl border border-dashed border-zinc-300 px-6 py-10 text-center dark:border-zinc-700" data-testid="alert-rules-empty">
              <p className="font-medium">{t("empty.title")}</p>
              <p className="mt-1 text-sm text-zinc-500 dark:text-zinc-400">{t("empty.text")}</p>
            </div>
          )}
          {rules.map((rule) => (
            <RuleCard
              key={rule.id}
              rule={rule}
              isEmailConfigured={setup.isEmailConfigured}
              onChanged={replaceRule}
              onDeleted={(id) => setRules((current) => current.filter((item) => item.id !== id))}
              onTested={bumpLog}
            />
          ))}
        </div>
        <div className="flex flex-col gap-6">
          <AlertDeliveryLog refreshKey={logVersion} />
          <EmailSetupCard setup={setup} />
        </div>
      </main>
    </div>
  );
}

/** How e-mail alerts are sent, or what to set so that they can be. */
function EmailSetupCard({ setup }: { setup: AlertsSetup }) {
  const t = useTranslations("alerts.email");
  const code = (chunks: ReactNode) => <code className="font-mono">{chunks}</code>;
  return (
    <Card id="alerts-email-setup" title={t("title")}>
      {setup.isEmailConfigured ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {t.rich("configured", { from: setup.emailFrom, mono: (chunks) => <span className="font-mono">{chunks}</span> })}
        </p>
      ) : (
        <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="alerts-email-not-configured">
          {t.rich("notConfigured", { code })}
        </p>
      )}
    </Card>
  );
}
