// The Flireo client and the registration logic against a fake Flireo API that enforces the documented shapes.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fakeAssistant, startFakeFlireo, type FakeFlireo } from "@/lib/testing/fake-flireo";
import { createFlireoClient, FlireoApiError, parseRetryAfter } from "./flireo-client";
import { createRequestBudget, type RequestBudget } from "./request-budget";
import { loadFlireoOverview, registerAssistants, unregisterAssistants, type RegistrationTarget } from "./manage-registrations";

const WEBHOOK_URL = "https://callboard.example.test/api/webhooks/flireo";
const target: RegistrationTarget = {
  webhookUrl: WEBHOOK_URL,
  secrets: ["whsec_current", "whsec_previous"],
  events: ["status-update", "end-of-call-report"],
};

let flireo: FakeFlireo;
let budget: RequestBudget;
beforeEach(async () => {
  budget = createRequestBudget({ perMinute: 90, lanes: { registration: 50, reconcile: 30, control: 60 }, perCallPerMinute: 10 });
  flireo = await startFakeFlireo({
    assistants: [
      fakeAssistant({ id: "a-1", name: "Reception" }),
      fakeAssistant({ id: "a-2", name: "Support", webhook_url: WEBHOOK_URL, webhook_secret: "whsec_previous", webhook_events: ["status-update", "tool-calls"] }),
      fakeAssistant({ id: "a-3", name: "Sales", webhook_url: "https://other.example.test/hook", webhook_secret: "theirs", webhook_events: ["assistant-request"] }),
    ],
    numbers: [{ id: "n-1", phone_number: "+31201234567", name: "Main line", agent_id: "a-1", transfer_trunk_id: null }],
  });
});
afterEach(() => flireo.stop());

const client = (apiKey = flireo.apiKey) => createFlireoClient({ baseUrl: flireo.baseUrl, apiKey, budget, lane: "registration" });
const patches = () => flireo.requests.filter((request) => request.method === "PATCH");

describe("Flireo client", () => {
  it("lists assistants and numbers with the bearer key on the documented paths", async () => {
    const overview = await loadFlireoOverview(client(), target);
    expect(overview.assistants.map((assistant) => [assistant.id, assistant.connection, assistant.secretState])).toEqual([
      ["a-1", "none", "none"],
      ["a-2", "this-callboard", "previous"],
      ["a-3", "elsewhere", "other"],
    ]);
    expect(overview.assistants[1]?.missingEvents).toEqual(["end-of-call-report"]);
    expect(overview.numbers).toEqual([{ id: "n-1", phoneNumber: "+31201234567", name: "Main line", assistantId: "a-1", assistantName: "Reception" }]);
    expect(flireo.requests.map((request) => `${request.method} ${request.path} ${request.authorization}`).sort()).toEqual([
      `GET /api/v1/assistants Bearer ${flireo.apiKey}`,
      `GET /api/v1/numbers Bearer ${flireo.apiKey}`,
    ]);
  });

  it("never leaks an assistant's secret into the overview", async () => {
    const overview = await loadFlireoOverview(client(), target);
    expect(JSON.stringify(overview)).not.toContain("whsec_previous");
    expect(JSON.stringify(overview)).not.toContain("theirs");
  });

  it("turns a 401 into a message about the API key", async () => {
    const error = await client("sk_wrong_key").listAssistants().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(FlireoApiError);
    expect(error).toMatchObject({ status: 401, message: expect.stringMatching(/rejected the API key.*Invalid or missing API key.*Settings > API Keys/) });
  });

  it("reports a 429 with the seconds from Retry-After", async () => {
    flireo.failNext("GET /assistants", { status: 429, headers: { "retry-after": "17" }, body: { error: { code: "rate_limit_exceeded", message: "Too many requests" } } });
    const error = await client().listAssistants().catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 429, code: "rate_limit_exceeded", retryAfterSeconds: 17, message: expect.stringContaining("try again in 17 s") });
  });

  it("reports 403, 404 and 5xx with Flireo's own words", async () => {
    flireo.failNext("GET /numbers", { status: 403, body: { error: "Forbidden", message: "You don't have access to this resource" } });
    await expect(client().listNumbers()).rejects.toThrow(/may not list phone numbers \(403: You don't have access/);
    await expect(client().getAssistant("missing")).rejects.toThrow(/could not find it while trying to read assistant missing \(404: Assistant not found\)/);
    flireo.failNext("GET /assistants", { status: 503, body: { error: { code: "server_error", message: "Maintenance" } } });
    await expect(client().listAssistants()).rejects.toThrow(/server error while trying to list assistants \(503: Maintenance\)/);
  });

  it("refuses an answer of the wrong shape instead of guessing", async () => {
    flireo.failNext("GET /assistants", { status: 200, body: { data: [] } });
    await expect(client().listAssistants()).rejects.toThrow(/unexpected shape \(assistants: /);
  });

  it("gives up after its timeout with a clear message", async () => {
    const slow = createFlireoClient({
      baseUrl: flireo.baseUrl,
      apiKey: flireo.apiKey,
      budget,
      lane: "registration",
      timeoutMs: 50,
      fetch: (input, init) => new Promise((_, reject) => init?.signal?.addEventListener("abort", () => reject(init.signal?.reason as Error))),
    });
    await expect(slow.listAssistants()).rejects.toThrow(/did not answer within 0.05 s/);
  });

  it("says so when Flireo cannot be reached", async () => {
    const unreachable = createFlireoClient({ baseUrl: "http://127.0.0.1:1/api/v1", apiKey: "sk_x_12345678", budget, lane: "registration" });
    await expect(unreachable.listAssistants()).rejects.toThrow(/Could not reach Flireo at http:\/\/127.0.0.1:1\/api\/v1.*FLIREO_API_BASE_URL/);
  });

  it("takes every request from the budget and stops when its lane has no slot, saying when to try again", async () => {
    const small = createRequestBudget({ perMinute: 3, lanes: { registration: 2, reconcile: 1, control: 3 }, perCallPerMinute: 10 });
    const limited = createFlireoClient({ baseUrl: flireo.baseUrl, apiKey: flireo.apiKey, budget: small, lane: "registration", maxWaitMs: 0 });
    await limited.listAssistants();
    await limited.listNumbers();
    const error = await limited.listAssistants().catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: null, code: "budget_exhausted", isBudgetExhausted: true, message: expect.stringMatching(/Not sent: .*registration.*try again in (59|60) s/) });
    expect((error as FlireoApiError).toApiError()).toMatchObject({ code: "rate_limited" });
    expect(flireo.requests).toHaveLength(2);
    expect(small.usage(flireo.apiKey)).toMatchObject({ total: 2, lanes: { registration: 2, reconcile: 0, control: 0 } });
  });

  it("pauses the key for every lane after Flireo's 429", async () => {
    flireo.failNext("GET /assistants", { status: 429, headers: { "retry-after": "30" }, body: { error: { code: "rate_limit_exceeded", message: "Too many requests" } } });
    await client().listAssistants().catch(() => undefined);
    const other = createFlireoClient({ baseUrl: flireo.baseUrl, apiKey: flireo.apiKey, budget, lane: "control", maxWaitMs: 0 });
    await expect(other.listNumbers()).rejects.toMatchObject({ code: "budget_exhausted", retryAfterSeconds: 30 });
    expect(flireo.requests).toHaveLength(1);
  });

  it("reads Retry-After as seconds or as a date", () => {
    expect(parseRetryAfter("30")).toBe(30);
    expect(parseRetryAfter(new Date(Date.UTC(2026, 0, 1, 0, 1)).toUTCString(), Date.UTC(2026, 0, 1))).toBe(60);
    expect(parseRetryAfter("soon")).toBeNull();
    expect(parseRetryAfter(null)).toBeNull();
  });
});

describe("registering assistants", () => {
  it("sends only the three webhook fields and leaves the rest of the assistant alone", async () => {
    const before = structuredClone(flireo.assistants.get("a-1"));
    const results = await registerAssistants(client(), ["a-1"], target);
    expect(results).toEqual([expect.objectContaining({ assistantId: "a-1", outcome: "registered" })]);
    expect(patches()).toEqual([
      expect.objectContaining({
        path: "/api/v1/assistants/a-1",
        contentType: "application/json",
        body: { webhook_url: WEBHOOK_URL, webhook_secret: "whsec_current", webhook_events: ["status-update", "end-of-call-report"] },
      }),
    ]);
    const after = flireo.assistants.get("a-1");
    expect(after).toMatchObject({ name: before?.name, first_message: before?.first_message, llm_config: before?.llm_config, webhook_url: WEBHOOK_URL });
  });

  it("reports a partial failure per assistant and still registers the others", async () => {
    flireo.failNext("PATCH /assistants/a-2", { status: 500, body: { error: { code: "server_error", message: "Database unavailable" } } });
    const results = await registerAssistants(client(), ["a-1", "a-2", "a-3"], target);
    expect(results.map((result) => [result.assistantId, result.outcome])).toEqual([
      ["a-1", "registered"],
      ["a-2", "failed"],
      ["a-3", "registered"],
    ]);
    expect(results[1]).toMatchObject({ status: 500, message: expect.stringContaining("Database unavailable") });
    expect(flireo.assistants.get("a-1")?.webhook_url).toBe(WEBHOOK_URL);
    expect(flireo.assistants.get("a-2")?.webhook_secret).toBe("whsec_previous");
    expect(flireo.assistants.get("a-3")?.webhook_url).toBe(WEBHOOK_URL);
  });

  it("reports an unknown assistant as failed with 404", async () => {
    const [result] = await registerAssistants(client(), ["nope"], target);
    expect(result).toMatchObject({ outcome: "failed", status: 404 });
  });

  it("carries Retry-After of a 429 into the result and does not hammer Flireo with the rest", async () => {
    flireo.failNext("PATCH /assistants/a-2", { status: 429, headers: { "retry-after": "42" }, body: { error: { code: "rate_limit_exceeded", message: "Slow down" } } });
    const results = await registerAssistants(client(), ["a-1", "a-2", "a-3"], target);
    expect(results.map((result) => [result.assistantId, result.outcome])).toEqual([
      ["a-1", "registered"],
      ["a-2", "failed"],
      ["a-3", "failed"],
    ]);
    expect(results[1]).toMatchObject({ status: 429, retryAfterSeconds: 42, message: expect.stringContaining("try again in 42 s") });
    expect(results[2]).toMatchObject({ status: 429, message: "Not tried: Flireo's rate limit was reached; try again in 42 s." });
    expect(patches().map((request) => request.path)).toEqual(["/api/v1/assistants/a-1", "/api/v1/assistants/a-2"]);
  });
});

describe("unregistering assistants", () => {
  it("clears the webhook of an assistant that sends here and keeps its other events", async () => {
    const [result] = await unregisterAssistants(client(), ["a-2"], target);
    expect(result).toMatchObject({ outcome: "unregistered" });
    expect(patches().map((request) => request.body)).toEqual([{ webhook_url: null, webhook_secret: null, webhook_events: ["tool-calls"] }]);
    expect(flireo.assistants.get("a-2")).toMatchObject({ webhook_url: null, webhook_secret: null, webhook_events: ["tool-calls"], name: "Support" });
  });

  it("leaves an assistant that sends elsewhere, or nowhere, alone", async () => {
    const results = await unregisterAssistants(client(), ["a-3", "a-1"], target);
    expect(results.map((result) => result.outcome)).toEqual(["unchanged", "unchanged"]);
    expect(results[0]?.message).toContain("https://other.example.test/hook");
    expect(patches()).toEqual([]);
    expect(flireo.assistants.get("a-3")?.webhook_url).toBe("https://other.example.test/hook");
  });
});

describe("the fake Flireo API", () => {
  it("refuses PATCH bodies with unknown fields or wrong types, like Flireo's validation", async () => {
    const patch = (body: unknown) =>
      fetch(`${flireo.baseUrl}/assistants/a-1`, {
        method: "PATCH",
        headers: { authorization: `Bearer ${flireo.apiKey}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    expect((await patch({ webhookUrl: "https://x.test" })).status).toBe(400);
    expect((await patch({ webhook_events: ["call-started"] })).status).toBe(400);
    expect((await patch({ webhook_url: 42 })).status).toBe(400);
    expect((await patch({ webhook_url: null })).status).toBe(200);
  });
});
