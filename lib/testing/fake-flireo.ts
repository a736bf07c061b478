// A fake of Flireo's REST API for tests (../shared/flireo/webhooks.md §6, §7). It is strict where Flireo is
// documented: the /api/v1 paths, `Authorization: Bearer <key>`, JSON bodies, and PATCH bodies that may only hold
// documented assistant fields with the right types. It records every request and can be told to fail.
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { z } from "zod";
import { createFakeControl, type FakeControl } from "./fake-flireo-control";
import { createFakeCallsState, handleCallsRoute, takeRateLimit, type FakeCall, type FakeCallsState } from "./fake-flireo-calls";

export const FAKE_FLIREO_API_KEY = "sk_test_fake_flireo_key";

export type FakeAssistant = {
  id: string;
  name: string;
  is_active: boolean;
  first_message: string;
  webhook_url: string | null;
  webhook_secret: string | null;
  webhook_events: string[] | null;
  llm_config: Record<string, unknown>;
  created_at: string;
  updated_at: string;
};

export type FakeNumber = { id: string; phone_number: string; name: string; agent_id: string | null; transfer_trunk_id: string | null };

export type RecordedRequest = { method: string; path: string; query: string; authorization: string | null; contentType: string | null; body: unknown; status: number };

/** status 0: the connection is dropped without an answer; delayMs: the answer comes that much later. */
export type InjectedFailure = { status: number; body?: unknown; headers?: Record<string, string>; times?: number; delayMs?: number };

const WEBHOOK_EVENTS = ["assistant-request", "tool-calls", "status-update", "end-of-call-report"] as const;

// The documented assistant fields (§6.2). Anything else in a PATCH body is refused, as is a wrong type.
const assistantPatchSchema = z.strictObject({
  name: z.string().min(1).optional(),
  business_name: z.string().nullable().optional(),
  notification_email: z.email().nullable().optional(),
  notification_emails: z.array(z.email()).max(5).optional(),
  first_message: z.string().nullable().optional(),
  is_active: z.boolean().optional(),
  max_duration_seconds: z.number().int().positive().optional(),
  webhook_url: z.url({ protocol: /^https?$/ }).nullable().optional(),
  webhook_secret: z.string().min(1).nullable().optional(),
  webhook_events: z.array(z.enum(WEBHOOK_EVENTS)).nullable().optional(),
  analysis_plan: z.record(z.string(), z.unknown()).nullable().optional(),
  stt_config: z.record(z.string(), z.unknown()).optional(),
  llm_config: z.record(z.string(), z.unknown()).optional(),
  tts_config: z.record(z.string(), z.unknown()).optional(),
});

export function fakeAssistant(overrides: Partial<FakeAssistant> = {}): FakeAssistant {
  const now = new Date().toISOString();
  return {
    id: randomUUID(),
    name: "Receptionist",
    is_active: true,
    first_message: "Hello, how can I help you?",
    webhook_url: null,
    webhook_secret: null,
    webhook_events: null,
    llm_config: { provider: "openai", model: "gpt-4o-mini", temperature: 0.4 },
    created_at: now,
    updated_at: now,
    ...overrides,
  };
}

export type FakeFlireo = {
  /** What to set as FLIREO_API_BASE_URL. */
  baseUrl: string;
  apiKey: string;
  assistants: Map<string, FakeAssistant>;
  numbers: FakeNumber[];
  requests: RecordedRequest[];
  /** Flireo's calls (GET /calls, /calls/{id}), what /organizations counts, the rate limit and when requests came. */
  callsState: FakeCallsState;
  /** Adds or replaces calls, as Flireo's API would list them. */
  putCalls: (...calls: FakeCall[]) => void;
  /** Makes the next `times` (default 1) requests matching "METHOD /path" (without /api/v1) fail. */
  failNext: (route: string, failure: InjectedFailure) => void;
  /** Calls in progress and call control (fake-flireo-control.ts): add calls, point its webhooks at a Callboard. */
  control: FakeControl;
  stop: () => Promise<void>;
};

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const recorded = (response as ServerResponse & { recorded?: RecordedRequest }).recorded;
  if (recorded) recorded.status = status;
  response.writeHead(status, { "content-type": "application/json", ...headers });
  response.end(JSON.stringify(body));
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export async function startFakeFlireo(
  options: { apiKey?: string; assistants?: FakeAssistant[]; numbers?: FakeNumber[] } = {},
): Promise<FakeFlireo> {
  const apiKey = options.apiKey ?? FAKE_FLIREO_API_KEY;
  const assistants = new Map((options.assistants ?? []).map((assistant) => [assistant.id, assistant]));
  const numbers = options.numbers ?? [];
  const requests: RecordedRequest[] = [];
  const failures = new Map<string, InjectedFailure & { times: number }>();
  const control = createFakeControl();
  const callsState = createFakeCallsState();

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", "http://fake");
    const method = request.method ?? "GET";
    const text = await readBody(request);
    let body: unknown = undefined;
    if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
    }
    const recorded: RecordedRequest = {
      method,
      path: url.pathname,
      query: url.search,
      authorization: request.headers.authorization ?? null,
      contentType: request.headers["content-type"] ?? null,
      body,
      status: 0,
    };
    requests.push(recorded);
    (response as ServerResponse & { recorded?: RecordedRequest }).recorded = recorded;

    if (!url.pathname.startsWith("/api/v1/")) {
      return send(response, 404, { error: { code: "not_found", message: `No route ${url.pathname}` } });
    }
    const path = url.pathname.slice("/api/v1".length);
    if (request.headers.authorization !== `Bearer ${apiKey}`) {
      return send(response, 401, { error: "Unauthorized", message: "Invalid or missing API key" });
    }
    const limit = takeRateLimit(callsState);
    if ("refused" in limit) return send(response, limit.refused.status, limit.refused.body, limit.refused.headers);
    const rateHeaders = limit.headers;
    const failure = failures.get(`${method} ${path}`);
    if (failure) {
      if (--failure.times <= 0) failures.delete(`${method} ${path}`);
      if (failure.delayMs) await new Promise((resolve) => setTimeout(resolve, failure.delayMs));
      if (failure.status === 0) return void response.destroy();
      return send(response, failure.status, failure.body ?? { error: { code: "server_error", message: "Injected failure" } }, failure.headers);
    }
    const callsAnswer = handleCallsRoute(callsState, method, path, url.searchParams);
    if (callsAnswer) return send(response, callsAnswer.status, callsAnswer.body, { ...rateHeaders, ...callsAnswer.headers });

    const controlled = control.handle(request, path, body);
    if (controlled) return send(response, controlled.status, controlled.body, controlled.headers);
    if (path === "/assistants" && method === "GET") return send(response, 200, { assistants: [...assistants.values()] });
    if (path === "/numbers" && method === "GET") return send(response, 200, { numbers });
    const match = /^\/assistants\/([^/]+)$/.exec(path);
    if (match) {
      const assistant = assistants.get(decodeURIComponent(match[1] ?? ""));
      if (method !== "GET" && method !== "PATCH") {
        return send(response, 405, { error: { code: "method_not_allowed", message: `${method} is not allowed here` } });
      }
      if (!assistant) return send(response, 404, { error: "Not Found", message: "Assistant not found" });
      if (method === "GET") return send(response, 200, { assistant });

      if (!/^application\/json\b/.test(request.headers["content-type"] ?? "")) {
        return send(response, 415, { error: { code: "invalid_request", message: "Content-Type must be application/json" } });
      }
      const patch = assistantPatchSchema.safeParse(body);
      if (!patch.success) {
        const issue = patch.error.issues[0];
        return send(response, 400, {
          error: { code: "invalid_request", message: issue?.message ?? "Invalid body", param: issue?.path.join(".") ?? null, type: "invalid_request_error" },
        });
      }
      Object.assign(assistant, patch.data, { updated_at: new Date().toISOString() });
      return send(response, 200, { assistant });
    }
    return send(response, 404, { error: { code: "not_found", message: `No route ${method} ${path}` } });
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => send(response, 500, { error: { code: "server_error", message: String(error) } }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("The fake Flireo API did not get a port.");

  return {
    baseUrl: `http://127.0.0.1:${address.port}/api/v1`,
    apiKey,
    assistants,
    numbers,
    requests,
    callsState,
    putCalls: (...calls) => calls.forEach((call) => callsState.calls.set(call.id, call)),
    failNext: (route, failure) => failures.set(route, { ...failure, times: failure.times ?? 1 }),
    control,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
