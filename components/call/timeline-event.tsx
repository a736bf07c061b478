// One event of a call's timeline: when it happened, what it said, when it arrived, and its raw payload.
// No state: the call page renders the first page on the server and "Show more" renders the rest in the browser
// (useTranslations works in both).
import { useTranslations } from "next-intl";
import { LocalTime } from "@/components/ui/time-zone";
import { callEventKey } from "./call-labels";
import type { CallEventView } from "@/lib/shared/calls/call-event-view";

export function Json({ value }: { value: unknown }) {
  return (
    <pre className="max-h-96 overflow-auto rounded-lg bg-zinc-50 p-3 font-mono text-xs leading-relaxed text-zinc-800 dark:bg-zinc-950 dark:text-zinc-200">
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}

export function TimelineEvent({ event }: { event: CallEventView }) {
  const t = useTranslations("call");
  const key = callEventKey(event);
  return (
    <li data-testid="timeline-event" data-type={event.type} data-status={event.status ?? ""} className="relative">
      <span aria-hidden className="absolute top-1.5 -left-[25px] size-2.5 rounded-full bg-zinc-400 ring-4 ring-white dark:ring-zinc-900" />
      <div className="flex flex-wrap items-baseline gap-x-3">
        <LocalTime iso={event.occurredAt} format="precise" className="font-mono text-sm font-semibold tabular-nums" />
        <span className="font-semibold">{key ? t(`events.${key}`) : event.type}</span>
        <span className="font-mono text-xs text-zinc-500 dark:text-zinc-400">
          {event.type}
          {event.status && ` · ${event.status}`}
        </span>
        <span className="text-xs text-zinc-500 dark:text-zinc-400">
          {t("timeline.received")} <LocalTime iso={event.receivedAt} format="precise" />
        </span>
      </div>
      <details className="mt-1">
        <summary className="cursor-pointer text-sm text-sky-700 dark:text-sky-300">{t("timeline.rawPayload")}</summary>
        <Json value={event.payload} />
      </details>
    </li>
  );
}
