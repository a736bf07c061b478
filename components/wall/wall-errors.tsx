"use client";
// The wall's latest errors, newest first, with their text: what went wrong, when, on which line and for whom.
import { useTranslations } from "next-intl";
import { useRef } from "react";
import type { CallView } from "@/lib/shared/calls/call-view";
import { formatPhoneNumber } from "@/lib/shared/calls/format";
import { LocalTime } from "@/components/ui/time-zone";
import { useFittingRows } from "./use-fitting-rows";

const MAX_ROWS = 20;

export function WallErrors({ calls }: { calls: CallView[] }) {
  const t = useTranslations("wall.errors");
  const list = useRef<HTMLOListElement>(null);
  const shown = calls.slice(0, MAX_ROWS);
  const fitting = useFittingRows(list, shown.length);
  return (
    <section aria-labelledby="wall-errors-title" className="wall-panel flex min-h-0 flex-col overflow-hidden">
      <header className="border-b border-b-(--wall-line) px-(--wall-gap) py-[min(1vh,0.7vw)]">
        <h2 id="wall-errors-title" className="wall-label font-semibold uppercase wall-muted">
          {t("title")}
        </h2>
      </header>
      {calls.length === 0 ? (
        <p className="wall-medium wall-muted grid flex-1 place-items-center">{t("none")}</p>
      ) : (
        <ol ref={list} className="min-h-0 flex-1 overflow-hidden">
          {shown.map((call, index) => (
            <li
              key={call.id}
              data-testid="wall-error"
              aria-hidden={index >= fitting || undefined}
              className={`border-b border-b-(--wall-line) border-l-[min(0.8vh,0.5vw)] border-l-(--wall-red) px-(--wall-gap) py-[min(1vh,0.7vw)] ${index >= fitting ? "invisible" : ""}`}
            >
              <p className="wall-medium line-clamp-2 font-semibold text-(--wall-red)">{call.error ?? t("unknown")}</p>
              <p className="wall-label wall-muted mt-[0.3em] truncate tabular-nums">
                <LocalTime iso={call.endedAt ?? call.lastEventAt} format="clock" /> · {call.lineName ?? formatPhoneNumber(call.lineNumber)} ·{" "}
                <span data-testid="wall-customer">{formatPhoneNumber(call.customerNumber)}</span>
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
