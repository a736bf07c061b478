// GET /api/calls/stats?since=&q=&line=&status=&range=&error= – the board's KPIs, calls and errors per minute, and
// error groups, over the calls the board's filters let through; and the drift notice.
import { z } from "zod";
import { loadBoardStats } from "@/lib/calls/load-board-stats";
import { statsFilterSql } from "@/lib/calls/stats-filter-sql";
import { compileCallFilter, parseCallFilter } from "@/lib/shared/calls/call-filter";
import { appContext } from "@/lib/context/current";
import { ApiError, errorResponse } from "@/lib/http/api-error";
import { loadDriftNotice } from "@/lib/reconcile/reconcile-rounds";

export const dynamic = "force-dynamic";

const querySchema = z.object({
  since: z.iso.datetime({ offset: true, error: "since must be an ISO 8601 date-time, e.g. 2026-11-27T00:00:00+01:00" }),
});

export async function GET(request: Request): Promise<Response> {
  try {
    const params = new URL(request.url).searchParams;
    const parsed = querySchema.safeParse({ since: params.get("since") ?? undefined });
    if (!parsed.success) throw new ApiError("bad_request", parsed.error.issues[0]?.message ?? "Invalid query");
    const { prisma, database, env } = appContext();
    const filter = compileCallFilter(parseCallFilter(params), env.DEFAULT_COUNTRY);
    const [stats, flireoDrift] = await Promise.all([
      loadBoardStats(prisma, new Date(parsed.data.since), statsFilterSql(filter, Date.now())),
      // A notice older than three rounds is not shown: reconciliation has stopped, and it may no longer be true.
      loadDriftNotice(database.pool, { freshSeconds: Math.max(180, 3 * env.FLIREO_RECONCILE_SECONDS) }),
    ]);
    return Response.json({ ...stats, flireoDrift }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error, request);
  }
}
