// POST /api/alerts/rules/:id/destinations – add a destination to a rule: { kind, url } or { kind: "email", to }.
import { addAlertDestination, parseAlertId } from "@/lib/alerts/alert-rules";
import { DESTINATION_FIELD_NAMES, destinationInputSchema } from "@/lib/alerts/alert-schemas";
import { requireAdmin } from "@/lib/context/session";
import { appContext } from "@/lib/context/current";
import { errorResponse } from "@/lib/http/api-error";
import { readJsonBody } from "@/lib/http/read-json-body";

export const dynamic = "force-dynamic";

export async function POST(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    await requireAdmin(request.headers);
    const ruleId = parseAlertId((await context.params).id, "rule");
    const input = await readJsonBody(request, destinationInputSchema, DESTINATION_FIELD_NAMES);
    const { prisma, secretBox } = appContext();
    return Response.json({ rule: await addAlertDestination(prisma, secretBox, ruleId, input) }, { status: 201 });
  } catch (error) {
    return errorResponse(error, request);
  }
}
