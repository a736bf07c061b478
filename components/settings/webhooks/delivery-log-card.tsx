"use client";
// The webhook delivery log on the webhooks page: what reached the webhook URL lately, what Callboard did with it
// and why, with the last 24 hours' counts. Refreshes itself while the page is open.
import { useFormatter, useTranslations } from "next-intl";
import { LocalTime } from "@/components/ui/time-zone";
import { DELIVERY_OUTCOMES, type DeliveryOutcome, type DeliveryView } from "@/lib/shared/webhooks/delivery-view";
import { CallLink } from "@/components/call/call-link";
import { DeliveryLog } from "@/components/settings/delivery-log";

const REFRESH_MS = 5_000;

const OUTCOME_STYLE: Record<DeliveryOutcome, string> = {
  stored: "bg-emerald-100 text-emerald-800 dark:bg-emerald-900/50 dark:text-emerald-300",
  duplicate: "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300",
  ignored: "bg-sky-100 text-sky-800 dark:bg-sky-900/50 dark:text-sky-300",
  rejected: "bg-red-100 text-red-800 dark:bg-red-900/50 dark:text-red-300",
};

export function DeliveryLogCard({ refreshKey }: { refreshKey: number }) {
  const t = useTranslations("webhooks.deliveries");
  const format = useFormatter();
  return (
    <DeliveryLog<DeliveryOutcome, DeliveryView>
      id="delivery-log"
      title={t("title")}
      aside={t("aside")}
      url="/api/webhooks/deliveries"
      filter={{ name: "outcome", values: DELIVERY_OUTCOMES, label: t("filterLabel"), testIdPrefix: "delivery-count-", valueLabel: (outcome) => t(`outcomes.${outcome}`) }}
      refreshMs={REFRESH_MS}
      refreshKey={refreshKey}
      empty={{
        testId: "delivery-log-empty",
        text: (outcome) => (outcome ? t("emptyOutcome", { outcome: t(`outcomes.${outcome}`) }) : t("empty")),
      }}
    >
      {(deliveries) => (
        // On a phone each delivery is a small block (time, event and call, then the outcome), without column names:
        // a table there hid the outcome past the right edge.
        <div className="-mx-5">
          <table className="block w-full text-left text-sm sm:table" data-testid="delivery-log">
            <thead className="hidden text-xs tracking-wide text-zinc-500 uppercase sm:table-header-group dark:text-zinc-400">
              <tr>
                <th scope="col" className="px-5 py-2 font-medium">{t("columns.time")}</th>
                <th scope="col" className="px-2 py-2 font-medium">{t("columns.event")}</th>
                <th scope="col" className="px-2 py-2 font-medium">{t("columns.call")}</th>
                <th scope="col" className="px-2 py-2 font-medium">{t("columns.outcome")}</th>
                <th scope="col" className="px-5 py-2 text-right font-medium whitespace-nowrap">{t("columns.handledIn")}</th>
              </tr>
            </thead>
            <tbody className="block divide-y divide-zinc-100 sm:table-row-group dark:divide-zinc-800/70">
              {deliveries.map((delivery) => (
                <tr key={delivery.id} data-testid="delivery" data-outcome={delivery.outcome} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 px-5 py-2 align-baseline sm:table-row sm:p-0">
                  <td className="whitespace-nowrap tabular-nums sm:px-5 sm:py-2"><LocalTime iso={delivery.receivedAt} format="clock" /></td>
                  <td className="font-mono text-xs whitespace-nowrap sm:px-2 sm:py-2">{delivery.eventType ?? "—"}</td>
                  <td className="whitespace-nowrap sm:px-2 sm:py-2">
                    {delivery.callId ? (
                      <CallLink callId={delivery.callId} className="relative font-mono text-xs text-zinc-500 underline-offset-2 hover:underline dark:text-zinc-400" title={delivery.callId}>
                        {/* The end of an id tells calls apart as well as its start: legacy ids all begin "call-_+31…". */}
                        {delivery.callId.length > 16 ? `${delivery.callId.slice(0, 7)}…${delivery.callId.slice(-8)}` : delivery.callId}
                      </CallLink>
                    ) : (
                      <span className="text-zinc-400">—</span>
                    )}
                  </td>
                  <td className="order-last basis-full [overflow-wrap:anywhere] sm:order-none sm:w-full sm:px-2 sm:py-2" data-testid="delivery-outcome">
                    <span className={`mr-2 inline-block rounded px-1.5 py-0.5 text-xs font-medium whitespace-nowrap ${OUTCOME_STYLE[delivery.outcome]}`}>
                      {t(`outcomes.${delivery.outcome}`)} · {delivery.statusCode}
                    </span>
                    {delivery.reason && <span className="text-xs text-zinc-600 dark:text-zinc-400" data-testid="delivery-reason">{delivery.reason}</span>}
                  </td>
                  <td className="ml-auto text-right whitespace-nowrap tabular-nums sm:ml-0 sm:px-5 sm:py-2">
                    {t("milliseconds", { ms: format.number(delivery.durationMs, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </DeliveryLog>
  );
}
