"use client";
// The board's header: the mark, the live connection, and the alerts, theme and user buttons.
import { useTranslations } from "next-intl";
import { AppHeader, type HeaderUser } from "@/components/header/app-header";
import { AlertsToggle } from "./alerts-toggle";
import { ConnectionIndicator } from "./connection-indicator";
import type { ConnectionState } from "./use-board-socket";
import type { ErrorAlerts } from "./use-error-alerts";

type BoardHeaderProps = {
  connection: ConnectionState;
  lastKnownEventAt: number | null;
  now: number;
  alerts: ErrorAlerts;
  user: HeaderUser;
};

export function BoardHeader({ connection, lastKnownEventAt, now, alerts, user }: BoardHeaderProps) {
  return (
    <AppHeader
      user={user}
      isBoard
      status={
        // On a phone: the mark and the buttons on one row, the connection under them.
        <div className="order-last w-full sm:order-none sm:w-auto">
          <ConnectionIndicator state={connection} lastEventAt={lastKnownEventAt} now={now} />
        </div>
      }
      actions={<AlertsToggle alerts={alerts} />}
    />
  );
}

/** For admins while unsigned webhooks are accepted: production will refuse them. */
export function UnsignedWebhooksNote() {
  const t = useTranslations("board");
  return (
    <p role="note" className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-900 dark:border-amber-700/60 dark:bg-amber-950/40 dark:text-amber-200">
      {t.rich("unsignedNote", {
        code: (chunks) => <code className="font-mono">{chunks}</code>,
        link: (chunks) => (
          <a href="/webhooks" className="font-medium underline">
            {chunks}
          </a>
        ),
      })}
    </p>
  );
}
