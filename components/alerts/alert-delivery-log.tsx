"use client";
// The alert delivery log: every alert sent (or tried) to every destination lately, with its state, attempts and
// the last error. Refreshes itself while the page is open.
import Link from "next/link";
import { useCallback, useEffect, useState } from "react";
import { DELIVERY_STATES, type AlertDeliveriesResponse, type AlertDeliveryState, type AlertKind } from "@/lib/alerts/alert-view";
import { formatClockTime } from "@/lib/calls/format";
import { Card, Notice } from "@/components/webhooks/card";
import { callApi } from "@/components/webhooks/call-api";

const REFRESH_MS = 3_000;

const STATE_STYLE: Record<AlertDeliveryState, string> = {
  sent: "bg-emerald-100 text-emerald-800 dark:bg-emerald-900/50 dark:text-emerald-300",
  pending: "bg-amber-100 text-amber-800 dark:bg-amber-900/50 dark:text-amber-300",
  failed: "bg-red-100 text-red-800 dark:bg-red-900/50 dark:text-red-300",
};

const ALERT_KIND_LABEL: Record<AlertKind, string> = { error: "error", threshold: "threshold", summary: "summary", test: "test" };

const pillClass =
  "rounded-full border border-zinc-300 px-3 py-1 text-sm aria-pressed:bg-zinc-900 aria-pressed:text-white dark:border-zinc-700 dark:aria-pressed:bg-white dark:aria-pressed:text-zinc-900";

export function AlertDeliveryLog({ refreshKey }: { refreshKey: number }) {
  const [state, setState] = useState<AlertDeliveryState | null>(null);
  const [data, setData] = useState<AlertDeliveriesResponse | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const query = new URLSearchParams({ limit: "50", ...(state ? { state } : {}) });
      setData(await callApi<AlertDeliveriesResponse>("GET", `/api/alerts/deliveries?${query.toString()}`));
      setError(null);
    } catch (caught) {
      setError((caught as Error).message);
    }
  }, [state]);

  useEffect(() => {
    const first = setTimeout(() => void load(), 0);
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [load, refreshKey]);

  return (
    <Card id="alert-delivery-log" title="Delivery log" aside={<span className="text-xs text-zinc-500 dark:text-zinc-400">counts: last 24 h</span>}>
      <div className="flex flex-wrap gap-2" role="group" aria-label="Show deliveries by state">
        <button type="button" aria-pressed={state === null} onClick={() => setState(null)} className={pillClass}>
          All
        </button>
        {DELIVERY_STATES.map((name) => (
          <button key={name} type="button" aria-pressed={state === name} onClick={() => setState(name)} className={pillClass} data-testid={`alert-delivery-count-${name}`}>
            {name} <span className="font-semibold tabular-nums">{data?.counts[name] ?? "…"}</span>
          </button>
        ))}
      </div>
      {error && <Notice tone="error">{error}</Notice>}
      {data && data.deliveries.length === 0 && (
        <p className="text-sm text-zinc-500 dark:text-zinc-400" data-testid="alert-delivery-log-empty">
          {state ? `No ${state} deliveries.` : "No alert has been sent yet. Send a test alert to see one here."}
        </p>
      )}
      {data && data.deliveries.length > 0 && (
        <div className="-mx-5 overflow-x-auto">
          <table className="w-full text-left text-sm" data-testid="alert-delivery-table">
            <thead className="text-xs tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
              <tr>
                <th scope="col" className="px-5 py-2 font-medium">Time</th>
                <th scope="col" className="px-2 py-2 font-medium">Alert</th>
                <th scope="col" className="px-2 py-2 font-medium">Destination</th>
                <th scope="col" className="px-5 py-2 font-medium">State</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800/70">
              {data.deliveries.map((delivery) => (
                <tr key={delivery.id} data-testid="alert-delivery" data-state={delivery.state} data-alert-kind={delivery.alertKind} className="align-top">
                  <td className="px-5 py-2 whitespace-nowrap tabular-nums">{formatClockTime(delivery.createdAt)}</td>
                  <td className="px-2 py-2">
                    <div className="font-medium">{delivery.ruleName}</div>
                    <div className="text-xs text-zinc-500 dark:text-zinc-400">
                      {ALERT_KIND_LABEL[delivery.alertKind]}
                      {delivery.callId && (
                        <>
                          {" · "}
                          <Link href={`/calls/${encodeURIComponent(delivery.callId)}`} className="font-mono underline-offset-2 hover:underline">
                            {delivery.callId.slice(0, 13)}
                          </Link>
                        </>
                      )}
                    </div>
                  </td>
                  <td className="px-2 py-2">
                    <div className="text-xs text-zinc-500 dark:text-zinc-400">{delivery.destinationKind}</div>
                    <div className="max-w-56 truncate font-mono text-xs" title={delivery.destinationLabel}>
                      {delivery.destinationLabel}
                    </div>
                  </td>
                  <td className="px-5 py-2">
                    <span className={`inline-block rounded px-1.5 py-0.5 text-xs font-medium ${STATE_STYLE[delivery.state]}`} data-testid="alert-delivery-state">
                      {delivery.state}
                      {delivery.lastStatus !== null ? ` · ${delivery.lastStatus}` : ""}
                    </span>
                    <span className="ml-2 text-xs text-zinc-500 tabular-nums dark:text-zinc-400">
                      {delivery.attempts} attempt{delivery.attempts === 1 ? "" : "s"}
                    </span>
                    {delivery.lastError && (
                      <p className="mt-1 max-w-72 text-xs break-words text-zinc-600 dark:text-zinc-400" data-testid="alert-delivery-error">
                        {delivery.lastError}
                      </p>
                    )}
                    {delivery.nextAttemptAt && <p className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">next try {formatClockTime(delivery.nextAttemptAt)}</p>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
