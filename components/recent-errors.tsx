"use client";
import type { CallView } from "@/lib/calls/call-view";
import { formatClockTime, formatPhoneNumber } from "@/lib/calls/format";

export function RecentErrors({ calls, isFiltered }: { calls: CallView[]; isFiltered: boolean }) {
  if (calls.length === 0) {
    return (
      <p className="px-5 py-12 text-center text-zinc-500 dark:text-zinc-400" data-testid="errors-empty">
        {isFiltered ? "No error matches this number." : "No errors. All calls ended cleanly."}
      </p>
    );
  }
  return (
    <ul className="divide-y divide-zinc-100 dark:divide-zinc-800/70" data-testid="recent-errors">
      {calls.map((call) => (
        <li key={call.id} data-testid="error-call" data-call-id={call.id} className="px-5 py-3">
          <div className="flex items-baseline justify-between gap-3">
            <p className="font-semibold text-red-700 dark:text-red-400" data-testid="error-text">
              {call.error ?? "Unknown error"}
            </p>
            <time className="shrink-0 text-xs text-zinc-500 tabular-nums dark:text-zinc-400" dateTime={call.endedAt ?? undefined}>
              {formatClockTime(call.endedAt)}
            </time>
          </div>
          <p className="mt-0.5 text-sm text-zinc-600 dark:text-zinc-300">
            <span className="tabular-nums">{formatPhoneNumber(call.customerNumber)}</span>
            <span className="text-zinc-400"> → </span>
            {call.lineName ?? formatPhoneNumber(call.lineNumber)}
          </p>
        </li>
      ))}
    </ul>
  );
}
