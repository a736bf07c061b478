"use client";
// Calls that ended with an error: the most frequent error texts of the last hour and day, then each call.
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { memo } from "react";
import type { ErrorGroup } from "@/lib/shared/calls/board-stats";
import type { CallView } from "@/lib/shared/calls/call-view";
import { formatPhoneNumber } from "@/lib/shared/calls/format";
import { useLineLabel } from "./line-names";
import { formatRecent } from "@/lib/shared/time/format-time";
import { useTimeZone } from "@/components/ui/time-zone";
import { EmptyState } from "@/components/ui/panel";
import { CallLink } from "@/components/call/call-link";
import { useCallWords } from "@/components/ui/call-words";
import { UNKNOWN_ERROR } from "@/lib/shared/calls/call-filter";

type ErrorGroupsProps = {
  groups: ErrorGroup[] | null;
  /** A filter is on, which the counts follow; the heading says so. */
  isFiltered?: boolean;
  /** The error text the board is narrowed to, if any. */
  selected?: string;
  /** Narrows the board to calls with this error text. */
  onSelect?: (error: string) => void;
};

/** The most frequent error texts, each a button that narrows the board to its calls; the whole text wraps on a desktop. */
export function ErrorGroups({ groups, isFiltered = false, selected = "", onSelect }: ErrorGroupsProps) {
  const t = useTranslations("board.errorGroups");
  const calls = useTranslations("calls");
  const format = useFormatter();
  if (!groups || groups.length === 0) return null;
  return (
    <table className="w-full text-sm" data-testid="error-groups">
      <caption className="sr-only">{t("caption")}</caption>
      <thead className="text-xs text-zinc-500 uppercase dark:text-zinc-400">
        <tr>
          <th scope="col" className="px-5 py-2 text-left font-medium tracking-wide" data-testid="error-groups-heading">
            {t(isFiltered ? "headingFiltered" : "heading")}
          </th>
          <th scope="col" className="px-2 py-2 text-right font-medium tracking-wide">{t("lastHour")}</th>
          <th scope="col" className="py-2 pr-5 pl-2 text-right font-medium tracking-wide">{t("lastDay")}</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800/70">
        {groups.map((group) => {
          const isSelected = group.error === selected;
          // The group of errors without text is filtered by its English name, and shown in the reader's language.
          const text = group.error === UNKNOWN_ERROR ? calls("unknownError") : group.error;
          return (
            <tr key={group.error} data-testid="error-group" className={isSelected ? "bg-red-50 dark:bg-red-950/30" : undefined}>
              <th scope="row" className="max-w-0 px-5 py-1.5 text-left font-medium">
                <button
                  type="button"
                  aria-pressed={isSelected}
                  title={isSelected ? t("selected") : t("select", { error: text })}
                  onClick={() => onSelect?.(isSelected ? "" : group.error)}
                  className="block w-full truncate text-left hover:underline focus-visible:underline focus-visible:outline-none lg:whitespace-normal lg:[overflow-wrap:anywhere]"
                  data-testid="error-group-text"
                >
                  {text}
                </button>
              </th>
              <td className="px-2 py-1.5 text-right align-top font-semibold tabular-nums" data-testid="error-group-hour">{format.number(group.lastHour)}</td>
              <td className="py-1.5 pr-5 pl-2 text-right align-top text-zinc-600 tabular-nums dark:text-zinc-300" data-testid="error-group-day">{format.number(group.lastDay)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** `today`: the calendar day in the reader's zone (a string, so this re-renders once a day, not every second). */
export const RecentErrors = memo(function RecentErrors({ calls, emptyText, today }: { calls: CallView[]; emptyText: string; today: string }) {
  const lineLabel = useLineLabel();
  const words = useCallWords();
  const timeZone = useTimeZone();
  const locale = useLocale();
  if (calls.length === 0) return <EmptyState testId="errors-empty">{emptyText}</EmptyState>;
  return (
    <ul className="max-h-[28rem] divide-y divide-zinc-100 overflow-y-auto border-t border-zinc-100 dark:divide-zinc-800/70 dark:border-zinc-800" data-testid="recent-errors">
      {calls.map((call) => (
        <li key={call.id} data-testid="error-call" data-call-id={call.id} className="relative px-5 py-3 hover:bg-zinc-50 dark:hover:bg-zinc-800/40">
          <div className="flex items-baseline justify-between gap-3">
            <CallLink
              callId={call.id}
              className="min-w-0 font-semibold text-red-700 after:absolute after:inset-0 hover:underline focus-visible:underline dark:text-red-400"
              data-testid="error-text"
            >
              {words.error(call)}
            </CallLink>
            <time className="shrink-0 text-xs text-zinc-500 tabular-nums dark:text-zinc-400" dateTime={call.endedAt ?? undefined}>
              {formatRecent(call.endedAt, today, timeZone, locale)}
            </time>
          </div>
          <p className="mt-0.5 truncate text-sm text-zinc-600 dark:text-zinc-300">
            <span className="tabular-nums">{formatPhoneNumber(call.customerNumber)}</span>
            <span className="text-zinc-500 dark:text-zinc-400"> → </span>
            {lineLabel(call)}
          </p>
        </li>
      ))}
    </ul>
  );
});
