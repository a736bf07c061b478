"use client";
import type { CallView } from "@/lib/calls/call-view";
import { callStartedAt } from "@/lib/calls/call-view";
import { formatClockTime, formatDuration, formatPhoneNumber, secondsBetween } from "@/lib/calls/format";

const CALL_TYPE_LABEL = { inbound: "Inbound", outbound: "Outbound", web: "Web" } as const;

export function LiveCallsTable({ calls, now, isFiltered }: { calls: CallView[]; now: number; isFiltered: boolean }) {
  if (calls.length === 0) {
    return (
      <p className="px-5 py-12 text-center text-zinc-500 dark:text-zinc-400" data-testid="live-empty">
        {isFiltered ? "No call in progress matches this number." : "No calls in progress right now."}
      </p>
    );
  }
  return (
    <table className="w-full text-left" data-testid="live-calls">
      <thead className="text-xs font-medium tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
        <tr>
          <th scope="col" className="px-5 py-2 font-medium">Customer</th>
          <th scope="col" className="px-3 py-2 font-medium">Line</th>
          <th scope="col" className="hidden px-3 py-2 font-medium sm:table-cell">Started</th>
          <th scope="col" className="px-5 py-2 text-right font-medium">Duration</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800/70">
        {calls.map((call) => (
          <tr key={call.id} data-testid="live-call" data-call-id={call.id} className="align-middle">
            <td className="px-5 py-3">
              <div className="text-base font-semibold tabular-nums">{formatPhoneNumber(call.customerNumber)}</div>
              <div className="text-xs text-zinc-500 dark:text-zinc-400">
                {call.callType ? CALL_TYPE_LABEL[call.callType] : "Call"}
              </div>
            </td>
            <td className="px-3 py-3">
              <div className="font-medium">{call.lineName ?? "Unnamed line"}</div>
              <div className="text-xs text-zinc-500 tabular-nums dark:text-zinc-400">{formatPhoneNumber(call.lineNumber)}</div>
            </td>
            <td className="hidden px-3 py-3 text-sm text-zinc-600 tabular-nums sm:table-cell dark:text-zinc-300">
              {formatClockTime(callStartedAt(call))}
            </td>
            <td className="px-5 py-3 text-right">
              <span data-testid="call-timer" className="text-lg font-semibold tabular-nums" suppressHydrationWarning>
                {formatDuration(secondsBetween(callStartedAt(call), now))}
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
