// GET /api/v1/calls's query: filters as on the board, newest first, one keyset page at a time.
//
// The page key is (created_at, id). created_at is set once, when the call's first event is stored, and never
// changes; started_at and first_event_at are not fit for it, since a late event dated earlier moves them. So paging
// while calls keep arriving neither skips nor repeats a call: new calls sort before the first page, and every
// existing call keeps its place.
import type { Prisma, PrismaClient } from "@/lib/db/generated/client";
import { numberWhere, startedWithinWhere } from "@/lib/calls/call-filter-where";
import { parseNumberSearch } from "@/lib/shared/calls/number-search";
import { env } from "@/lib/env";
import { decodeCursor, encodeCursor, type CallCursor } from "./cursor";
import type { ListCallsQuery } from "./list-calls-query";
import { CallListSchema, type ApiCallList, type ApiCallStatus } from "./schemas";
import { toApiCall } from "./to-api-call";

const STATUS_WHERE: Record<ApiCallStatus, Prisma.CallWhereInput> = {
  "in-progress": { status: "in-progress", unresolvedAt: null },
  unresolved: { status: "in-progress", unresolvedAt: { not: null } },
  ended: { status: "ended" },
  "ended-with-error": { status: "ended-with-error" },
};

/** Calls after the cursor in (created_at DESC, id DESC) order. The `lte` bound lets Postgres start the index scan there. */
function afterCursorWhere(cursor: CallCursor): Prisma.CallWhereInput {
  return { createdAt: { lte: cursor.createdAt }, OR: [{ createdAt: { lt: cursor.createdAt } }, { id: { lt: cursor.id } }] };
}

export async function listCalls(prisma: PrismaClient, query: ListCallsQuery): Promise<ApiCallList> {
  const cursor = query.cursor ? decodeCursor(query.cursor) : null;
  const where: Prisma.CallWhereInput = {
    AND: [
      numberWhere(query.number ? parseNumberSearch(query.number, env.DEFAULT_COUNTRY) : null),
      query.line ? { lineNumber: query.line } : {},
      startedWithinWhere(query.from ?? null, query.to ?? null),
      query.status ? { OR: query.status.map((status) => STATUS_WHERE[status]) } : {},
      cursor ? afterCursorWhere(cursor) : {},
    ],
  };
  // One more than a page tells whether another page follows, without a count.
  const rows = await prisma.call.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: query.limit + 1 });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return CallListSchema.parse({
    data: page.map(toApiCall),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : null,
  });
}
