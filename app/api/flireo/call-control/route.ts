// PUT /api/flireo/call-control – { allowTypedNumbers }: whether supervisors may transfer to a number they type
// (checked as E.164) besides the destinations on the list. Admins only.
import { z } from "zod";
import { appContext } from "@/lib/context/current";
import { requireAdmin } from "@/lib/context/session";
import { writeAllowTypedNumbers } from "@/lib/call-control/transfer-destinations";
import { errorResponse } from "@/lib/http/api-error";
import { readJsonBody } from "@/lib/http/read-json-body";
import { translatorFor } from "@/lib/http/error-text";

export const dynamic = "force-dynamic";

const t = translatorFor("errors");

const bodySchema = z.object({ allowTypedNumbers: z.boolean("allowTypedNumbers must be true or false.") });

export async function PUT(request: Request): Promise<Response> {
  try {
    await requireAdmin(request.headers);
    const { allowTypedNumbers } = await readJsonBody(request, bodySchema, { allowTypedNumbers: t("fields.allowTypedNumbers") });
    await writeAllowTypedNumbers(appContext().prisma, allowTypedNumbers);
    return Response.json({ allowTypedNumbers });
  } catch (error) {
    return errorResponse(error, request);
  }
}
