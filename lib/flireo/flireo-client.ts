// A small client for the parts of Flireo's REST API that Callboard uses (../shared/flireo/webhooks.md §6, §7):
// list assistants and numbers, and set an assistant's webhook fields. Every answer is validated with zod, every
// request has a timeout, takes its slot in the one request budget first (request-budget.ts), and every Flireo error
// becomes a FlireoApiError with a message a person can act on.
// Written on fetch rather than Flireo's SDK: the SDK retries on its own and hides the raw status we report.
import { z } from "zod";
import { ApiError } from "@/lib/http/api-error";
import { isBudgetExhaustedError, type FlireoLane, type RequestBudget } from "./request-budget";

export const DEFAULT_TIMEOUT_MS = 15_000;
/** How long a request waits for a slot in the budget by default: people wait briefly, background work longer. */
const DEFAULT_MAX_WAIT_MS: Record<FlireoLane, number> = { registration: 15_000, reconcile: 120_000, control: 0 };

const flireoAssistantSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string().nullish(),
  business_name: z.string().nullish(),
  is_active: z.boolean().nullish(),
  webhook_url: z.string().nullish(),
  webhook_secret: z.string().nullish(),
  webhook_events: z.array(z.string()).nullish(),
});
export type FlireoAssistant = z.infer<typeof flireoAssistantSchema>;
// Get/Update answers are documented as `{ assistant: {...} }`; accept a bare assistant too rather than fail after
// a change that did go through.
const wrappedAssistantSchema = z.union([
  z.object({ assistant: flireoAssistantSchema }).transform((body) => body.assistant),
  flireoAssistantSchema,
]);

const flireoNumberSchema = z.looseObject({
  id: z.string().min(1),
  phone_number: z.string().nullish(),
  name: z.string().nullish(),
  // `agent_id` is the documented name; `assistant_id` its newer alias.
  agent_id: z.string().nullish(),
  assistant_id: z.string().nullish(),
  agent_name: z.string().nullish(),
});
export type FlireoNumber = z.infer<typeof flireoNumberSchema>;

/** The only assistant fields Callboard ever changes; PATCH is a partial update, so the rest stays as it is. */
export type AssistantWebhookPatch = {
  webhook_url: string | null;
  webhook_secret: string | null;
  webhook_events: string[] | null;
};

const errorBodySchema = z.union([
  z.looseObject({ error: z.looseObject({ code: z.string().nullish(), message: z.string().nullish() }) }),
  z.looseObject({ error: z.string().nullish(), message: z.string().nullish() }),
]);

export class FlireoApiError extends Error {
  override name = "FlireoApiError";
  /** Flireo's HTTP status; null when there was no answer (network error, timeout). */
  readonly status: number | null;
  readonly code: string | null;
  readonly retryAfterSeconds: number | null;
  /** Flireo's own words in its error body, when it sent any (the message above is Callboard's sentence around them). */
  readonly flireoMessage: string | null;

  constructor(
    message: string,
    options: { status: number | null; code?: string | null; retryAfterSeconds?: number | null; flireoMessage?: string | null; cause?: unknown },
  ) {
    super(message, { cause: options.cause });
    this.status = options.status;
    this.code = options.code ?? null;
    this.retryAfterSeconds = options.retryAfterSeconds ?? null;
    this.flireoMessage = options.flireoMessage ?? null;
  }

  /** True when Callboard did not send the request at all: its own budget of Flireo requests had no slot. */
  get isBudgetExhausted(): boolean {
    return this.code === "budget_exhausted";
  }

  /** How Callboard answers it (errorResponse asks): 429 stays 429 with Retry-After, the rest is 502, in Flireo's words. */
  toApiError(): ApiError {
    if (this.status === 429 || this.isBudgetExhausted) {
      return new ApiError("rate_limited", this.message, {
        headers: this.retryAfterSeconds === null ? {} : { "retry-after": String(this.retryAfterSeconds) },
        details: { flireoStatus: this.status, retryAfterSeconds: this.retryAfterSeconds },
      });
    }
    return new ApiError("upstream_failed", this.message, { details: { flireoStatus: this.status, flireoCode: this.code } });
  }
}

function readErrorBody(text: string): { code: string | null; message: string | null } {
  try {
    const parsed = errorBodySchema.safeParse(JSON.parse(text));
    if (!parsed.success) return { code: null, message: null };
    const { error } = parsed.data;
    if (error && typeof error === "object") return { code: error.code ?? null, message: error.message ?? null };
    const flat = parsed.data as { error?: string | null; message?: string | null };
    return { code: flat.error ?? null, message: flat.message ?? flat.error ?? null };
  } catch {
    return { code: null, message: text.trim().slice(0, 200) || null };
  }
}

/** Retry-After is seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - now) / 1000));
}

function describeFailure(status: number, what: string, flireoMessage: string | null, retryAfter: number | null): string {
  const said = flireoMessage ? `: ${flireoMessage}` : "";
  if (status === 401) {
    return `Flireo rejected the API key (401${said}). Check FLIREO_API_KEY or the key saved on the webhooks page; keys are made in Flireo's dashboard under Settings > API Keys.`;
  }
  if (status === 403) return `The API key may not ${what} (403${said}). Use a key of the organization that owns it.`;
  if (status === 404) return `Flireo could not find it while trying to ${what} (404${said}). Check the id, and that the key belongs to the right organization.`;
  if (status === 429) {
    const wait = retryAfter === null ? "in a minute" : `in ${retryAfter} s`;
    return `Flireo's rate limit was reached while trying to ${what} (429${said}); try again ${wait}. Flireo allows about 100 requests per minute per key.`;
  }
  if (status >= 500) return `Flireo had a server error while trying to ${what} (${status}${said}); try again shortly.`;
  return `Flireo refused to ${what} (${status}${said}).`;
}

/** Flireo's answer to a call-control command: `{ success, message? }` (webhooks.md §6.5). */
const controlAnswerSchema = z.looseObject({ success: z.boolean().nullish(), message: z.string().nullish() });
export type FlireoControlAnswer = z.infer<typeof controlAnswerSchema>;

export type FlireoClient = ReturnType<typeof createFlireoClient>;

export type FlireoClientOptions = {
  baseUrl: string;
  apiKey: string;
  /** The process's one budget of Flireo requests (the application context's flireoBudget). */
  budget: RequestBudget;
  /** Which part of Callboard asks: each has its own share of the budget. */
  lane: FlireoLane;
  timeoutMs?: number;
  /** How long a request may wait for a slot in the budget before failing with "try again in N s". */
  maxWaitMs?: number;
  fetch?: typeof fetch;
};

export type RequestOptions = { body?: unknown; /** A control command's call: it counts against that call's cap. */ callId?: string };

async function takeSlot(options: FlireoClientOptions, callId: string | undefined): Promise<void> {
  try {
    await options.budget.acquire({ apiKey: options.apiKey, lane: options.lane, callId, maxWaitMs: options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS[options.lane] });
  } catch (error) {
    if (!isBudgetExhaustedError(error)) throw error;
    throw new FlireoApiError(error.message, { status: null, code: "budget_exhausted", retryAfterSeconds: error.retryAfterSeconds, cause: error });
  }
}

export function createFlireoClient(options: FlireoClientOptions) {
  const baseUrl = options.baseUrl.replace(/\/+$/, "");
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const doFetch = options.fetch ?? fetch;
  const { budget, lane, apiKey } = options;

  async function request<T>(method: "GET" | "PATCH" | "POST", path: string, what: string, schema: z.ZodType<T>, extra: RequestOptions = {}): Promise<T> {
    const { body, callId } = extra;
    await takeSlot(options, callId);
    let response: Response;
    try {
      response = await doFetch(`${baseUrl}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${apiKey}`,
          accept: "application/json",
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const isTimeout = error instanceof DOMException && error.name === "TimeoutError";
      const message = isTimeout
        ? `Flireo did not answer within ${timeoutMs / 1000} s while trying to ${what} (${method} ${path}); try again shortly.`
        : `Could not reach Flireo at ${baseUrl} to ${what}: ${(error as Error).cause instanceof Error ? ((error as Error).cause as Error).message : (error as Error).message}. Check FLIREO_API_BASE_URL and the network.`;
      budget.observe(apiKey, lane, null, null);
      throw new FlireoApiError(message, { status: null, cause: error });
    }
    budget.observe(apiKey, lane, response.status, response.headers);

    const text = await response.text();
    if (!response.ok) {
      const { code, message } = readErrorBody(text);
      const retryAfter = parseRetryAfter(response.headers.get("retry-after"));
      throw new FlireoApiError(describeFailure(response.status, what, message, retryAfter), {
        status: response.status,
        code,
        retryAfterSeconds: retryAfter,
        flireoMessage: message,
      });
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new FlireoApiError(`Flireo's answer to ${method} ${path} is not JSON; is FLIREO_API_BASE_URL (${baseUrl}) Flireo's API?`, { status: response.status });
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const problems = parsed.error.issues.slice(0, 3).map((issue) => `${issue.path.join(".") || "(body)"}: ${issue.message}`);
      throw new FlireoApiError(`Flireo's answer to ${method} ${path} has an unexpected shape (${problems.join("; ")}).`, { status: response.status });
    }
    return parsed.data;
  }

  const encode = encodeURIComponent;
  return {
    baseUrl,
    lane,
    request,
    listAssistants: async (): Promise<FlireoAssistant[]> =>
      (await request("GET", "/assistants", "list assistants", z.object({ assistants: z.array(flireoAssistantSchema) }))).assistants,
    getAssistant: async (id: string): Promise<FlireoAssistant> =>
      request("GET", `/assistants/${encode(id)}`, `read assistant ${id}`, wrappedAssistantSchema),
    listNumbers: async (): Promise<FlireoNumber[]> =>
      (await request("GET", "/numbers", "list phone numbers", z.object({ numbers: z.array(flireoNumberSchema) }))).numbers,
    updateAssistantWebhook: async (id: string, patch: AssistantWebhookPatch): Promise<FlireoAssistant> =>
      request("PATCH", `/assistants/${encode(id)}`, `update assistant ${id}`, wrappedAssistantSchema, {
        body: { webhook_url: patch.webhook_url, webhook_secret: patch.webhook_secret, webhook_events: patch.webhook_events },
      }),
    /** Sends one call-control command (end-call, say, transfer, inject-context) for a call in progress. */
    controlCall: async (callId: string, command: Record<string, unknown> & { type: string }): Promise<FlireoControlAnswer> =>
      request("POST", `/calls/${encode(callId)}/control`, `send ${command.type} to call ${callId}`, controlAnswerSchema, { body: command, callId }),
  };
}
