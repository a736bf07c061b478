"use client";
// While the live connection is down, the board still shows what it last knew: this says so, loudly enough to be
// seen from across the room, and since when.
import { useLocale, useTranslations } from "next-intl";
import type { ConnectionState } from "./use-board-socket";
import { formatClock } from "@/lib/shared/time/format-time";
import { useTimeZone } from "@/components/ui/time-zone";

export function StaleBanner({ state, since }: { state: ConnectionState; since: number | null }) {
  const t = useTranslations("board");
  const locale = useLocale();
  const timeZone = useTimeZone();
  if (state !== "offline" && state !== "reconnecting") return null;
  return (
    <p role="alert" data-testid="stale-banner" className="rounded-lg border border-amber-400 bg-amber-100 px-4 py-2 text-sm font-medium text-amber-950 dark:border-amber-600 dark:bg-amber-900/60 dark:text-amber-100">
      {t("stale", { cause: state, hasTime: since === null ? "no" : "yes", time: since === null ? "" : formatClock(since, timeZone, locale) })}
    </p>
  );
}
