// The fake Flireo's call control (webhooks.md §6.5, §7): POST /calls/{id}/control with Flireo's four command shapes,
// only while the call is in progress, at most 10 commands a minute per call (429 with Retry-After), and, as Flireo
// does, a signed `ended` status-update webhook to Callboard once an end-call (or a say with end_after, or a
// transfer) has ended the call.
import type { IncomingMessage } from "node:http";
import { z } from "zod";
import { postWebhook, snakeStatusUpdate } from "./flireo-payloads";

export type FakeCall = { id: string; status: "in-progress" | "ended"; customerNumber?: string; lineNumber?: string; lineName?: string };

export type ControlCommandRecord = { callId: string; body: unknown; at: number };

/** Where the fake sends its webhooks: a Callboard's base URL and the secret it verifies them with. */
export type FakeWebhookTarget = { baseUrl: string; secret: string | null };

const text = z.string().min(1).max(500);
const controlSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("end-call"), message: text.optional() }),
  z.strictObject({ type: z.literal("say"), content: text, end_after: z.boolean().optional() }),
  z.strictObject({ type: z.literal("transfer"), destination: z.string().regex(/^(\+\d{6,15}|sips?:.+@.+)$/), message: text.optional() }),
  z.strictObject({ type: z.literal("inject-context"), content: text, trigger_response: z.boolean().optional() }),
]);

const PER_CALL_PER_MINUTE = 10;

export type FakeControl = {
  calls: Map<string, FakeCall>;
  commands: ControlCommandRecord[];
  /** Where `ended` webhooks go; none are sent until set. */
  webhookTarget: FakeWebhookTarget | null;
  /** Milliseconds between accepting an end and sending its webhook (Flireo hangs up first). */
  endDelayMs: number;
  /** Waits for the webhooks sent so far. */
  settled: () => Promise<void>;
  handle: (request: IncomingMessage, path: string, body: unknown) => { status: number; body: unknown; headers?: Record<string, string> } | null;
};

export function createFakeControl(): FakeControl {
  const sentAt = new Map<string, number[]>();
  const inFlight = new Set<Promise<unknown>>();

  const control: FakeControl = {
    calls: new Map(),
    commands: [],
    webhookTarget: null,
    endDelayMs: 100,
    settled: async () => void (await Promise.allSettled([...inFlight])),
    handle(request, path, body) {
      const match = /^\/calls\/([^/]+)\/control$/.exec(path);
      if (!match) return null;
      if (request.method !== "POST") return { status: 405, body: { error: { code: "method_not_allowed", message: "Use POST" } } };
      if (!/^application\/json\b/.test(request.headers["content-type"] ?? "")) {
        return { status: 415, body: { error: { code: "invalid_request", message: "Content-Type must be application/json" } } };
      }
      const callId = decodeURIComponent(match[1] ?? "");
      const call = control.calls.get(callId);
      if (!call) return { status: 404, body: { error: "Not Found", message: "Call not found" } };
      const parsed = controlSchema.safeParse(body);
      if (!parsed.success) return { status: 400, body: { error: "Bad Request", message: parsed.error.issues[0]?.message ?? "Invalid command" } };
      if (call.status !== "in-progress") return { status: 400, body: { error: "Bad Request", message: "Call is not active" } };
      const now = Date.now();
      const recent = (sentAt.get(callId) ?? []).filter((at) => now - at < 60_000);
      if (recent.length >= PER_CALL_PER_MINUTE) {
        const retryAfter = Math.ceil((recent[0]! + 60_000 - now) / 1000);
        return { status: 429, headers: { "retry-after": String(retryAfter) }, body: { error: { code: "rate_limit_exceeded", message: "Too many control commands for this call" } } };
      }
      sentAt.set(callId, [...recent, now]);
      control.commands.push({ callId, body: parsed.data, at: now });
      const command = parsed.data;
      const ends = command.type === "end-call" || command.type === "transfer" || (command.type === "say" && command.end_after === true);
      if (ends) endCall(call);
      return { status: 200, body: { success: true, message: ends ? `Call ${command.type === "transfer" ? "transfer initiated" : "ending"}` : "Command sent" } };
    },
  };

  function endCall(call: FakeCall): void {
    call.status = "ended";
    const target = control.webhookTarget;
    if (!target) return;
    const payload = snakeStatusUpdate({
      callId: call.id,
      status: "ended",
      customerNumber: call.customerNumber,
      lineNumber: call.lineNumber,
      lineName: call.lineName,
      endReason: "assistant-ended-call",
    });
    const sending = new Promise((resolve) => setTimeout(resolve, control.endDelayMs)).then(() => postWebhook(target.baseUrl, payload, { secret: target.secret }).catch(() => undefined));
    inFlight.add(sending);
    void sending.finally(() => inFlight.delete(sending));
  }

  return control;
}
