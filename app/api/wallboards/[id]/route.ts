// DELETE /api/wallboards/{id} – revokes the link: its open screens, on every instance, say so and disconnect at once.
import { requireAdmin } from "@/lib/context/session";
import { appContext } from "@/lib/context/current";
import { ApiError, errorResponse } from "@/lib/http/api-error";
import { revokeWallboard, wallboardIdSchema } from "@/lib/wallboards/wallboards";

export const dynamic = "force-dynamic";

export async function DELETE(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const admin = await requireAdmin(request.headers);
    const parsed = wallboardIdSchema.safeParse((await params).id);
    if (!parsed.success) throw new ApiError("not_found", parsed.error.issues[0]?.message ?? "No such wallboard.");
    const { prisma, realtime } = appContext();
    const wallboard = await revokeWallboard(prisma, parsed.data, admin.id);
    realtime.disconnectWallboard(wallboard.id);
    return Response.json({ wallboard }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
