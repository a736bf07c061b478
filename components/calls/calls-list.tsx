// The calls page's results: one row per call, newest first, with the passage that matched the words (marked) or
// else the summary. Every text is rendered as React text; a match is a <mark> around text, never HTML.
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { CallsPageRow, PassagePart } from "@/lib/shared/calls/call-search";
import { callStartedAt, endedCallDuration } from "@/lib/shared/calls/call-view";
import { formatDuration, formatPhoneNumber } from "@/lib/shared/calls/format";
import { LocalTime } from "@/components/ui/time-zone";

const STATUS_CLASS = {
  "in-progress": "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300",
  ended: "bg-zinc-200 text-zinc-800 dark:bg-zinc-800 dark:text-zinc-200",
  "ended-with-error": "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-300",
} as const;

export function Passage({ parts }: { parts: PassagePart[] }) {
  return (
    <p className="text-sm leading-relaxed [overflow-wrap:anywhere] text-zinc-700 dark:text-zinc-300" data-testid="call-passage">
      {parts.map((part, index) =>
        part.isMatch ? (
          <mark key={index} className="rounded bg-amber-200 px-0.5 text-zinc-900 dark:bg-amber-500/40 dark:text-amber-50">{part.text}</mark>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </p>
  );
}

function Row({ row }: { row: CallsPageRow }) {
  const t = useTranslations("callsPage");
  const { call } = row;
  const duration = call.status === "in-progress" ? null : endedCallDuration(call);
  return (
    <li data-testid="calls-row" data-call-id={call.id} className="flex flex-col gap-1 px-4 py-3 hover:bg-zinc-50 dark:hover:bg-zinc-800/40">
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <Link href={`/calls/${encodeURIComponent(call.id)}`} className="font-semibold tabular-nums text-sky-700 hover:underline dark:text-sky-300">
          {formatPhoneNumber(call.customerNumber)}
        </Link>
        <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${STATUS_CLASS[call.status]}`}>{t(`status.${call.status}`)}</span>
        <span className="text-sm text-zinc-600 dark:text-zinc-400">{call.lineName ?? formatPhoneNumber(call.lineNumber)}</span>
        <LocalTime iso={callStartedAt(call)} format="day-time" className="text-sm tabular-nums text-zinc-500 dark:text-zinc-400" />
        {duration !== null && <span className="text-sm tabular-nums text-zinc-500 dark:text-zinc-400">{formatDuration(duration)}</span>}
      </div>
      {row.passage ? (
        <Passage parts={row.passage} />
      ) : (
        (call.summary ?? call.error) && <p className="line-clamp-2 text-sm [overflow-wrap:anywhere] text-zinc-700 dark:text-zinc-300">{call.summary ?? call.error}</p>
      )}
    </li>
  );
}

export function CallsList({ rows, olderHref, newestHref }: { rows: CallsPageRow[]; olderHref: string | null; newestHref: string | null }) {
  const t = useTranslations("callsPage");
  return (
    <section className="rounded-2xl border border-zinc-200 bg-white shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
      {rows.length === 0 ? (
        <p className="p-5 text-zinc-500 dark:text-zinc-400" data-testid="calls-empty">{t("empty")}</p>
      ) : (
        <ol className="divide-y divide-zinc-100 dark:divide-zinc-800" data-testid="calls-list">
          {rows.map((row) => <Row key={row.call.id} row={row} />)}
        </ol>
      )}
      {(olderHref || newestHref) && (
        <nav aria-label={t("pages")} className="flex justify-between gap-3 border-t border-zinc-100 px-4 py-3 text-sm font-medium dark:border-zinc-800">
          {newestHref ? <Link href={newestHref} className="text-sky-700 hover:underline dark:text-sky-300" data-testid="calls-newest">{t("newest")}</Link> : <span />}
          {olderHref && <Link href={olderHref} className="text-sky-700 hover:underline dark:text-sky-300" data-testid="calls-older">{t("older")}</Link>}
        </nav>
      )}
    </section>
  );
}
