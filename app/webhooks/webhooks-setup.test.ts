// Integration: the webhooks page and its API over HTTP, against the real server, a real Postgres and a fake
// Flireo API (FLIREO_API_BASE_URL points at it).
import { formatPhoneNumber } from "@/lib/shared/calls/format";
import pg from "pg";
import type { FlireoOverview, RegistrationResult } from "@/lib/shared/flireo/flireo-view";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { camelStatusUpdate, newCallId, postWebhook } from "@/lib/testing/flireo-payloads";
import { fakeAssistant, startFakeFlireo, type FakeFlireo } from "@/lib/testing/fake-flireo";
import { startTestServer, TEST_WEBHOOK_SECRET, type TestServer } from "@/lib/testing/test-server";

let server: TestServer;
let flireo: FakeFlireo;
let db: pg.Pool;

beforeAll(async () => {
  flireo = await startFakeFlireo({
    assistants: [fakeAssistant({ id: "a-1", name: "Reception" }), fakeAssistant({ id: "a-2", name: "Support" })],
    numbers: [{ id: "n-1", phone_number: "+31201234567", name: "Main line", agent_id: "a-1", transfer_trunk_id: null }],
  });
  server = await startTestServer({ env: { FLIREO_API_BASE_URL: flireo.baseUrl, WEBHOOK_SECRET_GRACE_HOURS: "24" } });
  db = new pg.Pool({ connectionString: server.database.url });
});

afterAll(async () => {
  await db?.end();
  await server?.stop();
  await flireo?.stop();
});

// Signed in as an admin: the webhooks page and its API are admin-only.
const api = async (method: string, path: string, body?: unknown) =>
  fetch(`${server.baseUrl}${path}`, {
    method,
    headers: { cookie: await server.adminCookie(), ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

type SecretsBody = { secrets: { secret: string; validUntil: string | null }[] };
const webhookUrl = () => `${server.baseUrl}/api/webhooks/flireo`;

describe("the webhooks page", () => {
  it("shows the webhook URL with a warning for a local, plain-http address, and hides the secret", async () => {
    const response = await fetch(`${server.baseUrl}/webhooks`, { headers: { cookie: await server.adminCookie() } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain(webhookUrl());
    expect(html).toContain("only reachable from this machine");
    expect(html).toContain("plain http");
    const { secrets } = (await (await api("GET", "/api/webhooks/secret")).json()) as SecretsBody;
    expect(html).not.toContain(secrets[0]?.secret);
    expect(html).toContain(secrets[0]?.secret.slice(0, 10));
  });
});

describe("the rounds checked against Flireo", () => {
  it("shows the last rounds with Flireo's error in words, as text, never as markup", async () => {
    const hostile = `Flireo had a server error while trying to list calls (502: <img src=x onerror="alert(1)">)`;
    await db.query(
      `INSERT INTO flireo_reconcile_rounds (trigger, started_at, finished_at, since, until, complete, listed, backfilled, requests, error)
       VALUES ('schedule', now(), now(), now() - interval '1 hour', now(), false, 12, 3, 2, $1)`,
      [hostile],
    );
    const html = await (await fetch(`${server.baseUrl}/webhooks`, { headers: { cookie: await server.adminCookie() } })).text();
    expect(html).toContain("Checked against Flireo");
    expect(html).toContain("12 listed, 3 backfilled");
    expect(html).not.toContain('<img src=x onerror="alert(1)">');
    expect(html).toContain("&lt;img src=x onerror=");
  });
});

describe("the signing secret", () => {
  it("is created on first start and signs webhooks that the route accepts", async () => {
    const { secrets } = (await (await api("GET", "/api/webhooks/secret")).json()) as SecretsBody;
    expect(secrets).toEqual([expect.objectContaining({ secret: expect.stringMatching(/^whsec_/), validUntil: null })]);
    const response = await postWebhook(server.baseUrl, camelStatusUpdate({ callId: newCallId(), status: "in-progress" }), { secret: secrets[0]?.secret });
    expect(response.status).toBe(200);
  });

  it("after rotation accepts the new and the previous secret (and the environment's), and refuses others", async () => {
    const before = ((await (await api("GET", "/api/webhooks/secret")).json()) as SecretsBody).secrets[0]?.secret;
    const rotated = await api("POST", "/api/webhooks/secret/rotate");
    expect(rotated.status).toBe(200);
    const { secrets } = (await rotated.json()) as SecretsBody;
    expect(secrets.map((secret) => secret.secret)).toEqual([expect.not.stringMatching(before ?? ""), before]);
    expect(secrets[1]?.validUntil).not.toBeNull();

    for (const secret of [secrets[0]?.secret, before, TEST_WEBHOOK_SECRET]) {
      const response = await postWebhook(server.baseUrl, camelStatusUpdate({ callId: newCallId(), status: "in-progress" }), { secret });
      expect(response.status, `secret ${secret}`).toBe(200);
    }
    const wrong = await postWebhook(server.baseUrl, camelStatusUpdate({ callId: newCallId(), status: "in-progress" }), { secret: "whsec_guessed" });
    expect(wrong.status).toBe(401);
  });
});

describe("changes from another site", () => {
  it("are refused with 403 and leave the secret alone", async () => {
    const before = ((await (await api("GET", "/api/webhooks/secret")).json()) as SecretsBody).secrets[0]?.secret;
    // A signed-in admin's browser, tricked by another site: the session cookie goes along, the origin gives it away.
    const cookie = await server.adminCookie();
    const forged = await fetch(`${server.baseUrl}/api/webhooks/secret/rotate`, { method: "POST", headers: { cookie, origin: "https://evil.example" } });
    expect(forged.status).toBe(403);
    expect(await forged.json()).toMatchObject({ error: { code: "forbidden", message: expect.stringContaining("Cross-site") } });
    const forgedKey = await fetch(`${server.baseUrl}/api/flireo/api-key`, {
      method: "PUT",
      headers: { cookie, origin: "https://evil.example", "content-type": "application/json" },
      body: JSON.stringify({ apiKey: "sk_attacker_key" }),
    });
    expect(forgedKey.status).toBe(403);
    expect(((await (await api("GET", "/api/webhooks/secret")).json()) as SecretsBody).secrets[0]?.secret).toBe(before);

    const sameSite = await fetch(`${server.baseUrl}/api/webhooks/events`, {
      method: "PUT",
      headers: { cookie, origin: server.baseUrl, "content-type": "application/json" },
      body: JSON.stringify({ events: ["status-update", "end-of-call-report"] }),
    });
    expect(sameSite.status).toBe(200);
  });
});

describe("the test event", () => {
  it("goes through the real route, signed, and is stored as an ended test call", async () => {
    const response = await api("POST", "/api/webhooks/test-event");
    expect(response.status).toBe(200);
    const result = (await response.json()) as { isAccepted: boolean; status: number; callId: string; response: string };
    expect(result).toMatchObject({ isAccepted: true, status: 200, callId: expect.stringMatching(/^callboard-test-/) });
    expect(result.response).toBe("x-callboard-outcome: stored");
    const { rows } = await db.query("SELECT status, line_name, line_number, customer_number FROM calls WHERE id = $1", [result.callId]);
    expect(rows).toEqual([{ status: "ended", line_name: "Callboard test event", line_number: "+31850000000", customer_number: "+31600000001" }]);
    // Numbers that read formatted, like every other.
    expect([formatPhoneNumber(rows[0].line_number), formatPhoneNumber(rows[0].customer_number)]).toEqual(["+31 85 000 0000", "+31 6 00000001"]);
    // Its delivery is in the log by the time the answer comes, for the page to show at once.
    const deliveries = await db.query("SELECT outcome, status_code FROM webhook_deliveries WHERE call_id = $1", [result.callId]);
    expect(deliveries.rows).toEqual([{ outcome: "stored", status_code: 200 }]);
  });
});

describe("registration through Flireo's API", () => {
  it("asks for a key first, then keeps it server-side and never returns it", async () => {
    const missing = await api("GET", "/api/flireo/overview");
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ error: { message: expect.stringContaining("No Flireo API key") } });

    expect((await api("PUT", "/api/flireo/api-key", { apiKey: "short" })).status).toBe(422);
    const saved = await api("PUT", "/api/flireo/api-key", { apiKey: flireo.apiKey });
    expect(saved.status).toBe(200);
    const savedText = await saved.text();
    expect(savedText).not.toContain(flireo.apiKey);
    expect(JSON.parse(savedText)).toEqual({ source: "saved" });

    const overview = await api("GET", "/api/flireo/overview");
    expect(overview.status).toBe(200);
    const overviewText = await overview.text();
    expect(overviewText).not.toContain(flireo.apiKey);
    const body = JSON.parse(overviewText) as FlireoOverview;
    expect(body.assistants.map((assistant) => [assistant.id, assistant.connection])).toEqual([
      ["a-1", "none"],
      ["a-2", "none"],
    ]);
    expect(body.numbers[0]).toMatchObject({ phoneNumber: "+31201234567", assistantName: "Reception" });
    expect(await (await fetch(`${server.baseUrl}/webhooks`, { headers: { cookie: await server.adminCookie() } })).text()).not.toContain(flireo.apiKey);
  });

  it("registers several assistants, reporting one that fails, with the URL, current secret and events", async () => {
    await api("PUT", "/api/flireo/api-key", { apiKey: flireo.apiKey });
    flireo.failNext("PATCH /assistants/a-2", { status: 502, body: { error: "Bad Gateway", message: "Upstream down" } });
    const response = await api("POST", "/api/flireo/assistants/register", { assistantIds: ["a-1", "a-2"] });
    expect(response.status).toBe(200);
    const { results } = (await response.json()) as { results: RegistrationResult[] };
    expect(results.map((result) => result.outcome)).toEqual(["registered", "failed"]);
    expect(results[1]?.message).toContain("Upstream down");

    const current = ((await (await api("GET", "/api/webhooks/secret")).json()) as SecretsBody).secrets[0]?.secret;
    expect(flireo.assistants.get("a-1")).toMatchObject({ webhook_url: webhookUrl(), webhook_secret: current, webhook_events: ["status-update", "end-of-call-report"] });
    expect(flireo.assistants.get("a-2")?.webhook_url).toBeNull();

    const overview = await (await api("GET", "/api/flireo/overview")).json();
    expect(overview.assistants[0]).toMatchObject({ id: "a-1", connection: "this-callboard", secretState: "current", missingEvents: [] });
  });

  it("registers only the events chosen on the page", async () => {
    expect((await api("PUT", "/api/webhooks/events", { events: ["tool-calls"] })).status).toBe(422);
    expect((await api("PUT", "/api/webhooks/events", { events: [] })).status).toBe(422);
    expect(await (await api("PUT", "/api/webhooks/events", { events: ["status-update"] })).json()).toEqual({ events: ["status-update"] });
    await api("POST", "/api/flireo/assistants/register", { assistantIds: ["a-2"] });
    expect(flireo.assistants.get("a-2")?.webhook_events).toEqual(["status-update"]);
    await api("PUT", "/api/webhooks/events", { events: ["status-update", "end-of-call-report"] });
  });

  it("unregisters an assistant that points here", async () => {
    await api("POST", "/api/flireo/assistants/register", { assistantIds: ["a-1"] });
    const response = await api("POST", "/api/flireo/assistants/unregister", { assistantIds: ["a-1"] });
    expect((await response.json()).results).toEqual([expect.objectContaining({ assistantId: "a-1", outcome: "unregistered" })]);
    expect(flireo.assistants.get("a-1")).toMatchObject({ webhook_url: null, webhook_secret: null, webhook_events: null, name: "Reception" });
  });

  it("relays a refused key as 502 with what to do, and Flireo's 429 with Retry-After, then waits as Flireo asked", async () => {
    flireo.failNext("GET /assistants", { status: 401, body: { error: "Unauthorized", message: "Invalid or missing API key" } });
    const refused = await api("GET", "/api/flireo/overview");
    expect(refused.status).toBe(502);
    expect(await refused.json()).toMatchObject({ error: { code: "upstream_failed", message: expect.stringContaining("rejected the API key") } });

    flireo.failNext("GET /assistants", { status: 429, headers: { "retry-after": "30" }, body: { error: { code: "rate_limit_exceeded", message: "Rate limit exceeded" } } });
    const limited = await api("GET", "/api/flireo/overview");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("30");
    expect(await limited.json()).toMatchObject({ error: { code: "rate_limited", message: expect.stringContaining("try again in 30 s") } });

    // Within those 30 s Callboard does not ask again: it answers from its own budget.
    const sent = flireo.requests.length;
    const held = await api("GET", "/api/flireo/overview");
    expect(held.status).toBe(429);
    expect(Number(held.headers.get("retry-after"))).toBeGreaterThan(20);
    expect(await held.json()).toMatchObject({ error: { code: "rate_limited", message: expect.stringContaining("Flireo asked Callboard to slow down") } });
    expect(flireo.requests.length).toBe(sent);
  });

  it("refuses a malformed request with 4xx", async () => {
    expect((await api("POST", "/api/flireo/assistants/register", { assistantIds: "a-1" })).status).toBe(422);
    expect((await api("POST", "/api/flireo/assistants/register", { assistantIds: [] })).status).toBe(422);
    const notJson = await fetch(`${server.baseUrl}/api/flireo/assistants/register`, {
      method: "POST",
      headers: { cookie: await server.adminCookie(), "content-type": "application/json" },
      body: "{",
    });
    expect(notJson.status).toBe(400);
  });
});

describe("with ALLOW_UNSIGNED_WEBHOOKS=true", () => {
  it("accepts an unsigned webhook but still verifies one that carries a signature", async () => {
    const lenient = await startTestServer({ env: { ALLOW_UNSIGNED_WEBHOOKS: "true", FLIREO_API_BASE_URL: flireo.baseUrl } });
    try {
      const unsigned = await postWebhook(lenient.baseUrl, camelStatusUpdate({ callId: newCallId(), status: "in-progress" }));
      expect(unsigned.status).toBe(200);
      const wrong = await postWebhook(lenient.baseUrl, camelStatusUpdate({ callId: newCallId(), status: "in-progress" }), { secret: "whsec_wrong" });
      expect(wrong.status).toBe(401);
    } finally {
      await lenient.stop();
    }
  });
});
