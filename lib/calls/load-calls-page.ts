// The calls page (/calls) and its CSV export: every stored call, newest first, with the board's filters and the
// words searched for, read through searchCalls.
import type { PrismaClient } from "@/lib/db/generated/client";
import { env } from "@/lib/env";
import { rangeStart, type StatusFilter } from "@/lib/shared/calls/call-filter";
import { splitPassage, type CallsPageFilter, type CallsPageRow } from "@/lib/shared/calls/call-search";
import { parseNumberSearch } from "@/lib/shared/calls/number-search";
import { callToView } from "./call-row";
import { searchCalls, searchWords, type CallSearch, type SearchStatus } from "./search-calls";

export const CALLS_PAGE_SIZE = 50;

const STATUSES: Record<StatusFilter, SearchStatus[] | null> = {
  all: null,
  live: ["in-progress"],
  ended: ["ended"],
  error: ["ended-with-error"],
};

/** The page's filters as a search; the words are checked here (a 422 for too long a search). */
export function callsPageSearch(filter: CallsPageFilter, after: CallSearch["after"], now: number, limit = CALLS_PAGE_SIZE): CallSearch {
  return {
    words: searchWords(filter.q),
    number: parseNumberSearch(filter.number, env.DEFAULT_COUNTRY),
    line: filter.line || null,
    statuses: STATUSES[filter.status],
    from: rangeStart(filter.range, now),
    to: null,
    after,
    limit,
  };
}

export type CallsPage = { rows: CallsPageRow[]; next: { createdAt: Date; id: string } | null };

export async function loadCallsPage(prisma: PrismaClient, filter: CallsPageFilter, after: CallSearch["after"], now = Date.now()): Promise<CallsPage> {
  const { hits, hasMore } = await searchCalls(prisma, callsPageSearch(filter, after, now));
  const last = hits.at(-1)?.call;
  return {
    rows: hits.map((hit) => ({ call: callToView(hit.call), passage: hit.passage === null ? null : splitPassage(hit.passage) })),
    next: hasMore && last ? { createdAt: last.createdAt, id: last.id } : null,
  };
}
