// POST /api/flireo/assistants/register – point assistants at this Callboard: { assistantIds }. One result each.
import { answerRegistrationChange } from "@/lib/flireo/change-registrations";
import { registerAssistants } from "@/lib/flireo/manage-registrations";

export const dynamic = "force-dynamic";

export function POST(request: Request): Promise<Response> {
  return answerRegistrationChange(request, registerAssistants);
}
