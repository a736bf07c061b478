"use client";
// The board's header: the mark, the live connection, and the alerts, theme and user buttons.
import { ThemeToggle } from "@/components/header/theme-toggle";
import { UserMenu } from "@/components/header/user-menu";
import type { Role } from "@/lib/shared/auth/roles";
import { AlertsToggle } from "./alerts-toggle";
import { ConnectionIndicator } from "./connection-indicator";
import type { ConnectionState } from "./use-board-socket";
import type { ErrorAlerts } from "./use-error-alerts";

type BoardHeaderProps = {
  connection: ConnectionState;
  lastKnownEventAt: number | null;
  now: number;
  alerts: ErrorAlerts;
  user: { email: string; name?: string; role: Role };
};

export function BoardHeader({ connection, lastKnownEventAt, now, alerts, user }: BoardHeaderProps) {
  return (
    <header className="flex flex-wrap items-center gap-x-5 gap-y-3">
      <div className="flex items-center gap-3">
        <span aria-hidden className="grid size-9 place-items-center rounded-lg bg-zinc-900 text-lg font-bold text-white dark:bg-white dark:text-zinc-900">
          C
        </span>
        <h1 className="text-xl font-semibold tracking-tight">Callboard</h1>
      </div>
      {/* On a phone: the mark and the buttons on one row, the connection under them. */}
      <div className="order-last w-full sm:order-none sm:w-auto">
        <ConnectionIndicator state={connection} lastEventAt={lastKnownEventAt} now={now} />
      </div>
      <div className="ml-auto flex items-center justify-end gap-2">
        <AlertsToggle alerts={alerts} />
        <ThemeToggle />
        <UserMenu email={user.email} name={user.name} role={user.role} />
      </div>
    </header>
  );
}

/** For admins while unsigned webhooks are accepted: production will refuse them. */
export function UnsignedWebhooksNote() {
  return (
    <p role="note" className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-900 dark:border-amber-700/60 dark:bg-amber-950/40 dark:text-amber-200">
      Unsigned webhooks are accepted here (development, or <code className="font-mono">ALLOW_UNSIGNED_WEBHOOKS</code>).
      Production requires signatures: register your assistants from <a href="/webhooks" className="font-medium underline">Webhooks</a>.
    </p>
  );
}
