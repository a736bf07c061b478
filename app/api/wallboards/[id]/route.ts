// PATCH /api/wallboards/{id} – { showFullNumbers }: the link's open screens, on every instance, reconnect at once and
// get numbers as it now says. DELETE – revokes the link: its open screens say so and disconnect at once.
import { requireAdmin } from "@/lib/context/session";
import { appContext } from "@/lib/context/current";
import { ApiError, errorResponse } from "@/lib/http/api-error";
import { readJsonBody } from "@/lib/http/read-json-body";
import { changeWallboard, revokeWallboard, wallboardChangeSchema, wallboardIdSchema } from "@/lib/wallboards/wallboards";

export const dynamic = "force-dynamic";

async function wallboardId(params: Promise<{ id: string }>): Promise<string> {
  const parsed = wallboardIdSchema.safeParse((await params).id);
  if (!parsed.success) throw new ApiError("not_found", parsed.error.issues[0]?.message ?? "No such wallboard.");
  return parsed.data;
}

export async function PATCH(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    await requireAdmin(request.headers);
    const id = await wallboardId(params);
    const change = await readJsonBody(request, wallboardChangeSchema);
    const { prisma, realtime } = appContext();
    const wallboard = await changeWallboard(prisma, id, change);
    realtime.reconnectWallboard(wallboard.id);
    return Response.json({ wallboard }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error, request);
  }
}

export async function DELETE(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const admin = await requireAdmin(request.headers);
    const id = await wallboardId(params);
    const { prisma, realtime } = appContext();
    const wallboard = await revokeWallboard(prisma, id, admin.id);
    realtime.disconnectWallboard(wallboard.id);
    return Response.json({ wallboard }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error, request);
  }
}
