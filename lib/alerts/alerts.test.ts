// Integration: error alerts end to end. A real Callboard (production build) on its own Postgres receives signed
// Flireo webhooks; its alert worker sends to local receivers that the test starts: an HTTP receiver that verifies
// the signature like a customer's would, a Slack-format receiver, and an SMTP sink.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AlertDeliveriesResponse, AlertRuleView, TestAlertResult } from "@/lib/shared/alerts/alert-view";
import { createTestCertificate, startAlertReceiver, startSmtpSink, type AlertReceiver, type SmtpSink } from "@/lib/testing/alert-receivers";
import { createSignedInUser } from "@/lib/testing/auth";
import { camelStatusUpdate, newCallId, postWebhook } from "@/lib/testing/flireo-payloads";
import { createTestDatabase } from "@/lib/testing/test-postgres";
import { startTestServer, TEST_WEBHOOK_SECRET, type TestServer } from "@/lib/testing/test-server";

const PUBLIC_BASE_URL = "https://callboard.example.test";
// Fast retries (0.2 s, 0.4 s…) and three attempts, so failure tests finish in seconds.
// Slack destinations must be https on an allowed host: the Slack-format receivers are https on 127.0.0.1 with a
// certificate the server trusts; every receiver is on loopback, which the server is told to allow.
const tls = createTestCertificate();
const ALERT_ENV = {
  ALERT_RETRY_BASE_SECONDS: "0.2",
  ALERT_MAX_ATTEMPTS: "3",
  ALERT_TIMEOUT_SECONDS: "3",
  PUBLIC_BASE_URL,
  LOG_LEVEL: "warn",
  ALERT_ALLOW_LOOPBACK_DESTINATIONS: "true",
  ALERT_SLACK_HOSTS: "127.0.0.1",
  NODE_EXTRA_CA_CERTS: tls.certFile,
};

let server: TestServer;
let smtp: SmtpSink;
let db: pg.Pool;
const receivers: AlertReceiver[] = [];

beforeAll(async () => {
  smtp = await startSmtpSink();
  server = await startTestServer({ env: { ...ALERT_ENV, ALERT_SMTP_URL: smtp.url, ALERT_EMAIL_FROM: "Callboard <alerts@callboard.example.test>" } });
  db = new pg.Pool({ connectionString: server.database.url });
});

afterAll(async () => {
  await db?.end();
  await server?.stop();
  await smtp?.close();
  await Promise.all(receivers.map((receiver) => receiver.close()));
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function receiver(options: { isSlack?: boolean } = {}): Promise<AlertReceiver> {
  const started = await startAlertReceiver(options.isSlack ? { tls } : {});
  receivers.push(started);
  return started;
}

async function api(method: string, path: string, body?: unknown, options: { cookie?: string; baseUrl?: string } = {}): Promise<Response> {
  const baseUrl = options.baseUrl ?? server.baseUrl;
  return fetch(`${baseUrl}${path}`, {
    method,
    headers: { cookie: options.cookie ?? (await server.adminCookie()), origin: baseUrl, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
}

/** Creates a rule; every test filters on its own token so that rules of other tests never match its errors. */
async function createRule(input: Record<string, unknown>, options: { baseUrl?: string; cookie?: string } = {}): Promise<AlertRuleView> {
  const response = await api("POST", "/api/alerts/rules", { name: `Rule ${randomUUID().slice(0, 6)}`, cooldownMinutes: 0, ...input }, options);
  expect(response.status, await response.clone().text()).toBe(201);
  return ((await response.json()) as { rule: AlertRuleView }).rule;
}

async function revealSecret(destinationId: string): Promise<string> {
  const response = await api("GET", `/api/alerts/destinations/${destinationId}/secret`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { secret: string }).secret;
}

async function sendError(input: { error: string; lineNumber?: string; callId?: string; baseUrl?: string }): Promise<string> {
  const callId = input.callId ?? newCallId();
  const response = await postWebhook(input.baseUrl ?? server.baseUrl, camelStatusUpdate({ callId, status: "ended-with-error", error: input.error, lineNumber: input.lineNumber ?? "+31201234567", customerNumber: "+31612345678" }), {
    secret: TEST_WEBHOOK_SECRET,
  });
  expect(response.status, await response.clone().text()).toBe(200);
  return callId;
}

function token(): string {
  return `tok${randomUUID().slice(0, 8)}`;
}

type DeliveryRow = { state: string; attempts: number; last_error: string | null; last_status: number | null; kind: string };

async function deliveriesOfRule(ruleId: string): Promise<DeliveryRow[]> {
  const { rows } = await db.query<DeliveryRow>(
    `SELECT d.state, d.attempts, d.last_error, d.last_status, a.kind FROM alert_deliveries d JOIN alerts a ON a.id = d.alert_id
     WHERE a.rule_id = $1 ORDER BY d.id`,
    [ruleId],
  );
  return rows;
}

async function waitForDeliveries(ruleId: string, isDone: (rows: DeliveryRow[]) => boolean, timeoutMs = 10_000): Promise<DeliveryRow[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await deliveriesOfRule(ruleId);
    if (isDone(rows)) return rows;
    if (Date.now() > deadline) throw new Error(`Deliveries not done in time: ${JSON.stringify(rows)}`);
    await sleep(100);
  }
}

describe("an each-error rule", () => {
  it("sends exactly one alert per destination for one error: signed webhook, Slack message and e-mail", async () => {
    const tag = token();
    const hook = await receiver();
    const slack = await receiver({ isSlack: true });
    const mailsBefore = smtp.mails.length;
    const rule = await createRule({
      name: "Errors on the main line",
      kind: "each-error",
      errorContains: tag,
      destinations: [
        { kind: "webhook", url: hook.url },
        { kind: "slack", url: slack.url },
        { kind: "email", to: ["oncall@example.test"] },
      ],
    });
    const webhookDestination = rule.destinations.find((destination) => destination.kind === "webhook");
    hook.setSecret(await revealSecret(webhookDestination?.id ?? ""));

    const callId = await sendError({ error: `STT connection failed ${tag}` });
    const [request] = await hook.waitForRequests(1);
    const [slackRequest] = await slack.waitForRequests(1);
    await smtp.waitForMails(mailsBefore + 1);
    // Nothing more arrives later.
    await sleep(1_500);
    expect(hook.requests).toHaveLength(1);
    expect(slack.requests).toHaveLength(1);
    const mails = smtp.mails.slice(mailsBefore).filter((mail) => mail.text.includes(tag));
    expect(mails).toHaveLength(1);

    // The webhook: signed, verifiable, with the call's details and a link to it.
    expect(request?.signature).toEqual({ isValid: true });
    expect(request?.headers["x-webhook-signature"]).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(request?.headers["x-callboard-delivery"]).toMatch(/^\d+$/);
    expect(request?.json).toMatchObject({
      type: "callboard.alert",
      kind: "error",
      rule: { id: rule.id, name: "Errors on the main line" },
      call: { id: callId, lineNumber: "+31201234567", customerNumber: "+31612345678", error: `STT connection failed ${tag}`, url: `${PUBLIC_BASE_URL}/calls/${callId}` },
    });

    // Slack's incoming-webhook format: text plus blocks, with a button to the call.
    const slackBody = slackRequest?.json as { text: string; blocks: { type: string; elements?: { url?: string }[] }[] };
    expect(slackBody.text).toContain(`STT connection failed ${tag}`);
    expect(slackBody.blocks.map((block) => block.type)).toEqual(["header", "section", "actions", "context"]);
    expect(slackBody.blocks[2]?.elements?.[0]?.url).toBe(`${PUBLIC_BASE_URL}/calls/${callId}`);
    expect(slackRequest?.headers["x-webhook-signature"]).toBeUndefined();

    // The e-mail: plain text and HTML, from ALERT_EMAIL_FROM.
    const [mail] = mails;
    expect(mail?.to).toEqual(["oncall@example.test"]);
    expect(mail?.from).toContain("alerts@callboard.example.test");
    expect(mail?.subject).toContain(`Call ended with an error: STT connection failed ${tag}`);
    expect(mail?.text).toContain(`${PUBLIC_BASE_URL}/calls/${callId}`);
    expect(mail?.text).toContain("+31612345678");
    expect(mail?.html).toContain("<table");

    const rows = await deliveriesOfRule(rule.id);
    expect(rows.map((row) => [row.kind, row.state, row.attempts])).toEqual([
      ["error", "sent", 1],
      ["error", "sent", 1],
      ["error", "sent", 1],
    ]);
  });

  it("does not alert on ended calls, on a repeated delivery of the same error, or on a disabled rule", async () => {
    const tag = token();
    const hook = await receiver();
    const rule = await createRule({ kind: "each-error", errorContains: tag, destinations: [{ kind: "webhook", url: hook.url }] });
    const callId = await sendError({ error: `boom ${tag}` });
    await hook.waitForRequests(1);
    // The same event again (a redelivery) and another event of the same call: still one alert for the call.
    await sendError({ error: `boom ${tag}`, callId });
    const ended = await postWebhook(server.baseUrl, camelStatusUpdate({ status: "ended" }), { secret: TEST_WEBHOOK_SECRET });
    expect(ended.status).toBe(200);

    expect((await api("PATCH", `/api/alerts/rules/${rule.id}`, { isEnabled: false })).status).toBe(200);
    await sendError({ error: `boom ${tag}` });
    await sleep(1_500);
    expect(hook.requests).toHaveLength(1);
  });

  it("in an error storm sends one alert, holds the rest back during the cooldown, then one summary with their count", async () => {
    const tag = token();
    const hook = await receiver();
    // A 6-second cooldown (0.1 min) keeps the test short; minutes work the same way.
    const rule = await createRule({ kind: "each-error", errorContains: tag, cooldownMinutes: 0.1, destinations: [{ kind: "webhook", url: hook.url }] });
    hook.setSecret(await revealSecret(rule.destinations[0]?.id ?? ""));

    const calls = Array.from({ length: 40 }, () => newCallId());
    const started = Date.now();
    await Promise.all(calls.map((callId) => sendError({ callId, error: `Provider timeout ${tag}` })));
    // All 40 must be in within the cooldown for the count below to be 39.
    expect(Date.now() - started).toBeLessThan(5_000);
    const [first] = await hook.waitForRequests(1);
    expect(first?.json).toMatchObject({ kind: "error" });
    const requests = await hook.waitForRequests(2, 15_000);
    const summary = requests[1]?.json as { kind: string; suppressedCount: number; title: string; text: string };
    expect(summary).toMatchObject({ kind: "summary", suppressedCount: 39 });
    expect(summary.title).toBe(`…and 39 more errors since ${summary.title.split("since ")[1]}`);
    expect(summary.text).toContain("39 errors during the 0.1 min cooldown");
    // The summary arrives after the cooldown, not before. The cooldown began with the first alert, which cannot
    // precede the storm; timed from the storm, a first alert delivered late under load does not shorten the gap.
    expect((requests[1]?.at ?? 0) - started).toBeGreaterThanOrEqual(5_900);
    // Quiet afterwards: no more errors, no more messages.
    await sleep(2_500);
    expect(hook.requests).toHaveLength(2);
    expect(hook.requests.every((request) => request.signature?.isValid)).toBe(true);
  });
});

describe("filters", () => {
  it("match the line by its digits and the error text case-insensitively", async () => {
    const tag = token();
    const byLine = await receiver();
    const byText = await receiver();
    await createRule({ kind: "each-error", lineNumber: "+31 20 555 0101", errorContains: tag, destinations: [{ kind: "webhook", url: byLine.url }] });
    await createRule({ kind: "each-error", errorContains: `SIP 503 ${tag}`, destinations: [{ kind: "webhook", url: byText.url }] });

    await sendError({ error: `other failure ${tag}`, lineNumber: "+31205550999" });
    const onLine = await sendError({ error: `other failure ${tag}`, lineNumber: "+31205550101" });
    const byMessage = await sendError({ error: `Trunk said sip 503 ${tag.toUpperCase()} unavailable`, lineNumber: "+31205550999" });
    await byLine.waitForRequests(1);
    await byText.waitForRequests(1);
    await sleep(1_500);
    expect(byLine.requests.map((request) => (request.json as { call: { id: string } }).call.id)).toEqual([onLine]);
    expect(byText.requests.map((request) => (request.json as { call: { id: string } }).call.id)).toEqual([byMessage]);
  });
});

describe("a threshold rule", () => {
  it("fires when more than N errors fall within M minutes, and not before", async () => {
    const tag = token();
    const hook = await receiver();
    await createRule({ kind: "threshold", thresholdCount: 3, windowMinutes: 10, errorContains: tag, cooldownMinutes: 10, destinations: [{ kind: "webhook", url: hook.url }] });
    for (let index = 0; index < 3; index++) await sendError({ error: `busy ${tag}` });
    await sleep(1_500);
    expect(hook.requests).toHaveLength(0);

    const fourth = await sendError({ error: `busy ${tag}` });
    const [request] = await hook.waitForRequests(1);
    expect(request?.json).toMatchObject({ kind: "threshold", count: 4, thresholdCount: 3, windowMinutes: 10, call: { id: fourth } });
    expect((request?.json as { title: string }).title).toBe("4 call errors in the last 10 min (alert above 3)");
    // Further errors fall into the cooldown.
    await sendError({ error: `busy ${tag}` });
    await sleep(1_500);
    expect(hook.requests).toHaveLength(1);
  });
});

describe("a failing destination", () => {
  it("is retried with growing backoff until it accepts", async () => {
    const tag = token();
    const hook = await receiver();
    hook.respondWith((index) => (index < 2 ? 500 : 200));
    const rule = await createRule({ kind: "each-error", errorContains: tag, destinations: [{ kind: "webhook", url: hook.url }] });
    await sendError({ error: `flaky ${tag}` });
    const requests = await hook.waitForRequests(3);
    const rows = await waitForDeliveries(rule.id, (found) => found[0]?.state === "sent");
    expect(rows).toEqual([expect.objectContaining({ state: "sent", attempts: 3, last_status: 200, last_error: null })]);
    // Backoff: about 0.2 s after the first failure, about 0.4 s after the second.
    const [first, second, third] = requests.map((request) => request.at);
    const gaps = [(second ?? 0) - (first ?? 0), (third ?? 0) - (second ?? 0)];
    expect(gaps[0]).toBeGreaterThanOrEqual(150);
    expect(gaps[1]).toBeGreaterThan(gaps[0] ?? 0);
    // The same delivery each time (receivers can deduplicate on it).
    expect(new Set(requests.map((request) => request.headers["x-callboard-delivery"])).size).toBe(1);
  });

  it("is given up on after ALERT_MAX_ATTEMPTS with the reason logged, while other destinations are sent", async () => {
    const tag = token();
    const broken = await receiver();
    broken.respondWith(() => 503);
    const healthy = await receiver();
    const refused = await receiver({ isSlack: true });
    const refusedUrl = refused.url;
    await refused.close();
    const rule = await createRule({
      kind: "each-error",
      errorContains: tag,
      destinations: [
        { kind: "webhook", url: broken.url },
        { kind: "slack", url: refusedUrl },
        { kind: "webhook", url: healthy.url },
      ],
    });
    await sendError({ error: `down ${tag}` });
    await healthy.waitForRequests(1);
    const rows = await waitForDeliveries(rule.id, (found) => found.length === 3 && found.every((row) => row.state !== "pending"));
    expect(broken.requests).toHaveLength(3);
    expect(rows[0]).toMatchObject({ state: "failed", attempts: 3, last_status: 503 });
    // The status and its standard reason, never what the receiver wrote in its answer.
    expect(rows[0]?.last_error).toMatch(/^HTTP 503 Service Unavailable \(gave up after 3 attempts\)$/);
    expect(rows[1]).toMatchObject({ state: "failed", attempts: 3, last_status: null });
    expect(rows[1]?.last_error).toContain("ECONNREFUSED");
    expect(rows[2]).toMatchObject({ state: "sent", attempts: 1 });

    // The log on the page says the same.
    const log = (await (await api("GET", "/api/alerts/deliveries?state=failed&limit=500")).json()) as AlertDeliveriesResponse;
    const failed = log.deliveries.filter((delivery) => delivery.ruleId === rule.id);
    expect(failed).toHaveLength(2);
    expect(failed.every((delivery) => delivery.attempts === 3 && delivery.lastError)).toBe(true);

    // And the metrics count it.
    const metrics = await (await api("GET", "/api/metrics")).text();
    expect(metrics).toMatch(/callboard_alerts_failed_total\{destination="webhook"\} [1-9]/);
    expect(metrics).toMatch(/callboard_alerts_sent_total\{destination="webhook"\} [1-9]/);
  });

  it("that answers 4xx is not retried: the request itself is wrong", async () => {
    const tag = token();
    const hook = await receiver();
    hook.respondWith(() => 404);
    const rule = await createRule({ kind: "each-error", errorContains: tag, destinations: [{ kind: "webhook", url: hook.url }] });
    await sendError({ error: `gone ${tag}` });
    const rows = await waitForDeliveries(rule.id, (found) => found[0]?.state === "failed");
    expect(rows[0]).toMatchObject({ attempts: 1, last_status: 404, last_error: "HTTP 404 Not Found" });
  });
});

describe("send test alert", () => {
  it("sends one now and answers with the outcome, logged like any delivery", async () => {
    const hook = await receiver();
    const closed = await receiver({ isSlack: true });
    await closed.close();
    const rule = await createRule({ kind: "each-error", errorContains: token(), destinations: [{ kind: "webhook", url: hook.url }, { kind: "slack", url: closed.url }] });
    const [webhook, slack] = rule.destinations;
    hook.setSecret(await revealSecret(webhook?.id ?? ""));

    const sent = (await (await api("POST", `/api/alerts/destinations/${webhook?.id}/test`)).json()) as TestAlertResult;
    expect(sent).toMatchObject({ state: "sent", status: 200, error: null });
    expect(hook.requests[0]?.signature).toEqual({ isValid: true });
    expect(hook.requests[0]?.json).toMatchObject({ kind: "test", title: "Test alert from Callboard" });

    const failed = (await (await api("POST", `/api/alerts/destinations/${slack?.id}/test`)).json()) as TestAlertResult;
    expect(failed).toMatchObject({ state: "failed", status: null });
    expect(failed.error).toContain("ECONNREFUSED");

    const log = (await (await api("GET", "/api/alerts/deliveries")).json()) as AlertDeliveriesResponse;
    const tests = log.deliveries.filter((delivery) => delivery.ruleId === rule.id);
    expect(tests.map((delivery) => [delivery.alertKind, delivery.destinationKind, delivery.state, delivery.attempts])).toEqual([
      ["test", "slack", "failed", 1],
      ["test", "webhook", "sent", 1],
    ]);
  });
});

describe("what a destination answers", () => {
  it("is reported as its status and a short reason, never its body, and a redirect is not followed", async () => {
    const leaky = await receiver();
    leaky.respondWith(() => 500);
    const redirecting = await receiver();
    redirecting.respondWith(() => 302);
    const rule = await createRule({ kind: "each-error", errorContains: token(), destinations: [{ kind: "webhook", url: leaky.url }, { kind: "webhook", url: redirecting.url }] });
    const [first, second] = rule.destinations;

    const failed = (await (await api("POST", `/api/alerts/destinations/${first?.id}/test`)).json()) as TestAlertResult;
    expect(failed).toMatchObject({ state: "failed", status: 500, error: "HTTP 500 Internal Server Error" });
    // The receiver answers "refused with 500": none of it comes back.
    expect(JSON.stringify(failed)).not.toContain("refused with");

    const redirected = (await (await api("POST", `/api/alerts/destinations/${second?.id}/test`)).json()) as TestAlertResult;
    expect(redirected).toMatchObject({ state: "failed", status: 302, error: "HTTP 302 Found: redirects are not followed; enter the final URL." });
    expect(redirecting.requests).toHaveLength(1);
    expect(JSON.stringify(redirected)).not.toContain("169.254");
  });
});

describe("the alerts API", () => {
  it("refuses invalid rules with a 422 that names the field", async () => {
    const cases: [unknown, RegExp][] = [
      [{ name: "x", kind: "each-error", destinations: [{ kind: "webhook", url: "ftp://example.test" }] }, /Destination 1: the URL must be an http:\/\/ or https:\/\/ URL/],
      [{ name: "x", kind: "threshold", thresholdCount: 0, windowMinutes: 5, destinations: [{ kind: "slack", url: "https://hooks.example.test/x" }] }, /Number of errors \(N\) must be at least 1/],
      [{ name: "x", kind: "threshold", destinations: [{ kind: "slack", url: "https://hooks.example.test/x" }] }, /Number of errors \(N\) is required for a threshold rule/],
      [{ name: "x", kind: "each-error", destinations: [] }, /A rule needs at least one destination/],
      [{ name: "x", kind: "each-error", destinations: [{ kind: "email", to: ["not-an-address"] }] }, /Destination 1: a recipient must be an e-mail address/],
      [{ name: "", kind: "each-error", destinations: [{ kind: "webhook", url: "https://example.test" }] }, /Name is required/],
      [{ name: "x", kind: "each-error", cooldownMinutes: -1, destinations: [{ kind: "webhook", url: "https://example.test" }] }, /Cooldown \(minutes\) must be 0 or more/],
    ];
    for (const [body, message] of cases) {
      const response = await api("POST", "/api/alerts/rules", body);
      expect(response.status, JSON.stringify(body)).toBe(422);
      const json = (await response.json()) as { error: { code: string; message: string } };
      expect(json.error.code).toBe("unprocessable");
      expect(json.error.message).toMatch(message);
    }
    expect((await api("POST", "/api/alerts/rules", "{not json")).status).toBe(400);
    expect((await api("PATCH", "/api/alerts/rules/999999", { name: "x" })).status).toBe(404);
    expect((await api("PATCH", "/api/alerts/rules/abc", { name: "x" })).status).toBe(404);
  });

  it("edits rules and destinations, and keeps at least one destination per rule", async () => {
    const hook = await receiver();
    const rule = await createRule({ kind: "each-error", errorContains: token(), destinations: [{ kind: "webhook", url: hook.url }] });
    const edited = await api("PATCH", `/api/alerts/rules/${rule.id}`, { kind: "threshold", thresholdCount: 2, windowMinutes: 5 });
    expect(((await edited.json()) as { rule: AlertRuleView }).rule).toMatchObject({ kind: "threshold", thresholdCount: 2, windowMinutes: 5 });
    const incomplete = await api("PATCH", `/api/alerts/rules/${rule.id}`, { kind: "threshold", windowMinutes: null });
    expect(incomplete.status).toBe(422);

    const only = rule.destinations[0]?.id;
    const lastOne = await api("DELETE", `/api/alerts/destinations/${only}`);
    expect(lastOne.status).toBe(422);
    expect(((await lastOne.json()) as { error: { message: string } }).error.message).toContain("only destination");

    const added = await api("POST", `/api/alerts/rules/${rule.id}/destinations`, { kind: "email", to: ["a@example.test", "b@example.test"] });
    expect(added.status).toBe(201);
    const withEmail = ((await added.json()) as { rule: AlertRuleView }).rule;
    expect(withEmail.destinations.map((destination) => destination.kind)).toEqual(["webhook", "email"]);
    const wrongField = await api("PATCH", `/api/alerts/destinations/${withEmail.destinations[1]?.id}`, { url: "https://example.test" });
    expect(wrongField.status).toBe(422);
    expect((await api("DELETE", `/api/alerts/destinations/${only}`)).status).toBe(200);
    expect((await api("DELETE", `/api/alerts/rules/${rule.id}`)).status).toBe(204);
    expect((await api("DELETE", `/api/alerts/rules/${rule.id}`)).status).toBe(404);
  });

  it("is for admins only: viewers get 403, anonymous requests 401", async () => {
    const viewer = await createSignedInUser(server.baseUrl, server.database.url, "viewer");
    expect((await api("GET", "/api/alerts/rules", undefined, { cookie: viewer.cookie })).status).toBe(403);
    expect((await api("POST", "/api/alerts/rules", { name: "x" }, { cookie: viewer.cookie })).status).toBe(403);
    expect((await api("GET", "/api/alerts/deliveries", undefined, { cookie: viewer.cookie })).status).toBe(403);
    expect((await fetch(`${server.baseUrl}/settings/alerts`, { headers: { cookie: viewer.cookie } })).status).toBe(403);
    expect((await fetch(`${server.baseUrl}/api/alerts/rules`)).status).toBe(401);
    const page = await fetch(`${server.baseUrl}/settings/alerts`, { headers: { cookie: await server.adminCookie() } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Delivery log");
  });
});

describe("each destination's language", () => {
  it("writes the e-mail, the Slack message and the webhook's title in the destination's language", async () => {
    const tag = token();
    const hook = await receiver();
    const slack = await receiver({ isSlack: true });
    const mailsBefore = smtp.mails.length;
    const rule = await createRule({
      name: "Fouten op de hoofdlijn",
      kind: "each-error",
      errorContains: tag,
      destinations: [
        { kind: "email", to: ["dienst@example.test"], locale: "nl" },
        { kind: "email", to: ["oncall@example.test"] },
        { kind: "slack", url: slack.url, locale: "nl" },
        { kind: "webhook", url: hook.url, locale: "nl" },
      ],
    });
    expect(rule.destinations.map((destination) => destination.locale)).toEqual(["nl", "en", "nl", "nl"]);
    hook.setSecret(await revealSecret(rule.destinations[3]?.id ?? ""));

    const callId = await sendError({ error: `STT <verbinding> mislukt ${tag}` });
    await smtp.waitForMails(mailsBefore + 2);
    const [slackRequest] = await slack.waitForRequests(1);
    const [request] = await hook.waitForRequests(1);
    const mails = smtp.mails.slice(mailsBefore).filter((mail) => mail.text.includes(tag));
    const dutch = mails.find((mail) => mail.to.includes("dienst@example.test"));
    const english = mails.find((mail) => mail.to.includes("oncall@example.test"));

    expect(dutch?.subject).toBe(`[Callboard] Gesprek beëindigd met een fout: STT <verbinding> mislukt ${tag}`);
    expect(dutch?.text).toContain("Beller: +31612345678");
    expect(dutch?.text).toMatch(/Tijd: \d{1,2} (jan|feb|mrt|apr|mei|jun|jul|aug|sep|okt|nov|dec)\.? \d{4}, \d\d:\d\d:\d\d CES?T/);
    expect(dutch?.text).toContain(`Open het gesprek: ${PUBLIC_BASE_URL}/calls/${callId}`);
    expect(dutch?.html).toContain(`STT &lt;verbinding&gt; mislukt ${tag}`);
    expect(english?.subject).toBe(`[Callboard] Call ended with an error: STT <verbinding> mislukt ${tag}`);
    expect(english?.text).toMatch(/Time: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d CES?T/);

    const slackBody = slackRequest?.json as { text: string };
    expect(slackBody.text).toBe(`Gesprek beëindigd met een fout: STT &lt;verbinding&gt; mislukt ${tag} – ${PUBLIC_BASE_URL}/calls/${callId}`);
    expect(request?.signature).toEqual({ isValid: true });
    expect(request?.json).toMatchObject({ type: "callboard.alert", kind: "error", locale: "nl", title: `Gesprek beëindigd met een fout: STT <verbinding> mislukt ${tag}`, call: { id: callId } });
  });

  it("is en or nl, English when not given, changeable, and anything else is a 422 that names the field", async () => {
    const hook = await receiver();
    const unknown = await api("POST", "/api/alerts/rules", { name: "x", kind: "each-error", destinations: [{ kind: "webhook", url: hook.url, locale: "de" }] });
    expect(unknown.status).toBe(422);
    expect(((await unknown.json()) as { error: { message: string } }).error.message).toMatch(/Destination 1: language must be en or nl/);

    const rule = await createRule({ kind: "each-error", errorContains: token(), destinations: [{ kind: "webhook", url: hook.url }] });
    const destination = rule.destinations[0];
    expect(destination?.locale).toBe("en");
    const added = await api("POST", `/api/alerts/rules/${rule.id}/destinations`, { kind: "email", to: ["a@example.test"], locale: "fr" });
    expect(added.status).toBe(422);
    expect(((await added.json()) as { error: { message: string } }).error.message).toMatch(/Language must be en or nl/);
    const badPatch = await api("PATCH", `/api/alerts/destinations/${destination?.id}`, { locale: "NL" });
    expect(badPatch.status).toBe(422);
    expect(((await badPatch.json()) as { error: { message: string } }).error.message).toMatch(/Language must be en or nl/);

    const changed = await api("PATCH", `/api/alerts/destinations/${destination?.id}`, { locale: "nl" });
    expect(changed.status).toBe(200);
    expect(((await changed.json()) as { rule: AlertRuleView }).rule.destinations[0]).toMatchObject({ locale: "nl", isEnabled: true });
  });

  it("answers a test alert's failure in the admin's language, and sends the test in the destination's", async () => {
    const hook = await receiver();
    const closed = await receiver({ isSlack: true });
    await closed.close();
    const rule = await createRule({ kind: "each-error", errorContains: token(), destinations: [{ kind: "webhook", url: hook.url, locale: "nl" }, { kind: "slack", url: closed.url }] });
    const [webhook, slack] = rule.destinations;
    hook.setSecret(await revealSecret(webhook?.id ?? ""));
    const testInDutch = async (id: string | undefined) =>
      (await (
        await fetch(`${server.baseUrl}/api/alerts/destinations/${id}/test`, { method: "POST", headers: { cookie: await server.adminCookie(), origin: server.baseUrl, "accept-language": "nl-NL,nl;q=0.9" } })
      ).json()) as TestAlertResult;

    expect(await testInDutch(webhook?.id)).toMatchObject({ state: "sent", status: 200, error: null });
    expect(hook.requests[0]?.json).toMatchObject({ kind: "test", locale: "nl", title: "Testmelding van Callboard" });
    const failed = await testInDutch(slack?.id);
    expect(failed).toMatchObject({ state: "failed", status: null, error: "De ontvanger was niet bereikbaar (ECONNREFUSED)." });
  });
});

describe("durability and several instances", () => {
  it("alerts once for an error acknowledged while no instance was sending alerts, once one starts", async () => {
    const database = await createTestDatabase();
    const hook = await receiver();
    const ingestOnly = await startTestServer({ database, env: { ...ALERT_ENV, ALERT_WORKER: "off" } });
    let callId: string;
    try {
      const cookie = await ingestOnly.adminCookie();
      await createRule({ kind: "each-error", destinations: [{ kind: "webhook", url: hook.url }] }, { baseUrl: ingestOnly.baseUrl, cookie });
      callId = await sendError({ error: "acknowledged, then the server went away", baseUrl: ingestOnly.baseUrl });
      await sleep(1_000);
      expect(hook.requests).toHaveLength(0);
    } finally {
      await ingestOnly.stop();
    }
    const alerting = await startTestServer({ database, env: ALERT_ENV });
    try {
      const [request] = await hook.waitForRequests(1);
      expect(request?.json).toMatchObject({ kind: "error", call: { id: callId } });
      await sleep(1_000);
      expect(hook.requests).toHaveLength(1);
    } finally {
      await alerting.stop();
      await database.drop();
    }
    // Two servers start one after the other: on a loaded machine, most of a minute.
  }, 90_000);

  it("sends each alert exactly once when two instances share the database", async () => {
    const database = await createTestDatabase();
    const hook = await receiver();
    const [first, second] = await Promise.all([startTestServer({ database, env: ALERT_ENV }), startTestServer({ database, env: ALERT_ENV })]);
    try {
      const cookie = await first.adminCookie();
      await createRule({ kind: "each-error", destinations: [{ kind: "webhook", url: hook.url }] }, { baseUrl: first.baseUrl, cookie });
      const callIds = await Promise.all(Array.from({ length: 30 }, (_, index) => sendError({ error: `E${index}`, baseUrl: index % 2 ? second.baseUrl : first.baseUrl })));
      await hook.waitForRequests(30, 15_000);
      await sleep(2_000);
      const alerted = hook.requests.map((request) => (request.json as { call: { id: string } }).call.id);
      expect(alerted).toHaveLength(30);
      expect(new Set(alerted)).toEqual(new Set(callIds));
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      const { rows } = await client.query<{ state: string; attempts: number; count: number }>(
        `SELECT state, attempts, count(*)::int AS count FROM alert_deliveries GROUP BY state, attempts`,
      );
      await client.end();
      expect(rows).toEqual([{ state: "sent", attempts: 1, count: 30 }]);
    } finally {
      await Promise.all([first.stop(), second.stop()]);
      await database.drop();
    }
  }, 90_000);
});
