// Points Flireo assistants at this Callboard, or away from it, through Flireo's API. Only the three webhook
// fields are sent, so an assistant's other settings stay as they are (PATCH is a partial update, §6.2).
//
// Register:   webhook_url = Callboard's URL, webhook_secret = the current secret, webhook_events = the enabled
//             events. Callboard only handles status-update and end-of-call-report; any other event would be
//             acknowledged and dropped, so none is asked for.
// Unregister: only for an assistant that sends to this Callboard (its URL, or one of its secrets);
//             webhook_url and webhook_secret become null and Callboard's events leave webhook_events (null
//             when none remain). An assistant pointing elsewhere is left alone.
import { ApiError } from "@/lib/http/api-error";
import { translatorFor } from "@/lib/http/error-text";
import { HANDLED_EVENT_TYPES } from "@/lib/calls/call-event";
import { isSameWebhookUrl } from "@/lib/webhooks/webhook-url";
import { FlireoApiError, type FlireoAssistant, type FlireoClient, type FlireoNumber } from "./flireo-client";
import type { AssistantView, FlireoOverview, NumberView, RegistrationResult } from "@/lib/shared/flireo/flireo-view";

const t = translatorFor("errors");

export type RegistrationTarget = {
  webhookUrl: string;
  /** Valid signing secrets, the current one first. */
  secrets: readonly string[];
  events: readonly string[];
};

function isOurs(assistant: FlireoAssistant, target: RegistrationTarget): boolean {
  return isSameWebhookUrl(assistant.webhook_url, target.webhookUrl) || (!!assistant.webhook_secret && target.secrets.includes(assistant.webhook_secret));
}

export function describeAssistant(assistant: FlireoAssistant, target: RegistrationTarget): AssistantView {
  const events = assistant.webhook_events ?? [];
  const secret = assistant.webhook_secret ?? null;
  return {
    id: assistant.id,
    name: assistant.name || assistant.business_name || "(unnamed assistant)",
    isActive: assistant.is_active ?? null,
    webhookUrl: assistant.webhook_url ?? null,
    events,
    connection: isSameWebhookUrl(assistant.webhook_url, target.webhookUrl) ? "this-callboard" : assistant.webhook_url ? "elsewhere" : "none",
    secretState: !secret ? "none" : secret === target.secrets[0] ? "current" : target.secrets.includes(secret) ? "previous" : "other",
    missingEvents: target.events.filter((event) => !events.includes(event)),
  };
}

function describeNumber(number: FlireoNumber, assistants: FlireoAssistant[]): NumberView {
  const assistantId = number.agent_id ?? number.assistant_id ?? null;
  const assistant = assistants.find((candidate) => candidate.id === assistantId);
  return {
    id: number.id,
    phoneNumber: number.phone_number ?? null,
    name: number.name ?? null,
    assistantId,
    assistantName: assistant?.name ?? number.agent_name ?? null,
  };
}

export async function loadFlireoOverview(client: FlireoClient, target: RegistrationTarget): Promise<FlireoOverview> {
  const [assistants, numbers] = await Promise.all([client.listAssistants(), client.listNumbers()]);
  return {
    assistants: assistants.map((assistant) => describeAssistant(assistant, target)),
    numbers: numbers.map((number) => describeNumber(number, assistants)),
  };
}

function failed(assistantId: string, error: FlireoApiError): RegistrationResult {
  return { assistantId, outcome: "failed", message: error.message, status: error.status, retryAfterSeconds: error.retryAfterSeconds };
}

/** After a 429 the next requests would be refused too: report the rest as not tried, with when to retry. */
function skipAfterRateLimit(ids: readonly string[], from: number, limited: RegistrationResult): RegistrationResult[] {
  const wait = limited.retryAfterSeconds == null ? "in a minute" : `in ${limited.retryAfterSeconds} s`;
  return ids.slice(from).map((assistantId) => ({
    assistantId,
    outcome: "failed" as const,
    message: `Not tried: Flireo's rate limit was reached; try again ${wait}.`,
    detail: { kind: "not-tried" as const, retryAfterSeconds: limited.retryAfterSeconds ?? null },
    status: 429,
    retryAfterSeconds: limited.retryAfterSeconds,
  }));
}

function checkAssistantIds(ids: readonly string[]): void {
  if (ids.length === 0) throw new ApiError("unprocessable", t("flireo.chooseAssistant"));
  if (ids.some((id) => typeof id !== "string" || id.trim() === "" || id.length > 200)) {
    throw new ApiError("unprocessable", t("flireo.assistantIds"));
  }
}

/**
 * One assistant after the other (Flireo allows about 100 requests a minute), each with its own result, so one
 * failure does not hide what happened to the others.
 */
async function changeEach(ids: readonly string[], changeOne: (id: string) => Promise<RegistrationResult>): Promise<RegistrationResult[]> {
  const results: RegistrationResult[] = [];
  for (const [index, id] of ids.entries()) {
    try {
      results.push(await changeOne(id));
    } catch (error) {
      if (!(error instanceof FlireoApiError)) throw error;
      const result = failed(id, error);
      results.push(result);
      if (error.status === 429) return [...results, ...skipAfterRateLimit(ids, index + 1, result)];
    }
  }
  return results;
}

export async function registerAssistants(client: FlireoClient, ids: readonly string[], target: RegistrationTarget): Promise<RegistrationResult[]> {
  checkAssistantIds(ids);
  const [secret] = target.secrets;
  if (!secret) throw new Error("No webhook secret to register with.");
  return changeEach(ids, async (id) => {
    await client.updateAssistantWebhook(id, { webhook_url: target.webhookUrl, webhook_secret: secret, webhook_events: [...target.events] });
    return {
      assistantId: id,
      outcome: "registered",
      message: `Sends ${target.events.join(" and ")} to ${target.webhookUrl}.`,
      detail: { kind: "registered", events: [...target.events], url: target.webhookUrl },
    };
  });
}

export async function unregisterAssistants(client: FlireoClient, ids: readonly string[], target: RegistrationTarget): Promise<RegistrationResult[]> {
  checkAssistantIds(ids);
  return changeEach(ids, async (id) => {
    const assistant = await client.getAssistant(id);
    if (!isOurs(assistant, target)) {
      return {
        assistantId: id,
        outcome: "unchanged",
        message: assistant.webhook_url
          ? `Sends its webhooks to ${assistant.webhook_url}, not to this Callboard; left alone.`
          : "Has no webhook URL; nothing to unregister.",
        detail: assistant.webhook_url ? { kind: "sends-elsewhere", url: assistant.webhook_url } : { kind: "no-webhook" },
      };
    }
    const remaining = (assistant.webhook_events ?? []).filter((event) => !(HANDLED_EVENT_TYPES as readonly string[]).includes(event));
    await client.updateAssistantWebhook(id, { webhook_url: null, webhook_secret: null, webhook_events: remaining.length > 0 ? remaining : null });
    return { assistantId: id, outcome: "unregistered", message: "No longer sends webhooks to this Callboard.", detail: { kind: "unregistered" } };
  });
}
