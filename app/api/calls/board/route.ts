// GET /api/calls/board?q=&line=&status=&range= – the board's filtered lists, for a filter change or a resync.
import { requireUser } from "@/lib/context/session";
import { parseCallFilter } from "@/lib/shared/calls/call-filter";
import { findLatestCommands } from "@/lib/call-control/call-commands";
import { loadBoardSnapshot } from "@/lib/calls/load-board-snapshot";
import { appContext } from "@/lib/context/current";
import { errorResponse } from "@/lib/http/api-error";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  try {
    await requireUser(request.headers);
    const filter = parseCallFilter(new URL(request.url).searchParams);
    const snapshot = await loadBoardSnapshot(appContext().prisma, filter, (callIds) => findLatestCommands(appContext().prisma, callIds));
    return Response.json(snapshot, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error, request);
  }
}
