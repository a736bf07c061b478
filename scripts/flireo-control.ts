// npm run flireo -- control --call <id> <end | say | transfer | brief> …: a command to a live call from a terminal,
// sent and recorded exactly as from the board (the audit trail names it "cli"; the command line counts as one user
// against CONTROL_COMMANDS_PER_MINUTE). Boards hear of it when Flireo's webhooks change the call, and its call page
// shows it in the timeline.
import type { PrismaClient } from "@/lib/db/generated/client";
import type { Database } from "@/lib/db/client";
import { sendCallCommand } from "@/lib/call-control/send-call-command";
import { env } from "@/lib/env";
import { resolveFlireoApiKey } from "@/lib/flireo/flireo-api-key";
import { createFlireoClient } from "@/lib/flireo/flireo-client";
import { createRequestBudgetFromEnv } from "@/lib/flireo/request-budget";
import { ApiError } from "@/lib/http/api-error";
import { createPostgresRateLimitStore } from "@/lib/http/rate-limit-stores";
import { createSharedRateLimiter } from "@/lib/http/shared-rate-limit";
import type { ChangeAnnouncer } from "@/lib/realtime/changes-channel";
import type { SecretBox } from "@/lib/secrets/secret-box";

export const CONTROL_USAGE = `npm run flireo -- control --call <id> end [--message <goodbye>]
       npm run flireo -- control --call <id> say --text <words> [--end-after]
       npm run flireo -- control --call <id> transfer --to <+E.164 number or listed SIP address> [--message <words>]
       npm run flireo -- control --call <id> brief --text <briefing> [--respond]`;

export const CONTROL_OPTIONS = {
  call: { type: "string" },
  message: { type: "string" },
  text: { type: "string" },
  to: { type: "string" },
  "end-after": { type: "boolean" },
  respond: { type: "boolean" },
} as const;

type ControlValues = { call?: string; message?: string; text?: string; to?: string; "end-after"?: boolean; respond?: boolean };

/** The command the arguments describe, in Flireo's body shape (sendCallCommand checks it as it checks the API's). */
function toCommand(action: string | undefined, values: ControlValues): Record<string, unknown> {
  const message = values.message === undefined ? {} : { message: values.message };
  if (action === "end") return { type: "end-call", ...message };
  if (action === "say") return { type: "say", content: values.text ?? "", end_after: values["end-after"] ?? false };
  if (action === "transfer") return { type: "transfer", destination: values.to ?? "", ...message };
  if (action === "brief") return { type: "inject-context", content: values.text ?? "", trigger_response: values.respond ?? false };
  throw new ApiError("bad_request", `Name the action: end, say, transfer or brief.\nUsage: ${CONTROL_USAGE}`);
}

export async function runControlCommand(
  database: { prisma: PrismaClient; pool: Database["pool"] },
  box: SecretBox,
  action: string | undefined,
  values: ControlValues,
  announcer: Pick<ChangeAnnouncer, "publishCommand">,
): Promise<boolean> {
  if (!values.call) throw new ApiError("bad_request", `Name the call: --call <id> (its id on the board's call page).\nUsage: ${CONTROL_USAGE}`);
  const { prisma, pool } = database;
  const perUser = createSharedRateLimiter({ perMinute: env.CONTROL_COMMANDS_PER_MINUTE, store: createPostgresRateLimitStore(pool) });
  const budget = createRequestBudgetFromEnv(env);
  try {
    const result = await sendCallCommand(
      {
        prisma,
        connectFlireo: async () => {
          const apiKey = await resolveFlireoApiKey(prisma, box);
          return apiKey ? createFlireoClient({ baseUrl: env.FLIREO_API_BASE_URL, apiKey: apiKey.key, budget, lane: "control" }) : null;
        },
        publish: announcer.publishCommand,
        perUser,
      },
      values.call,
      toCommand(action, values),
      { userId: null, actor: "cli", source: "cli" },
    );
    console.log(result.message);
    return true;
  } finally {
    perUser.stop();
    await perUser.flush();
  }
}
