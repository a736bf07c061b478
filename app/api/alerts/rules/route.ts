// GET /api/alerts/rules – the alert rules with their destinations; POST – create a rule with its destinations.
import { createAlertRule, listAlertRules } from "@/lib/alerts/alert-rules";
import { RULE_FIELD_NAMES, ruleInputSchema } from "@/lib/alerts/alert-schemas";
import { requireAdmin } from "@/lib/context/session";
import { appContext } from "@/lib/context/current";
import { errorResponse } from "@/lib/http/api-error";
import { readJsonBody } from "@/lib/http/read-json-body";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  try {
    // proxy.ts admits only admins under /api/alerts; checked again here.
    await requireAdmin(request.headers);
    const { prisma, secretBox } = appContext();
    return Response.json({ rules: await listAlertRules(prisma, secretBox) }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error, request);
  }
}

export async function POST(request: Request): Promise<Response> {
  try {
    await requireAdmin(request.headers);
    const input = await readJsonBody(request, ruleInputSchema, RULE_FIELD_NAMES);
    const { prisma, secretBox } = appContext();
    return Response.json({ rule: await createAlertRule(prisma, secretBox, input) }, { status: 201 });
  } catch (error) {
    return errorResponse(error, request);
  }
}
