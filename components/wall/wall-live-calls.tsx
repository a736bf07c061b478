"use client";
// The wall's live calls in large type, longest first: each with its running time, the customer (masked on a masked
// link, by the server), the line and the direction. Long calls are marked amber, very long ones red, in words too.
import { useTranslations } from "next-intl";
import { useRef } from "react";
import { callStartedAt, type CallView } from "@/lib/shared/calls/call-view";
import { formatDuration, formatPhoneNumber, secondsBetween } from "@/lib/shared/calls/format";
import { longCallLevel, type LongCallLevel } from "@/lib/shared/calls/long-calls";
import type { WallOptions } from "@/lib/shared/wallboards/wall-options";
import { useFittingRows } from "./use-fitting-rows";

/** More rows than any screen fits: the rest are counted, not rendered. */
const MAX_ROWS = 40;

const LEVEL_ROW: Record<LongCallLevel, string> = {
  normal: "border-l-transparent",
  long: "border-l-(--wall-amber) bg-(--wall-amber-bg)",
  "very-long": "border-l-(--wall-red) bg-(--wall-red-bg)",
};

const LEVEL_TEXT: Record<LongCallLevel, string> = { normal: "", long: "text-(--wall-amber)", "very-long": "text-(--wall-red)" };

function LiveCallRow({ call, now, options, isHidden }: { call: CallView; now: number; options: WallOptions; isHidden: boolean }) {
  const t = useTranslations("wall");
  const seconds = secondsBetween(callStartedAt(call), now);
  const level = longCallLevel(seconds, options.longMinutes, options.veryLongMinutes);
  const minutes = level === "very-long" ? options.veryLongMinutes : options.longMinutes;
  return (
    <li
      data-testid="wall-live-call"
      data-call-id={call.id}
      data-long={level}
      aria-hidden={isHidden || undefined}
      className={`grid grid-cols-[minmax(0,0.8fr)_minmax(0,1.1fr)_minmax(0,1.4fr)_min(17vh,11vw)] items-center gap-x-(--wall-gap) border-b border-b-(--wall-line) border-l-[min(0.8vh,0.5vw)] px-(--wall-gap) py-[min(0.6vh,0.4vw)] ${LEVEL_ROW[level]} ${isHidden ? "invisible" : ""}`}
    >
      <span className={`wall-large font-bold tabular-nums ${LEVEL_TEXT[level]}`} suppressHydrationWarning>
        {formatDuration(seconds)}
        {level !== "normal" && <span className="sr-only">{t(`longCallSpoken.${level}`, { minutes })}</span>}
      </span>
      <span className="wall-large truncate font-semibold tabular-nums" data-testid="wall-customer">
        {formatPhoneNumber(call.customerNumber)}
      </span>
      <span className="wall-medium wall-muted truncate text-right">
        {call.lineName ?? formatPhoneNumber(call.lineNumber)}
        {call.callType && <span className="wall-label"> · {t(`direction.${call.callType}`)}</span>}
      </span>
      <span className="flex justify-end">
        {level !== "normal" && (
          <span aria-hidden className={`wall-label shrink-0 rounded-[0.4em] border-2 border-current px-[0.5em] py-[0.15em] font-bold whitespace-nowrap uppercase ${LEVEL_TEXT[level]}`}>
            {t(`tag.${level}`)}
          </span>
        )}
      </span>
    </li>
  );
}

export function WallLiveCalls({ calls, now, options }: { calls: CallView[]; now: number; options: WallOptions }) {
  const t = useTranslations("wall.liveCalls");
  const list = useRef<HTMLOListElement>(null);
  const shown = calls.slice(0, MAX_ROWS);
  const fitting = useFittingRows(list, shown.length);
  const notShown = calls.length - Math.min(fitting, shown.length);
  return (
    <section aria-labelledby="wall-live-title" className="wall-panel flex min-h-0 flex-col overflow-hidden">
      <header className="flex items-baseline justify-between gap-(--wall-gap) border-b border-b-(--wall-line) px-(--wall-gap) py-[min(1vh,0.7vw)]">
        <h2 id="wall-live-title" className="wall-label font-semibold uppercase wall-muted">
          {t("title")}
        </h2>
        <span className="wall-label wall-muted" data-testid="wall-not-shown">
          {notShown > 0 ? t("notShown", { count: notShown }) : ""}
        </span>
      </header>
      {calls.length === 0 ? (
        <p className="wall-large wall-muted grid flex-1 place-items-center">{t("none")}</p>
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
