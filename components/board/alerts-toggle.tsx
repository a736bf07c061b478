"use client";
import { useTranslations } from "next-intl";
import type { ErrorAlerts } from "./use-error-alerts";

export function AlertsToggle({ alerts }: { alerts: ErrorAlerts }) {
  const t = useTranslations("board.alerts");
  if (!alerts.isSupported) return null;
  const label = t(alerts.isBlocked ? "blocked" : alerts.isEnabled ? "on" : "off");
  return (
    <button
      type="button"
      data-testid="alerts-toggle"
      aria-pressed={alerts.isEnabled}
      disabled={alerts.isBlocked}
      title={t(alerts.isBlocked ? "blockedHint" : "hint")}
      onClick={() => void alerts.toggle()}
      className={`inline-flex h-9 shrink-0 items-center gap-2 rounded-lg whitespace-nowrap border px-3 text-sm font-medium focus-visible:ring-2 focus-visible:ring-sky-600/40 focus-visible:outline-none disabled:opacity-60 ${
        alerts.isEnabled
          ? "border-sky-600 bg-sky-50 text-sky-800 dark:border-sky-500 dark:bg-sky-950/50 dark:text-sky-200"
          : "border-zinc-200 bg-white text-zinc-700 hover:bg-zinc-100 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-200 dark:hover:bg-zinc-800"
      }`}
    >
      <svg aria-hidden viewBox="0 0 20 20" className="size-4" fill="currentColor"><path d="M10 2a6 6 0 0 0-6 6v3.59l-.71.7A1 1 0 0 0 4 14h12a1 1 0 0 0 .71-1.7l-.71-.71V8a6 6 0 0 0-6-6Zm0 16a3 3 0 0 1-2.83-2h5.66A3 3 0 0 1 10 18Z" /></svg>
      <span className="hidden sm:inline">{label}</span>
    </button>
  );
}
