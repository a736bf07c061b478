"use client";
// One alert rule: what it matches, on/off, its destinations, and edit / add destination / delete.
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import type { AlertRuleView } from "@/lib/shared/alerts/alert-view";
import type { Locale } from "@/lib/shared/i18n/locales";
import { calendarDay, formatClock, formatDayTime } from "@/lib/shared/time/format-time";
import { useTimeZone } from "@/components/ui/time-zone";
import { Card, Notice, buttonClass, primaryButtonClass } from "@/components/ui/card";
import { callApi } from "@/components/ui/call-api";
import { useBusyAction } from "@/components/ui/use-busy-action";
import { useRuleWords } from "./describe-rule";
import { DestinationFields, emptyDestination, toDestinationInput } from "./destination-fields";
import { DestinationRow } from "./destination-row";
import { Switch } from "@/components/ui/form-controls";
import { RuleForm } from "./rule-form";
import { useNow } from "@/components/ui/use-now";

type Props = { rule: AlertRuleView; isEmailConfigured: boolean; onChanged: (rule: AlertRuleView) => void; onDeleted: (id: string) => void; onTested: () => void };

function formatWhen(iso: string, now: number, timeZone: string, locale: Locale): string {
  return calendarDay(iso, timeZone) === calendarDay(now, timeZone) ? formatClock(iso, timeZone, locale) : formatDayTime(iso, timeZone, locale);
}

/** A time only for an alert that reached a destination; one raised but not (yet) delivered says so. */
function LastAlert({ rule, now, timeZone }: { rule: AlertRuleView; now: number; timeZone: string }) {
  const t = useTranslations("alerts.rule");
  const locale = useLocale();
  if (rule.lastDeliveredAt) return t("lastDelivered", { when: formatWhen(rule.lastDeliveredAt, now, timeZone, locale) });
  return rule.lastFiredAt ? t("raisedNotDelivered") : t("noAlertYet");
}

function AddDestination({ ruleId, isEmailConfigured, onChanged, onClose }: { ruleId: string; isEmailConfigured: boolean; onChanged: (rule: AlertRuleView) => void; onClose: () => void }) {
  const t = useTranslations("alerts.rule");
  const locale = useLocale();
  const [draft, setDraft] = useState(() => emptyDestination(locale));
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const add = async () => {
    setIsBusy(true);
    setError(null);
    try {
      onChanged((await callApi<{ rule: AlertRuleView }>("POST", `/api/alerts/rules/${ruleId}/destinations`, toDestinationInput(draft))).rule);
      onClose();
    } catch (caught) {
      setError((caught as Error).message.replace(/^The request body has the wrong shape\. /, ""));
    } finally {
      setIsBusy(false);
    }
  };
  return (
    <div className="flex flex-col gap-3 rounded-lg border border-dashed border-zinc-300 p-3 dark:border-zinc-700" data-testid="add-destination-form">
      <DestinationFields value={draft} onChange={setDraft} isEmailConfigured={isEmailConfigured} />
      {error && <Notice tone="error">{error}</Notice>}
      <div className="flex gap-2">
        <button type="button" className={primaryButtonClass} disabled={isBusy} onClick={() => void add()} data-testid="save-destination">
          {isBusy ? t("adding") : t("addDestination")}
        </button>
        <button type="button" className={buttonClass} onClick={onClose}>
          {t("cancel")}
        </button>
      </div>
    </div>
  );
}

function RuleActions({ isBusy, onEdit, onAddDestination, onDelete }: { isBusy: boolean; onEdit: () => void; onAddDestination: () => void; onDelete: () => void }) {
  const t = useTranslations("alerts.rule");
  return (
    <div className="flex flex-wrap gap-2 border-t border-zinc-100 pt-4 dark:border-zinc-800">
      <button type="button" className={buttonClass} onClick={onEdit} data-testid="edit-rule">
        {t("edit")}
      </button>
      <button type="button" className={buttonClass} onClick={onAddDestination} data-testid="add-destination">
        {t("addDestination")}
      </button>
      <button type="button" className={`${buttonClass} ml-auto text-red-700 dark:text-red-400`} disabled={isBusy} onClick={onDelete} data-testid="delete-rule">
        {t("delete")}
      </button>
    </div>
  );
}

export function RuleCard({ rule, isEmailConfigured, onChanged, onDeleted, onTested }: Props) {
  const [mode, setMode] = useState<"view" | "edit" | "add-destination">("view");
  const { busy, error, run } = useBusyAction();
  const t = useTranslations("alerts");
  const locale = useLocale();
  const { describeRule, formatCooldown } = useRuleWords();
  const isBusy = busy !== null;
  const setEnabled = (isEnabled: boolean) => run(async () => onChanged((await callApi<{ rule: AlertRuleView }>("PATCH", `/api/alerts/rules/${rule.id}`, { isEnabled })).rule));
  const remove = () => {
    if (!window.confirm(t("rule.confirmDelete", { name: rule.name }))) return;
    void run(async () => {
      await callApi("DELETE", `/api/alerts/rules/${rule.id}`);
      onDeleted(rule.id);
    });
  };
  const now = useNow(5_000);
  const timeZone = useTimeZone();
  const isCoolingDown = rule.cooldownUntil !== null && new Date(rule.cooldownUntil).getTime() > now;

  return (
    <div data-testid="alert-rule" data-rule-id={rule.id} data-enabled={rule.isEnabled}>
      <Card
        id={`alert-rule-${rule.id}`}
        title={rule.name}
        aside={
          <span className="flex items-center gap-2 text-xs text-zinc-500 dark:text-zinc-400">
            {rule.isEnabled ? t("rule.on") : t("rule.off")}
            <Switch checked={rule.isEnabled} onChange={(next) => void setEnabled(next)} label={rule.isEnabled ? t("rule.turnOff", { name: rule.name }) : t("rule.turnOn", { name: rule.name })} disabled={isBusy} testId="rule-enabled" />
          </span>
        }
      >
        {mode === "edit" ? (
          <RuleForm
            rule={rule}
            isEmailConfigured={isEmailConfigured}
            onSaved={(saved) => {
              onChanged(saved);
              setMode("view");
            }}
            onCancel={() => setMode("view")}
          />
        ) : (
          <div className="flex flex-col gap-1">
            <p className="text-sm [overflow-wrap:anywhere]" data-testid="rule-description">
              {describeRule(rule)} <span className="text-zinc-500 dark:text-zinc-400">· {formatCooldown(rule.cooldownMinutes)}</span>
            </p>
            <p className="text-xs text-zinc-500 dark:text-zinc-400">
              <span data-testid="rule-last-alert">
                <LastAlert rule={rule} now={now} timeZone={timeZone} />
              </span>
              {isCoolingDown && rule.cooldownUntil && ` · ${t("rule.coolingDown", { time: formatClock(rule.cooldownUntil, timeZone, locale) })}`}
              {rule.suppressedCount > 0 && ` · ${t("rule.heldBack", { count: rule.suppressedCount })}`}
            </p>
          </div>
        )}

        <div className="flex flex-col gap-2">
          <h3 className="text-xs font-medium tracking-wide text-zinc-500 uppercase dark:text-zinc-400">{t("rule.destinations")}</h3>
          <ul className="divide-y divide-zinc-100 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
            {rule.destinations.map((destination) => (
              <DestinationRow key={destination.id} destination={destination} onChanged={onChanged} onTested={onTested} />
            ))}
          </ul>
          {mode === "add-destination" && <AddDestination ruleId={rule.id} isEmailConfigured={isEmailConfigured} onChanged={onChanged} onClose={() => setMode("view")} />}
        </div>

        {error && <Notice tone="error">{error}</Notice>}
        {mode === "view" && <RuleActions isBusy={isBusy} onEdit={() => setMode("edit")} onAddDestination={() => setMode("add-destination")} onDelete={remove} />}
      </Card>
    </div>
  );
}
