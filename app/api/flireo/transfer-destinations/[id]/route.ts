// DELETE /api/flireo/transfer-destinations/{id} – take a destination off the list (admins only).
import { appContext } from "@/lib/context/current";
import { requireAdmin } from "@/lib/context/session";
import { removeTransferDestination } from "@/lib/call-control/transfer-destinations";
import { errorResponse } from "@/lib/http/api-error";

export const dynamic = "force-dynamic";

export async function DELETE(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    await requireAdmin(request.headers);
    await removeTransferDestination(appContext().prisma, (await context.params).id);
    return new Response(null, { status: 204 });
  } catch (error) {
    return errorResponse(error, request);
  }
}
