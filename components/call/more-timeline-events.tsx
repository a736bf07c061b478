"use client";
// The rest of a long timeline, a page at a time, when asked for: the call page renders the first page itself.
import { useTranslations } from "next-intl";
import { useState } from "react";
import { callApi } from "@/components/ui/call-api";
import type { CallEventPage, CallEventView } from "@/lib/shared/calls/call-event-view";
import { TimelineEvent } from "./timeline-event";

export function MoreTimelineEvents({ callId, after, remaining }: { callId: string; after: string; remaining: number }) {
  const t = useTranslations("call.timeline");
  const [events, setEvents] = useState<CallEventView[]>([]);
  const [next, setNext] = useState<string | null>(after);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const left = remaining - events.length;

  async function loadMore(cursor: string) {
    setBusy(true);
    setError(null);
    try {
      const page = await callApi<CallEventPage>("GET", `/api/calls/${encodeURIComponent(callId)}/events?after=${cursor}`);
      setEvents((shown) => [...shown, ...page.events]);
      setNext(page.nextAfter);
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      {events.map((event) => (
        <TimelineEvent key={event.id} event={event} />
      ))}
      {next !== null && (
        <li className="flex flex-wrap items-center gap-3">
          <button
            type="button"
            onClick={() => void loadMore(next)}
            disabled={busy}
            className="rounded-lg border border-zinc-300 px-3 py-1.5 text-sm font-medium hover:bg-zinc-50 disabled:opacity-60 dark:border-zinc-700 dark:hover:bg-zinc-800"
            data-testid="timeline-more"
          >
            {busy ? t("loading") : t("showMore", { remaining: Math.max(0, left) })}
          </button>
          {error && <span role="status" className="text-sm text-red-700 dark:text-red-300">{error}</span>}
        </li>
      )}
    </>
  );
}
