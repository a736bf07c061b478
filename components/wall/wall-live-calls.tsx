"use client";
// The wall's live calls in large type, longest first: each with its running time, the customer (masked on a masked
// link, by the server), the line and the direction. Long calls are marked amber, very long ones red, in words too.
import { useRef } from "react";
import { callStartedAt, type CallView } from "@/lib/shared/calls/call-view";
import { formatDuration, formatPhoneNumber, secondsBetween } from "@/lib/shared/calls/format";
import { longCallDescription, longCallLevel, type LongCallLevel } from "@/lib/shared/calls/long-calls";
import type { WallOptions } from "@/lib/shared/wallboards/wall-options";
import { useFittingRows } from "./use-fitting-rows";

/** More rows than any screen fits: the rest are counted, not rendered. */
const MAX_ROWS = 40;

const LEVEL_STYLE: Record<LongCallLevel, { row: string; tag: string | null }> = {
  normal: { row: "border-l-transparent", tag: null },
  long: { row: "border-l-(--wall-amber) bg-(--wall-amber-bg)", tag: "Long" },
  "very-long": { row: "border-l-(--wall-red) bg-(--wall-red-bg)", tag: "Very long" },
};

const LEVEL_TEXT: Record<LongCallLevel, string> = { normal: "", long: "text-(--wall-amber)", "very-long": "text-(--wall-red)" };

const DIRECTION: Record<string, string> = { inbound: "Inbound", outbound: "Outbound", web: "Web" };

function LiveCallRow({ call, now, options, isHidden }: { call: CallView; now: number; options: WallOptions; isHidden: boolean }) {
  const seconds = secondsBetween(callStartedAt(call), now);
  const level = longCallLevel(seconds, options.longMinutes, options.veryLongMinutes);
  const description = longCallDescription(level, options.longMinutes, options.veryLongMinutes);
  const style = LEVEL_STYLE[level];
  return (
    <li
      data-testid="wall-live-call"
      data-call-id={call.id}
      data-long={level}
      aria-hidden={isHidden || undefined}
      className={`grid grid-cols-[minmax(0,0.8fr)_minmax(0,1.2fr)_minmax(0,1.3fr)_min(17vh,11vw)] items-center gap-x-(--wall-gap) border-b border-b-(--wall-line) border-l-[min(0.8vh,0.5vw)] px-(--wall-gap) py-[min(0.6vh,0.4vw)] ${style.row} ${isHidden ? "invisible" : ""}`}
    >
      <span className={`wall-large font-bold tabular-nums ${LEVEL_TEXT[level]}`} suppressHydrationWarning>
        {formatDuration(seconds)}
        {description && <span className="sr-only">{`, ${description.toLowerCase()}`}</span>}
      </span>
      <span className="wall-large truncate font-semibold tabular-nums" data-testid="wall-customer">
        {formatPhoneNumber(call.customerNumber)}
      </span>
      <span className="wall-medium wall-muted truncate text-right">
        {call.lineName ?? formatPhoneNumber(call.lineNumber)}
        {call.callType && <span className="wall-label"> · {DIRECTION[call.callType]}</span>}
      </span>
      <span className="flex justify-end">
        {style.tag && (
          <span aria-hidden className={`wall-label shrink-0 rounded-[0.4em] border-2 border-current px-[0.5em] py-[0.15em] font-bold whitespace-nowrap uppercase ${LEVEL_TEXT[level]}`}>
            {style.tag}
          </span>
        )}
      </span>
    </li>
  );
}

export function WallLiveCalls({ calls, now, options }: { calls: CallView[]; now: number; options: WallOptions }) {
  const list = useRef<HTMLOListElement>(null);
  const shown = calls.slice(0, MAX_ROWS);
  const fitting = useFittingRows(list, shown.length);
  const notShown = calls.length - Math.min(fitting, shown.length);
  return (
    <section aria-labelledby="wall-live-title" className="wall-panel flex min-h-0 flex-col overflow-hidden">
      <header className="flex items-baseline justify-between gap-(--wall-gap) border-b border-b-(--wall-line) px-(--wall-gap) py-[min(1vh,0.7vw)]">
        <h2 id="wall-live-title" className="wall-label font-semibold uppercase wall-muted">
          In progress · longest first
        </h2>
        <span className="wall-label wall-muted" data-testid="wall-not-shown">
          {notShown > 0 ? `+${notShown} more not shown` : ""}
        </span>
      </header>
      {calls.length === 0 ? (
        <p className="wall-large wall-muted grid flex-1 place-items-center">No calls in progress</p>
      ) : (
        <ol ref={list} className="min-h-0 flex-1 overflow-hidden">
          {shown.map((call, index) => (
            <LiveCallRow key={call.id} call={call} now={now} options={options} isHidden={index >= fitting} />
          ))}
        </ol>
      )}
    </section>
  );
}
