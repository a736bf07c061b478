"use client";
// Creates or edits an alert rule. A new rule comes with its first destination; more are added on its card.
import { useLocale, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { thresholdFields, type AlertRuleKind, type AlertRuleView } from "@/lib/shared/alerts/alert-view";
import { Notice, buttonClass, primaryButtonClass } from "@/components/ui/card";
import { callApi } from "@/components/ui/call-api";
import { DestinationFields, emptyDestination, toDestinationInput, type DestinationDraft } from "./destination-fields";
import { Field, inputClass } from "@/components/ui/form-controls";

type Draft = { name: string; kind: AlertRuleKind; thresholdCount: string; windowMinutes: string; lineNumber: string; errorContains: string; cooldownMinutes: string };

function toDraft(rule: AlertRuleView | undefined): Draft {
  return {
    name: rule?.name ?? "",
    kind: rule?.kind ?? "each-error",
    thresholdCount: rule?.thresholdCount?.toString() ?? "5",
    windowMinutes: rule?.windowMinutes?.toString() ?? "10",
    lineNumber: rule?.lineNumber ?? "",
    errorContains: rule?.errorContains ?? "",
    cooldownMinutes: rule ? String(Number(rule.cooldownMinutes.toFixed(2))) : "5",
  };
}

/** Empty stays null so the server can say what is missing; anything else goes as a number for it to judge. */
function toNumber(value: string): number | null {
  return value.trim() === "" ? null : Number(value);
}

function InlineNumber({ label, value, disabled, onChange, testId }: { label: string; value: string; disabled: boolean; onChange: (value: string) => void; testId: string }) {
  return (
    <input
      className={`${inputClass} w-20! tabular-nums`}
      type="number"
      min={1}
      aria-label={label}
      value={value}
      disabled={disabled}
      onChange={(event) => onChange(event.target.value)}
      data-testid={testId}
    />
  );
}

export function RuleForm({ rule, isEmailConfigured, onSaved, onCancel }: { rule?: AlertRuleView; isEmailConfigured: boolean; onSaved: (rule: AlertRuleView) => void; onCancel: () => void }) {
  const [draft, setDraft] = useState(() => toDraft(rule));
  const t = useTranslations("alerts.form");
  const locale = useLocale();
  const [destination, setDestination] = useState<DestinationDraft>(() => emptyDestination(locale));
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const set = (patch: Partial<Draft>) => setDraft((current) => ({ ...current, ...patch }));
  const isThreshold = draft.kind === "threshold";

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setIsBusy(true);
    setError(null);
    const fields = {
      name: draft.name,
      kind: draft.kind,
      ...thresholdFields({ kind: draft.kind, thresholdCount: toNumber(draft.thresholdCount), windowMinutes: toNumber(draft.windowMinutes) }),
      lineNumber: draft.lineNumber,
      errorContains: draft.errorContains,
      cooldownMinutes: toNumber(draft.cooldownMinutes),
    };
    try {
      const saved = rule
        ? await callApi<{ rule: AlertRuleView }>("PATCH", `/api/alerts/rules/${rule.id}`, fields)
        : await callApi<{ rule: AlertRuleView }>("POST", "/api/alerts/rules", { ...fields, destinations: [toDestinationInput(destination)] });
      onSaved(saved.rule);
    } catch (caught) {
      setError((caught as Error).message.replace(/^The request body has the wrong shape\. /, ""));
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} className="flex flex-col gap-4" data-testid="rule-form" noValidate>
      <Field label={t("name")}>
        <input className={inputClass} value={draft.name} onChange={(event) => set({ name: event.target.value })} placeholder={t("namePlaceholder")} data-testid="rule-name" />
      </Field>
      <fieldset className="flex flex-col gap-2 text-sm">
        <legend className="mb-1 font-medium">{t("alertWhen")}</legend>
        <label className="inline-flex items-center gap-2">
          <input type="radio" name="kind" className="size-4" checked={!isThreshold} onChange={() => set({ kind: "each-error" })} data-testid="rule-kind-each-error" />
          {t("eachError")}
        </label>
        <label className="inline-flex flex-wrap items-center gap-2">
          <input type="radio" name="kind" className="size-4" checked={isThreshold} onChange={() => set({ kind: "threshold" })} data-testid="rule-kind-threshold" />
          {t.rich("threshold", {
            count: () => <InlineNumber label={t("thresholdCount")} value={draft.thresholdCount} disabled={!isThreshold} onChange={(value) => set({ thresholdCount: value })} testId="rule-threshold-count" />,
            window: () => <InlineNumber label={t("windowMinutes")} value={draft.windowMinutes} disabled={!isThreshold} onChange={(value) => set({ windowMinutes: value })} testId="rule-window-minutes" />,
          })}
        </label>
      </fieldset>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label={t("lineNumber")} hint={t("lineNumberHint")}>
          <input className={`${inputClass} font-mono`} value={draft.lineNumber} onChange={(event) => set({ lineNumber: event.target.value })} placeholder="+31201234567" data-testid="rule-line-number" />
        </Field>
        <Field label={t("errorContains")} hint={t("errorContainsHint")}>
          <input className={inputClass} value={draft.errorContains} onChange={(event) => set({ errorContains: event.target.value })} placeholder={t("errorContainsPlaceholder")} data-testid="rule-error-contains" />
        </Field>
      </div>
      <Field label={t("cooldown")} hint={t("cooldownHint")} className="sm:max-w-xs">
        <input className={`${inputClass} tabular-nums`} type="number" min={0} step="any" value={draft.cooldownMinutes} onChange={(event) => set({ cooldownMinutes: event.target.value })} data-testid="rule-cooldown" />
      </Field>
      {!rule && (
        <div className="flex flex-col gap-2 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800">
          <p className="text-sm font-medium">{t("firstDestination")}</p>
          <DestinationFields value={destination} onChange={setDestination} isEmailConfigured={isEmailConfigured} />
        </div>
      )}
      {error && <Notice tone="error" testId="rule-form-error">{error}</Notice>}
      <div className="flex flex-wrap gap-2">
        <button type="submit" className={primaryButtonClass} disabled={isBusy} data-testid="save-rule">
          {isBusy ? t("saving") : rule ? t("save") : t("create")}
        </button>
        <button type="button" className={buttonClass} onClick={onCancel}>
          {t("cancel")}
        </button>
      </div>
    </form>
  );
}
