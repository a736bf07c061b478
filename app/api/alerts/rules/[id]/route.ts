// PATCH /api/alerts/rules/:id – change a rule (any of its fields, e.g. { isEnabled: false }); DELETE – remove it.
import { deleteAlertRule, parseAlertId, updateAlertRule } from "@/lib/alerts/alert-rules";
import { RULE_FIELD_NAMES, rulePatchSchema } from "@/lib/alerts/alert-schemas";
import { requireAdmin } from "@/lib/context/session";
import { appContext } from "@/lib/context/current";
import { errorResponse } from "@/lib/http/api-error";
import { readJsonBody } from "@/lib/http/read-json-body";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export async function PATCH(request: Request, context: Context): Promise<Response> {
  try {
    await requireAdmin(request.headers);
    const id = parseAlertId((await context.params).id, "rule");
    const patch = await readJsonBody(request, rulePatchSchema, RULE_FIELD_NAMES);
    const { prisma, secretBox } = appContext();
    return Response.json({ rule: await updateAlertRule(prisma, secretBox, id, patch) });
  } catch (error) {
    return errorResponse(error, request);
  }
}

export async function DELETE(request: Request, context: Context): Promise<Response> {
  try {
    await requireAdmin(request.headers);
    await deleteAlertRule(appContext().prisma, parseAlertId((await context.params).id, "rule"));
    return new Response(null, { status: 204 });
  } catch (error) {
    return errorResponse(error, request);
  }
}
