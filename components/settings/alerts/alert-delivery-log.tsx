"use client";
// The alert delivery log: every alert sent (or tried) to every destination lately, with its state, attempts and
// the last error. Refreshes itself while the page is open.
import { useTranslations } from "next-intl";
import { DELIVERY_STATES, type AlertDeliveryState, type AlertDeliveryView } from "@/lib/shared/alerts/alert-view";
import { LocalTime } from "@/components/ui/time-zone";
import { CallLink } from "@/components/call/call-link";
import { DeliveryLog } from "@/components/settings/delivery-log";

const REFRESH_MS = 3_000;

const STATE_STYLE: Record<AlertDeliveryState, string> = {
  sent: "bg-emerald-100 text-emerald-800 dark:bg-emerald-900/50 dark:text-emerald-300",
  pending: "bg-amber-100 text-amber-800 dark:bg-amber-900/50 dark:text-amber-300",
  failed: "bg-red-100 text-red-800 dark:bg-red-900/50 dark:text-red-300",
};

export function AlertDeliveryLog({ refreshKey }: { refreshKey: number }) {
  const t = useTranslations("alerts.log");
  return (
    <DeliveryLog<AlertDeliveryState, AlertDeliveryView>
      id="alert-delivery-log"
      title={t("title")}
      aside={t("aside")}
      url="/api/alerts/deliveries"
      filter={{ name: "state", values: DELIVERY_STATES, label: t("filterLabel"), testIdPrefix: "alert-delivery-count-", valueLabel: (state) => t(`state.${state}`) }}
      refreshMs={REFRESH_MS}
      refreshKey={refreshKey}
      empty={{
        testId: "alert-delivery-log-empty",
        text: (state) => (state ? t("emptyState", { state }) : t("emptyAll")),
      }}
    >
      {(deliveries) => (
        <ul className="-mx-5 divide-y divide-zinc-100 border-t border-zinc-100 dark:divide-zinc-800/70 dark:border-zinc-800/70" data-testid="alert-delivery-list">
          {deliveries.map((delivery) => (
            <li key={delivery.id} data-testid="alert-delivery" data-state={delivery.state} data-alert-kind={delivery.alertKind} className="flex flex-col gap-1 px-5 py-3 text-sm">
              <div className="flex items-baseline gap-3">
                <LocalTime iso={delivery.createdAt} format="clock" className="shrink-0 text-zinc-500 tabular-nums dark:text-zinc-400" />
                <span className="min-w-0 flex-1 truncate font-medium" title={delivery.ruleName}>
                  {delivery.ruleName}
                </span>
                <span className={`shrink-0 rounded px-1.5 py-0.5 text-xs font-medium ${STATE_STYLE[delivery.state]}`} data-testid="alert-delivery-state">
                  {t(`state.${delivery.state}`)}
                  {delivery.lastStatus !== null ? ` · ${delivery.lastStatus}` : ""}
                </span>
              </div>
              <div className="flex flex-wrap items-baseline gap-x-2 gap-y-0.5 text-xs sm:pl-[4.25rem] text-zinc-500 dark:text-zinc-400">
                <span className="font-medium text-zinc-700 dark:text-zinc-300">{t(`alertKind.${delivery.alertKind}`)}</span>
                {delivery.callId && (
                  <CallLink callId={delivery.callId} className="relative font-mono underline-offset-2 hover:underline">
                    {delivery.callId.slice(0, 13)}
                  </CallLink>
                )}
                <span aria-hidden>→</span>
                <span>{t(`destinationKind.${delivery.destinationKind}`)}</span>
                <span className="max-w-full min-w-0 truncate font-mono sm:max-w-64" title={delivery.destinationLabel}>
                  {delivery.destinationLabel}
                </span>
                <span className="ml-auto tabular-nums">
                  {t("attempts", { count: delivery.attempts })}
                  {delivery.nextAttemptAt && (
                    <>
                      {` · ${t("next")} `}
                      <LocalTime iso={delivery.nextAttemptAt} format="clock" />
                    </>
                  )}
                </span>
              </div>
              {delivery.lastError && (
                <p className="rounded [overflow-wrap:anywhere] sm:ml-[4.25rem] bg-zinc-50 px-2 py-1 font-mono text-xs text-zinc-700 dark:bg-zinc-800/60 dark:text-zinc-300" data-testid="alert-delivery-error">
                  {delivery.lastError}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </DeliveryLog>
  );
}
