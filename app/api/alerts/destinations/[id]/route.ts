// PATCH /api/alerts/destinations/:id – change a destination's URL, recipients or enabled flag; DELETE – remove it.
import { deleteAlertDestination, parseAlertId, updateAlertDestination } from "@/lib/alerts/alert-rules";
import { DESTINATION_FIELD_NAMES, destinationPatchSchema } from "@/lib/alerts/alert-schemas";
import { requireAdmin } from "@/lib/context/session";
import { appContext } from "@/lib/context/current";
import { errorResponse } from "@/lib/http/api-error";
import { readJsonBody } from "@/lib/http/read-json-body";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export async function PATCH(request: Request, context: Context): Promise<Response> {
  try {
    await requireAdmin(request.headers);
    const id = parseAlertId((await context.params).id, "destination");
    const patch = await readJsonBody(request, destinationPatchSchema, DESTINATION_FIELD_NAMES);
    const { prisma, secretBox } = appContext();
    return Response.json({ rule: await updateAlertDestination(prisma, secretBox, id, patch) });
  } catch (error) {
    return errorResponse(error, request);
  }
}

export async function DELETE(request: Request, context: Context): Promise<Response> {
  try {
    await requireAdmin(request.headers);
    const id = parseAlertId((await context.params).id, "destination");
    const { prisma, secretBox } = appContext();
    return Response.json({ rule: await deleteAlertDestination(prisma, secretBox, id) });
  } catch (error) {
    return errorResponse(error, request);
  }
}
