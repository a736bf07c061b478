// POST /api/calls/{id}/control – act on a live call: Flireo's own body ({ type: end-call | say | transfer |
// inject-context, … }), answered { ok: true, message } in Flireo's words, or the one error shape.
import { sendCallCommand } from "@/lib/call-control/send-call-command";
import { callControlDeps } from "@/lib/context/call-control";
import { requireCallController } from "@/lib/context/session";
import { ApiError, errorResponse } from "@/lib/http/api-error";

export const dynamic = "force-dynamic";

const NO_STORE = { "cache-control": "no-store" };

export async function POST(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    // proxy.ts refused anonymous and cross-site requests; the role is checked here, whatever the page showed.
    const user = await requireCallController(request.headers);
    const { id } = await context.params;
    const body: unknown = await request.json().catch(() => {
      throw new ApiError("invalid_json", "The request body must be JSON: a command such as { \"type\": \"end-call\" }.");
    });
    // Callboard's own pages say so; any other client of this API is recorded as the API.
    const source = request.headers.get("x-callboard-client") === "board" ? "board" : "api";
    const { ok, message, command } = await sendCallCommand(callControlDeps(), id, body, { userId: user.id, actor: user.email, source });
    return Response.json({ ok, message, command }, { headers: NO_STORE });
  } catch (error) {
    const response = errorResponse(error, request);
    response.headers.set("cache-control", "no-store");
    return response;
  }
}
