// GET /api/flireo/transfer-destinations – where live calls may be transferred, and whether a typed number is allowed.
// POST – add one: { name, destination } (an E.164 number or a SIP address). Admins only.
import { appContext } from "@/lib/context/current";
import { requireAdmin } from "@/lib/context/session";
import { addTransferDestination, listTransferDestinations, newDestinationSchema, readAllowTypedNumbers } from "@/lib/call-control/transfer-destinations";
import { errorResponse } from "@/lib/http/api-error";
import { readJsonBody } from "@/lib/http/read-json-body";
import { translatorFor } from "@/lib/http/error-text";

export const dynamic = "force-dynamic";

const t = translatorFor("errors");

export async function GET(request: Request): Promise<Response> {
  try {
    await requireAdmin(request.headers);
    const { prisma } = appContext();
    const [destinations, allowTypedNumbers] = await Promise.all([listTransferDestinations(prisma), readAllowTypedNumbers(prisma)]);
    return Response.json({ destinations, allowTypedNumbers }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error, request);
  }
}

export async function POST(request: Request): Promise<Response> {
  try {
    await requireAdmin(request.headers);
    const input = await readJsonBody(request, newDestinationSchema, { name: t("fields.destinationName"), destination: t("fields.destination") });
    return Response.json({ destination: await addTransferDestination(appContext().prisma, input) }, { status: 201 });
  } catch (error) {
    return errorResponse(error, request);
  }
}
