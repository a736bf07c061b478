"use client";
// Calls that ended cleanly, most recent first, with their duration and, once the report arrives, its summary.
import { useLocale, useTranslations } from "next-intl";
import { memo } from "react";
import type { CallView } from "@/lib/shared/calls/call-view";
import { endedCallDuration, summaryState } from "@/lib/shared/calls/call-view";
import { formatDuration, formatPhoneNumber } from "@/lib/shared/calls/format";
import { useCallWords } from "@/components/ui/call-words";
import { useLineLabel } from "./line-names";
import { formatRecent } from "@/lib/shared/time/format-time";
import { useTimeZone } from "@/components/ui/time-zone";
import { EmptyState } from "@/components/ui/panel";
import { useNow } from "@/components/ui/use-now";
import { CallLink } from "@/components/call/call-link";

/** `today`: the calendar day in the reader's zone (a string, so this re-renders once a day, not every second). */
export const RecentlyEnded = memo(function RecentlyEnded({ calls, emptyText, today }: { calls: CallView[]; emptyText: string; today: string }) {
  const t = useTranslations("board.lists");
  const words = useCallWords();
  const lineLabel = useLineLabel();
  const timeZone = useTimeZone();
  const locale = useLocale();
  // Coarse: only turns "pending" into "no report arrived" once the wait is over.
  const now = useNow(30_000);
  if (calls.length === 0) return <EmptyState testId="ended-empty">{emptyText}</EmptyState>;
  return (
    <ul className="max-h-[32rem] divide-y divide-zinc-100 overflow-y-auto dark:divide-zinc-800/70" data-testid="recently-ended">
      {calls.map((call) => {
        const duration = endedCallDuration(call);
        const summary = summaryState(call, now);
        return (
          <li key={call.id} data-testid="ended-call" data-call-id={call.id} className="relative px-5 py-3 hover:bg-zinc-50 dark:hover:bg-zinc-800/40">
            <div className="flex items-baseline justify-between gap-3">
              <CallLink callId={call.id} className="min-w-0 truncate font-semibold tabular-nums after:absolute after:inset-0 hover:underline focus-visible:underline">
                {formatPhoneNumber(call.customerNumber)}
              </CallLink>
              <span className="shrink-0 font-semibold tabular-nums" data-testid="ended-duration">
                {duration === null ? "—" : formatDuration(duration)}
              </span>
            </div>
            <p className="flex justify-between gap-3 text-sm text-zinc-600 dark:text-zinc-300">
              <span className="truncate">{lineLabel(call)}</span>
              <time className="shrink-0 text-xs text-zinc-500 tabular-nums dark:text-zinc-400" dateTime={call.endedAt ?? undefined}>
                {t("endedAt", { time: formatRecent(call.endedAt, today, timeZone, locale) })}
              </time>
            </p>
            {summary === "summary" ? (
              <p className="mt-1 line-clamp-2 text-sm text-zinc-700 dark:text-zinc-300" data-testid="ended-summary">{call.summary}</p>
            ) : (
              <p className="mt-1 text-xs text-zinc-500 italic dark:text-zinc-400" data-testid="ended-summary-missing" data-state={summary} title={words.missingSummary(summary).hint}>
                {words.missingSummary(summary).text}
              </p>
            )}
          </li>
        );
      })}
    </ul>
  );
});
