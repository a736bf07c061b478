// GET /api/calls/stats?since=&q=&line=&status=&range=&error= – the board's KPIs, calls and errors per minute, and
// error groups, over the calls the board's filters let through.
import { z } from "zod";
import { loadBoardStats } from "@/lib/calls/load-board-stats";
import { statsFilterSql } from "@/lib/calls/stats-filter-sql";
import { env } from "@/lib/env";
import { compileCallFilter, parseCallFilter } from "@/lib/shared/calls/call-filter";
import { appContext } from "@/lib/context/current";
import { ApiError, errorResponse } from "@/lib/http/api-error";

export const dynamic = "force-dynamic";

const querySchema = z.object({
  since: z.iso.datetime({ offset: true, error: "since must be an ISO 8601 date-time, e.g. 2026-11-27T00:00:00+01:00" }),
});

export async function GET(request: Request): Promise<Response> {
  try {
    const params = new URL(request.url).searchParams;
    const parsed = querySchema.safeParse({ since: params.get("since") ?? undefined });
    if (!parsed.success) throw new ApiError("bad_request", parsed.error.issues[0]?.message ?? "Invalid query");
    const filter = compileCallFilter(parseCallFilter(params), env.DEFAULT_COUNTRY);
    const stats = await loadBoardStats(appContext().prisma, new Date(parsed.data.since), statsFilterSql(filter, Date.now()));
    return Response.json(stats, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
