// Flireo's answer to a call-control command, in words a supervisor can act on, and as Callboard answers it: what
// the audit trail keeps (outcome, status, message) and the ApiError a refusal becomes.
import { FlireoApiError, type FlireoControlAnswer } from "@/lib/flireo/flireo-client";
import { ApiError } from "@/lib/http/api-error";
import { COMMAND_LABEL, type CallCommandType, type CommandOutcome } from "@/lib/shared/control/call-command";
import { isBudgetExhaustedError } from "@/lib/flireo/request-budget";

/** Flireo's own limit (webhooks.md §7); the process's Flireo request budget keeps to it before sending. */
const FLIREO_COMMANDS_PER_CALL_PER_MINUTE = 10;

export type ControlAnswer = { outcome: Exclude<CommandOutcome, "pending">; flireoStatus: number | null; message: string };

const ACCEPTED: Record<CallCommandType, string> = {
  "end-call": "Flireo is ending the call.",
  say: "Flireo is saying it to the caller.",
  transfer: "Flireo is transferring the call.",
  "inject-context": "Flireo passed the briefing to the agent.",
};

export function acceptedAnswer(type: CallCommandType, answer: FlireoControlAnswer): ControlAnswer {
  const said = answer.message?.trim();
  return { outcome: "ok", flireoStatus: 200, message: said ? `${ACCEPTED[type]} Flireo: ${said}` : ACCEPTED[type] };
}

export function tooManyForCallMessage(retryAfterSeconds: number): string {
  return `Flireo takes ${FLIREO_COMMANDS_PER_CALL_PER_MINUTE} commands a minute per call; try again in ${retryAfterSeconds} s.`;
}

/** Flireo's 400 for a call that is no longer in progress; its other 400s are about the command itself. */
function isNotActive(error: FlireoApiError): boolean {
  return /not (active|in[ -]progress)|already ended|has ended|no longer/i.test(`${error.flireoMessage ?? ""} ${error.code ?? ""}`);
}

/** A failed command as the audit trail keeps it, and the error the request is answered with. */
export function refusedAnswer(type: CallCommandType, error: unknown): { answer: ControlAnswer; error: ApiError } {
  if (!(error instanceof FlireoApiError)) throw error;
  const said = error.flireoMessage ? ` (Flireo: ${error.flireoMessage})` : "";
  const what = COMMAND_LABEL[type];
  const refuse = (code: ConstructorParameters<typeof ApiError>[0], message: string, options: ConstructorParameters<typeof ApiError>[2] = {}) => ({
    answer: { outcome: error.status !== null && error.status < 500 ? ("refused" as const) : ("failed" as const), flireoStatus: error.status, message },
    error: new ApiError(code, message, { ...options, details: { flireoStatus: error.status, ...(options.details as object | undefined) } }),
  });
  if (error.isBudgetExhausted) {
    // Not sent: the budget had no slot. For this call's own cap, Flireo's limit in words; otherwise the budget's.
    const wait = error.retryAfterSeconds ?? 60;
    const isCallCap = isBudgetExhaustedError(error.cause) && error.cause.reason === "call";
    const message = isCallCap ? tooManyForCallMessage(wait) : error.message;
    return {
      answer: { outcome: "refused", flireoStatus: null, message },
      error: new ApiError("rate_limited", message, { headers: { "retry-after": String(wait) }, details: { retryAfterSeconds: wait } }),
    };
  }
  if (error.status === 400 && isNotActive(error)) return refuse("conflict", "This call has already ended.", { details: { callEnded: true } });
  if (error.status === 400 || error.status === 422) return refuse("unprocessable", `Flireo refused the command "${what}"${said}.`);
  if (error.status === 404) return refuse("not_found", `Flireo does not know this call (404)${said}; it may have ended, or belong to another organization's key.`);
  if (error.status === 429) {
    const wait = error.retryAfterSeconds ?? 60;
    return refuse("rate_limited", tooManyForCallMessage(wait), { headers: { "retry-after": String(wait) }, details: { retryAfterSeconds: wait } });
  }
  if (error.status === 401 || error.status === 403) {
    const problem = error.status === 401 ? "refused Callboard's API key" : "says the API key lacks access to this call";
    return refuse("upstream_failed", `Flireo ${problem} (${error.status})${said}. An admin can enter a key of the right organization on the webhooks page or in FLIREO_API_KEY.`);
  }
  const cause = error.status === null ? "did not answer in time or could not be reached" : `had a server error (${error.status})`;
  return refuse("unavailable", `Flireo is unavailable: it ${cause}. The command "${what}" was not confirmed; try again shortly.`, { headers: { "retry-after": "5" } });
}
