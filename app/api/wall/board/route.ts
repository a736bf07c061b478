// GET /api/wall/board?line= – the wall's lists, for its resync after a (re)connect: for a signed-in user, or a
// wallboard link (its own line, numbers masked unless the link says otherwise).
import { appContext } from "@/lib/context/current";
import { requireWallViewer, wallLine } from "@/lib/context/wall-viewer";
import { errorResponse } from "@/lib/http/api-error";
import { parseWallOptions } from "@/lib/shared/wallboards/wall-options";
import { loadWallSnapshot } from "@/lib/wallboards/load-wall";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  try {
    const viewer = await requireWallViewer(request.headers);
    const { line } = parseWallOptions(Object.fromEntries(new URL(request.url).searchParams));
    const snapshot = await loadWallSnapshot(appContext().prisma, wallLine(viewer, line), viewer.kind === "wallboard" && viewer.isMasked);
    return Response.json(snapshot, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error, request);
  }
}
