// GET /api/v1/calls's query: filters as on the board and words said in the call, newest first, one keyset page at a
// time (lib/calls/search-calls.ts, which the calls page uses too).
//
// The page key is (created_at, id). created_at is set once, when the call's first event is stored, and never
// changes; started_at and first_event_at are not fit for it, since a late event dated earlier moves them. So paging
// while calls keep arriving neither skips nor repeats a call: new calls sort before the first page, and every
// existing call keeps its place.
import type { PrismaClient } from "@/lib/db/generated/client";
import { searchCalls, searchWords } from "@/lib/calls/search-calls";
import { parseNumberSearch } from "@/lib/shared/calls/number-search";
import { env } from "@/lib/env";
import { decodeCursor, encodeCursor } from "./cursor";
import type { ListCallsQuery } from "./list-calls-query";
import { CallListSchema, type ApiCallList } from "./schemas";
import { toApiCall } from "./to-api-call";

export async function listCalls(prisma: PrismaClient, query: ListCallsQuery): Promise<ApiCallList> {
  const { hits, hasMore } = await searchCalls(prisma, {
    words: searchWords(query.q),
    number: query.number ? parseNumberSearch(query.number, env.DEFAULT_COUNTRY) : null,
    line: query.line ?? null,
    statuses: query.status ?? null,
    from: query.from ?? null,
    to: query.to ?? null,
    after: query.cursor ? decodeCursor(query.cursor) : null,
    limit: query.limit,
  });
  const last = hits.at(-1)?.call;
  return CallListSchema.parse({
    data: hits.map((hit) => toApiCall(hit.call)),
    nextCursor: hasMore && last ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : null,
  });
}
