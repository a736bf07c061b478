// GET /api/calls/{id}/events?after=<event id> – the next page of a call's timeline, for its page's "Show more".
import { requireUser } from "@/lib/context/session";
import { appContext } from "@/lib/context/current";
import { listCallEvents, parseEventCursor } from "@/lib/calls/list-call-events";
import { ApiError, errorResponse } from "@/lib/http/api-error";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    await requireUser(request.headers);
    const { id } = await params;
    const { prisma } = appContext();
    if (!(await prisma.call.findUnique({ where: { id }, select: { id: true } }))) throw new ApiError("not_found", "No call has this id.");
    const after = parseEventCursor(new URL(request.url).searchParams.get("after"));
    return Response.json(await listCallEvents(prisma, id, { after }), { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error, request);
  }
}
