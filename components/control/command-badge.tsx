"use client";
// What a live call shows of its latest command while it is under way: "Ending… requested by sam@…".
import { useTranslations } from "next-intl";
import { commandInFlight } from "@/lib/shared/control/call-command";
import { useCallControl } from "./call-control-context";

export function CommandBadge({ callId, className = "" }: { callId: string; className?: string }) {
  const t = useTranslations("control");
  const command = useCallControl().latestCommand(callId);
  const underway = command ? commandInFlight(command) : null;
  if (!underway) return null;
  return (
    <span role="status" data-testid="command-badge" data-type={command?.type} className={`inline-block truncate rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900 dark:bg-amber-950 dark:text-amber-200 ${className}`}>
      {t("requestedBy", { action: t(`inFlight.${underway.doing}`), actor: underway.actor })}
    </span>
  );
}
