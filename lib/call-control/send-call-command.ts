// One command to a live call, from whoever asks (a page, the API, the command line) to Flireo and back: checked,
// limited, recorded as sent, announced, sent, and recorded and announced again with Flireo's answer.
import type { PrismaClient } from "@/lib/db/generated/client";
import type { FlireoClient } from "@/lib/flireo/flireo-client";
import { ApiError } from "@/lib/http/api-error";
import { translatorFor } from "@/lib/http/error-text";
import { describeIssues } from "@/lib/http/read-json-body";
import type { SharedRateLimiter } from "@/lib/http/shared-rate-limit";
import { callCommandSchema, type CallCommand, type CallCommandView } from "@/lib/shared/control/call-command";
import { recordCommandAnswer, recordPendingCommand, type CommandActor } from "./call-commands";
import { acceptedAnswer, refusedAnswer, type ControlAnswer } from "./control-answer";
import { resolveTransferDestination } from "./transfer-destinations";

const t = translatorFor("errors");

export type CallControlDeps = {
  prisma: PrismaClient;
  /** A client with the stored API key, or null when there is none. */
  connectFlireo: () => Promise<FlireoClient | null>;
  /** Every open board and call page hears of each command twice: sent, then answered. */
  publish: (command: CallCommandView) => void;
  /** CONTROL_COMMANDS_PER_MINUTE per user (the command line counts as one). Flireo's 10 a minute per call are kept
   * by the client's request budget (its "control" lane). */
  perUser: SharedRateLimiter;
};

export type CommandResult = { ok: true; message: string; command: CallCommandView };

function parseCommand(input: unknown): CallCommand {
  const parsed = callCommandSchema.safeParse(input);
  if (!parsed.success) throw new ApiError("unprocessable", `The command has the wrong shape. ${describeIssues(parsed.error.issues)}`, { details: parsed.error.issues });
  return parsed.data;
}

/** The call, which must be in progress here: a call Callboard knows as ended has nothing left to act on. */
async function findLiveCall(prisma: PrismaClient, callId: string): Promise<{ id: string; flireoId: string }> {
  const call = await prisma.call.findUnique({ where: { id: callId }, select: { id: true, status: true, unresolvedAt: true, flireoCallId: true } });
  if (!call) throw new ApiError("not_found", t("callControl.callNotFound", { id: callId }));
  if (call.status !== "in-progress") throw new ApiError("conflict", t("callControl.callEnded"), { details: { callEnded: true } });
  if (call.unresolvedAt) {
    throw new ApiError("conflict", t("callControl.callSilent"));
  }
  // Flireo's REST id where reconciliation found it differs from the webhooks' id.
  return { id: call.id, flireoId: call.flireoCallId ?? call.id };
}

async function takeLimits(deps: CallControlDeps, by: CommandActor): Promise<void> {
  const decision = await deps.perUser.take(`control:${by.userId ?? by.actor}`);
  if (!decision.allowed) {
    const wait = decision.retryAfterSeconds;
    throw new ApiError("rate_limited", t("callControl.rateLimited", { perMinute: deps.perUser.perMinute, seconds: wait }), {
      headers: { "retry-after": String(wait) },
      details: { retryAfterSeconds: wait },
    });
  }
}

async function ask(client: FlireoClient, call: { flireoId: string }, command: CallCommand): Promise<{ answer: ControlAnswer; error: ApiError | null }> {
  try {
    return { answer: acceptedAnswer(command.type, await client.controlCall(call.flireoId, command)), error: null };
  } catch (error) {
    return refusedAnswer(command.type, error);
  }
}

export async function sendCallCommand(deps: CallControlDeps, callId: string, input: unknown, by: CommandActor): Promise<CommandResult> {
  const parsed = parseCommand(input);
  const call = await findLiveCall(deps.prisma, callId);
  const command = parsed.type === "transfer" ? { ...parsed, destination: await resolveTransferDestination(deps.prisma, parsed.destination) } : parsed;
  const client = await deps.connectFlireo();
  if (!client) throw new ApiError("bad_request", t("callControl.noApiKey"), { details: { missingApiKey: true } });
  await takeLimits(deps, by);

  const pending = await recordPendingCommand(deps.prisma, call.id, command, by);
  deps.publish(pending);
  const { answer, error } = await ask(client, call, command);
  const answered = await recordCommandAnswer(deps.prisma, pending.id, answer);
  deps.publish(answered);
  if (error) throw error;
  return { ok: true, message: answer.message, command: answered };
}
