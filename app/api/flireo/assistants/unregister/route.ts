// POST /api/flireo/assistants/unregister – stop assistants sending to this Callboard: { assistantIds }. One result each.
import { answerRegistrationChange } from "@/lib/flireo/change-registrations";
import { unregisterAssistants } from "@/lib/flireo/manage-registrations";

export const dynamic = "force-dynamic";

export function POST(request: Request): Promise<Response> {
  return answerRegistrationChange(request, unregisterAssistants);
}
