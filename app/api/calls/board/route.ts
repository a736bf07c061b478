// GET /api/calls/board?q= – the board's live calls and recent errors, for a filter change or a resync.
import { requireUser } from "@/lib/auth/session";
import { loadBoardSnapshot } from "@/lib/calls/load-board-snapshot";
import { getPrisma } from "@/lib/db/client";
import { errorResponse } from "@/lib/http/api-error";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  try {
    await requireUser(request.headers);
    const query = new URL(request.url).searchParams.get("q") ?? "";
    const snapshot = await loadBoardSnapshot(getPrisma(), query.slice(0, 64));
    return Response.json(snapshot, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
