// GET /api/wall/figures?line= – the wall's figures: calls and errors in the last hour, and calls per minute.
import { appContext } from "@/lib/context/current";
import { requireWallViewer, wallLine } from "@/lib/context/wall-viewer";
import { errorResponse } from "@/lib/http/api-error";
import { parseWallOptions } from "@/lib/shared/wallboards/wall-options";
import { loadWallFigures } from "@/lib/wallboards/load-wall";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  try {
    const viewer = await requireWallViewer(request.headers);
    const { line } = parseWallOptions(Object.fromEntries(new URL(request.url).searchParams));
    const { prisma, env } = appContext();
    return Response.json(await loadWallFigures(prisma, wallLine(viewer, line), env.DEFAULT_COUNTRY), { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error, request);
  }
}
