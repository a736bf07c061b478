// Integration: acting on live calls through POST /api/calls/{id}/control on a real Callboard, against the fake
// Flireo (which ends calls and sends the signed `ended` webhook back), with the refusals, Flireo's answers in words,
// transfers, the per-user limit, the audit trail and the read API's call detail.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSignedInUser } from "@/lib/testing/auth";
import { createApiTokenOverHttp, apiGet } from "@/lib/testing/api-tokens";
import { startFakeFlireo, type FakeFlireo } from "@/lib/testing/fake-flireo";
import { newCallId, postWebhook, snakeStatusUpdate } from "@/lib/testing/flireo-payloads";
import { startTestServer, TEST_WEBHOOK_SECRET, type TestServer } from "@/lib/testing/test-server";

const PER_USER = 25;

let flireo: FakeFlireo;
let server: TestServer;
let db: pg.Pool;
type User = Awaited<ReturnType<typeof createSignedInUser>>;
let admin: User;
let supervisor: User;
let viewer: User;

beforeAll(async () => {
  flireo = await startFakeFlireo();
  server = await startTestServer({
    env: { FLIREO_API_BASE_URL: flireo.baseUrl, FLIREO_API_KEY: flireo.apiKey, CONTROL_COMMANDS_PER_MINUTE: String(PER_USER) },
  });
  flireo.control.webhookTarget = { baseUrl: server.baseUrl, secret: TEST_WEBHOOK_SECRET };
  db = new pg.Pool({ connectionString: server.database.url });
  [admin, supervisor, viewer] = await Promise.all([
    createSignedInUser(server.baseUrl, server.database.url, "admin"),
    createSignedInUser(server.baseUrl, server.database.url, "supervisor"),
    createSignedInUser(server.baseUrl, server.database.url, "viewer"),
  ]);
}, 90_000);

afterAll(async () => {
  await db?.end();
  await server?.stop();
  await flireo?.stop();
});

/** A call in progress, both here (its webhook) and at the fake Flireo. */
async function startCall(): Promise<string> {
  const callId = newCallId();
  const response = await postWebhook(server.baseUrl, snakeStatusUpdate({ callId, status: "in-progress" }), { secret: TEST_WEBHOOK_SECRET });
  expect(response.status).toBe(200);
  flireo.control.calls.set(callId, { id: callId, status: "in-progress" });
  return callId;
}

const control = (callId: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.baseUrl}/api/calls/${encodeURIComponent(callId)}/control`, {
    method: "POST",
    headers: { origin: server.baseUrl, "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

const as = (user: User) => ({ cookie: user.cookie });

async function errorOf(response: Response): Promise<{ code: string; message: string; details?: Record<string, unknown> }> {
  return ((await response.json()) as { error: { code: string; message: string; details?: Record<string, unknown> } }).error;
}

async function callStatus(callId: string): Promise<string | undefined> {
  const { rows } = await db.query<{ status: string }>("SELECT status FROM calls WHERE id = $1", [callId]);
  return rows[0]?.status;
}

async function commandsOf(callId: string) {
  const { rows } = await db.query("SELECT actor, source, type, body, outcome, flireo_status, answer FROM call_commands WHERE call_id = $1 ORDER BY id", [callId]);
  return rows;
}

describe("who may act", () => {
  it("refuses anonymous requests (401), viewers (403) and cross-site posts (403), and records nothing", async () => {
    const callId = await startCall();
    expect((await control(callId, { type: "end-call" })).status).toBe(401);
    const refused = await control(callId, { type: "end-call" }, as(viewer));
    expect(refused.status).toBe(403);
    expect((await errorOf(refused)).message).toMatch(/supervisor or an admin/);
    const crossSite = await control(callId, { type: "end-call" }, { ...as(supervisor), origin: "https://evil.example", "sec-fetch-site": "cross-site" });
    expect(crossSite.status).toBe(403);
    expect((await fetch(`${server.baseUrl}/api/calls/${callId}/control`, { headers: as(supervisor) })).status).toBe(405);
    expect(await commandsOf(callId)).toEqual([]);
    expect(flireo.control.commands.filter((command) => command.callId === callId)).toEqual([]);
    expect(await callStatus(callId)).toBe("in-progress");
  });
});

describe("ending a call", () => {
  it("sends Flireo's end-call, answers in words, records who did it, and the ended webhook ends the call here", async () => {
    const callId = await startCall();
    const response = await control(callId, { type: "end-call", message: "Goodbye <b>now</b>" }, { ...as(supervisor), "x-callboard-client": "board" });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { ok: boolean; message: string };
    expect(body).toMatchObject({ ok: true, message: expect.stringMatching(/^Flireo is ending the call\./) });
    expect(flireo.control.commands.find((command) => command.callId === callId)?.body).toEqual({ type: "end-call", message: "Goodbye <b>now</b>" });
    const request = flireo.requests.find((entry) => entry.path === `/api/v1/calls/${callId}/control`);
    expect(request?.authorization).toBe(`Bearer ${flireo.apiKey}`);
    await expect.poll(() => callStatus(callId), { timeout: 10_000 }).toBe("ended");
    expect(await commandsOf(callId)).toEqual([
      { actor: supervisor.email, source: "board", type: "end-call", body: { type: "end-call", message: "Goodbye <b>now</b>" }, outcome: "ok", flireo_status: 200, answer: body.message },
    ]);
  });

  it("admins may act too; a call this Callboard knows as ended is a 409 and nothing is sent", async () => {
    const callId = await startCall();
    expect((await control(callId, { type: "end-call" }, as(admin))).status).toBe(200);
    await expect.poll(() => callStatus(callId), { timeout: 10_000 }).toBe("ended");
    const again = await control(callId, { type: "end-call" }, as(admin));
    expect(again.status).toBe(409);
    expect((await errorOf(again)).message).toMatch(/already ended/);
    expect(flireo.control.commands.filter((command) => command.callId === callId)).toHaveLength(1);
  });

  it("a call that ended at Flireo meanwhile: 409 'This call has already ended', recorded as refused", async () => {
    const callId = await startCall();
    flireo.control.calls.set(callId, { id: callId, status: "ended" });
    const response = await control(callId, { type: "say", content: "Still there?" }, as(supervisor));
    expect(response.status).toBe(409);
    expect(await errorOf(response)).toMatchObject({ code: "conflict", message: "This call has already ended.", details: { callEnded: true } });
    expect(await commandsOf(callId)).toMatchObject([{ outcome: "refused", flireo_status: 400, answer: "This call has already ended." }]);
  });
});

describe("commands Callboard refuses before Flireo", () => {
  it("content over 500 characters, an unknown type, extra fields and non-JSON are 4xx with what to fix", async () => {
    const callId = await startCall();
    const long = await control(callId, { type: "say", content: "x".repeat(501) }, as(supervisor));
    expect(long.status).toBe(422);
    expect((await errorOf(long)).message).toMatch(/at most 500 characters/);
    const unknown = await control(callId, { type: "hang-up" }, as(supervisor));
    expect(unknown.status).toBe(422);
    expect((await errorOf(unknown)).message).toMatch(/end-call, say, transfer or inject-context/);
    expect((await control(callId, { type: "end-call", force: true }, as(supervisor))).status).toBe(422);
    expect((await control(callId, "end it", as(supervisor))).status).toBe(400);
    expect((await control("no-such-call", { type: "end-call" }, as(supervisor))).status).toBe(404);
    expect(await commandsOf(callId)).toEqual([]);
  });
});

describe("Flireo's answers", () => {
  it("the 11th command to a call in a minute waits: 429 with Flireo's limit and the wait in seconds", async () => {
    const callId = await startCall();
    const users = [supervisor, admin];
    for (let index = 0; index < 10; index++) {
      const response = await control(callId, { type: "inject-context", content: `Note ${index}` }, as(users[index % 2]!));
      expect(response.status).toBe(200);
    }
    const eleventh = await control(callId, { type: "say", content: "One more" }, as(admin));
    expect(eleventh.status).toBe(429);
    const retryAfter = Number(eleventh.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect((await errorOf(eleventh)).message).toBe(`Flireo takes 10 commands a minute per call; try again in ${retryAfter} s.`);
    expect(flireo.control.commands.filter((command) => command.callId === callId)).toHaveLength(10);
  });

  it("Flireo down (5xx) is 503 'Flireo is unavailable', recorded as failed; a refused key says so", async () => {
    const callId = await startCall();
    flireo.failNext(`POST /calls/${callId}/control`, { status: 502 });
    const down = await control(callId, { type: "end-call" }, as(supervisor));
    expect(down.status).toBe(503);
    expect((await errorOf(down)).message).toMatch(/^Flireo is unavailable/);
    flireo.failNext(`POST /calls/${callId}/control`, { status: 401, body: { error: "Unauthorized", message: "Invalid or missing API key" } });
    const key = await control(callId, { type: "end-call" }, as(supervisor));
    expect(key.status).toBe(502);
    expect((await errorOf(key)).message).toMatch(/refused Callboard's API key/);
    expect((await commandsOf(callId)).map((row) => row.outcome)).toEqual(["failed", "refused"]);
    expect(await callStatus(callId)).toBe("in-progress");
  });
});

describe("transfers", () => {
  const addDestination = (user: User, body: unknown) =>
    fetch(`${server.baseUrl}/api/flireo/transfer-destinations`, { method: "POST", headers: { origin: server.baseUrl, "content-type": "application/json", ...as(user) }, body: JSON.stringify(body) });
  const allowTyped = (value: boolean) =>
    fetch(`${server.baseUrl}/api/flireo/call-control`, { method: "PUT", headers: { origin: server.baseUrl, "content-type": "application/json", ...as(admin) }, body: JSON.stringify({ allowTypedNumbers: value }) });

  it("admins keep the list (E.164 numbers and SIP addresses); bad ones are refused; supervisors may not change it", async () => {
    expect((await addDestination(admin, { name: "Front desk", destination: "+31 20 123 4567" })).status).toBe(201);
    expect((await addDestination(admin, { name: "PBX", destination: "sip:desk@pbx.example.com" })).status).toBe(201);
    for (const bad of ["0201234567", "+123", "sip:nohost", "call me"]) {
      const response = await addDestination(admin, { name: "Bad", destination: bad });
      expect(response.status, bad).toBe(422);
    }
    expect((await addDestination(admin, { name: "Again", destination: "+31201234567" })).status).toBe(409);
    expect((await addDestination(supervisor, { name: "Mine", destination: "+31201234568" })).status).toBe(403);
    const list = (await (await fetch(`${server.baseUrl}/api/flireo/transfer-destinations`, { headers: as(admin) })).json()) as { destinations: { destination: string }[] };
    expect(list.destinations.map((entry) => entry.destination)).toEqual(["+31201234567", "sip:desk@pbx.example.com"]);
  });

  it("transfers to a listed destination; a typed number only where admins allow it, and only a valid E.164 one", async () => {
    const listed = await startCall();
    const toListed = await control(listed, { type: "transfer", destination: "sip:desk@pbx.example.com", message: "Connecting you" }, as(supervisor));
    expect(toListed.status).toBe(200);
    expect(flireo.control.commands.find((command) => command.callId === listed)?.body).toEqual({ type: "transfer", destination: "sip:desk@pbx.example.com", message: "Connecting you" });

    const typed = await startCall();
    const notAllowed = await control(typed, { type: "transfer", destination: "+31612345670" }, as(supervisor));
    expect(notAllowed.status).toBe(422);
    expect((await errorOf(notAllowed)).message).toMatch(/not on the list/);
    expect((await allowTyped(true)).status).toBe(200);
    for (const bad of ["+1234", "0612345670", "+31 6 1234", "sip:other@pbx.example.com"]) {
      const response = await control(typed, { type: "transfer", destination: bad }, as(supervisor));
      expect(response.status, bad).toBe(422);
      expect((await errorOf(response)).message).toMatch(/not a valid phone number/);
    }
    expect((await control(typed, { type: "transfer", destination: "+31 6 12345670" }, as(supervisor))).status).toBe(200);
    expect(flireo.control.commands.find((command) => command.callId === typed)?.body).toEqual({ type: "transfer", destination: "+31612345670" });
    await allowTyped(false);
  });
});

describe("limits, the audit trail and the read API", () => {
  it("each user may send CONTROL_COMMANDS_PER_MINUTE commands a minute", async () => {
    const busy = await createSignedInUser(server.baseUrl, server.database.url, "supervisor");
    const callIds = await Promise.all(Array.from({ length: 3 }, startCall));
    for (let index = 0; index < PER_USER; index++) {
      expect((await control(callIds[index % 3]!, { type: "inject-context", content: "Be brief" }, as(busy))).status).toBe(200);
    }
    const over = await control(callIds[0]!, { type: "inject-context", content: "Be brief" }, as(busy));
    expect(over.status).toBe(429);
    expect((await errorOf(over)).message).toMatch(new RegExp(`You may send ${PER_USER} call commands a minute; try again in \\d+ s`));
  });

  it("admins list the commands by user and time; others may not; the read API lists a call's commands among its events", async () => {
    const callId = await startCall();
    await control(callId, { type: "say", content: "Hold on please", end_after: false }, as(supervisor));
    const list = async (query: string, user = admin) => fetch(`${server.baseUrl}/api/calls/commands${query}`, { headers: as(user) });
    const mine = (await (await list(`?user=${encodeURIComponent(supervisor.email)}`)).json()) as { commands: { actor: string; callId: string }[] };
    expect(mine.commands.length).toBeGreaterThan(0);
    expect(mine.commands.every((command) => command.actor === supervisor.email)).toBe(true);
    expect(mine.commands[0]).toMatchObject({ callId, type: "say", outcome: "ok", command: { type: "say", content: "Hold on please", end_after: false } });
    const future = (await (await list(`?from=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`)).json()) as { commands: unknown[] };
    expect(future.commands).toEqual([]);
    expect((await list("?from=yesterday")).status).toBe(422);
    expect((await list("", supervisor)).status).toBe(403);

    const token = await createApiTokenOverHttp(server, {}, admin.cookie);
    const detail = (await (await apiGet(server, `/api/v1/calls/${callId}`, token.secret)).json()) as { events: { type: string; status: string; command?: unknown }[] };
    expect(detail.events.map((event) => event.type)).toEqual(["status-update", "call-command"]);
    expect(detail.events[1]).toMatchObject({ status: "ok", payload: { type: "say", content: "Hold on please" }, command: { by: supervisor.email, source: "api", outcome: "ok" } });
  });
});

describe("without a Flireo API key", () => {
  it("says how to add one instead of failing", async () => {
    const bare = await startTestServer({ env: { FLIREO_API_BASE_URL: flireo.baseUrl } });
    try {
      const callId = newCallId();
      await postWebhook(bare.baseUrl, snakeStatusUpdate({ callId, status: "in-progress" }), { secret: TEST_WEBHOOK_SECRET });
      const user = await createSignedInUser(bare.baseUrl, bare.database.url, "supervisor");
      const response = await fetch(`${bare.baseUrl}/api/calls/${callId}/control`, {
        method: "POST",
        headers: { origin: bare.baseUrl, "content-type": "application/json", cookie: user.cookie },
        body: JSON.stringify({ type: "end-call" }),
      });
      expect(response.status).toBe(400);
      expect(await errorOf(response)).toMatchObject({ message: expect.stringMatching(/no Flireo API key.*webhooks page.*FLIREO_API_KEY/), details: { missingApiKey: true } });
    } finally {
      await bare.stop();
    }
  });
});

// Last: Flireo's 429 pauses the whole key in the request budget for its Retry-After, so nothing may follow it.
describe("Flireo's own 429", () => {
  it("Flireo's own 429 is answered the same way, with its Retry-After", async () => {
    const callId = await startCall();
    flireo.failNext(`POST /calls/${callId}/control`, { status: 429, headers: { "retry-after": "17" }, body: { error: { code: "rate_limit_exceeded", message: "Slow down" } } });
    const response = await control(callId, { type: "end-call" }, as(supervisor));
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("17");
    expect((await errorOf(response)).message).toBe("Flireo takes 10 commands a minute per call; try again in 17 s.");
  });
});
