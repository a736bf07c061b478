// Integration: what alert destinations keep secret from browsers and how their secrets change, on a real Callboard.
// A webhook destination's signing secret can be rotated (by an admin, from this site); a saved Slack URL is shown
// masked in every answer and page, and a save that sends the masked form back keeps the stored URL.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AlertRuleView, TestAlertResult } from "@/lib/shared/alerts/alert-view";
import { createTestCertificate, startAlertReceiver, type AlertReceiver } from "@/lib/testing/alert-receivers";
import { createSignedInUser } from "@/lib/testing/auth";
import { startTestServer, type TestServer } from "@/lib/testing/test-server";

const tls = createTestCertificate();
let server: TestServer;
let hook: AlertReceiver;
let slack: AlertReceiver;

beforeAll(async () => {
  hook = await startAlertReceiver();
  slack = await startAlertReceiver({ tls });
  server = await startTestServer({
    env: { LOG_LEVEL: "warn", ALERT_ALLOW_LOOPBACK_DESTINATIONS: "true", ALERT_SLACK_HOSTS: "127.0.0.1,hooks.slack.com", NODE_EXTRA_CA_CERTS: tls.certFile },
  });
});

afterAll(async () => {
  await server?.stop();
  await Promise.all([hook?.close(), slack?.close()]);
});

type Answer = { status: number; text: string };

async function request(method: string, route: string, body?: unknown, options: { cookie?: string; origin?: string } = {}): Promise<Answer> {
  const response = await fetch(`${server.baseUrl}${route}`, {
    method,
    headers: {
      cookie: options.cookie ?? (await server.adminCookie()),
      origin: options.origin ?? server.baseUrl,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, text: await response.text() };
}

const ruleOf = (answer: Answer) => (JSON.parse(answer.text) as { rule: AlertRuleView }).rule;

describe("a webhook destination's signing secret", () => {
  it("rotates for an admin of this site: alerts are signed with the new one from then on, not the old", async () => {
    const created = await request("POST", "/api/alerts/rules", { name: "Rotation", kind: "each-error", errorContains: "never-matches", destinations: [{ kind: "webhook", url: hook.url }] });
    expect(created.status).toBe(201);
    const destination = ruleOf(created).destinations[0];
    const old = (JSON.parse((await request("GET", `/api/alerts/destinations/${destination?.id}/secret`)).text) as { secret: string }).secret;

    const viewer = await createSignedInUser(server.baseUrl, server.database.url, "viewer");
    expect((await request("POST", `/api/alerts/destinations/${destination?.id}/secret/rotate`, undefined, { cookie: viewer.cookie })).status).toBe(403);
    expect((await request("POST", `/api/alerts/destinations/${destination?.id}/secret/rotate`, undefined, { origin: "https://evil.example" })).status).toBe(403);
    expect((await request("POST", "/api/alerts/destinations/999999/secret/rotate")).status).toBe(404);
    expect((await request("POST", "/api/alerts/destinations/x'1/secret/rotate")).status).toBe(404);

    const rotated = await request("POST", `/api/alerts/destinations/${destination?.id}/secret/rotate`);
    expect(rotated.status).toBe(200);
    const { secret, rule } = JSON.parse(rotated.text) as { secret: string; rule: AlertRuleView };
    expect(secret).toMatch(/^whsec_[\w-]{43}$/);
    expect(secret).not.toBe(old);
    expect(rule.destinations[0]?.maskedSecret).toBe(`${secret.slice(0, 10)}${"•".repeat(16)}`);
    expect((JSON.parse((await request("GET", `/api/alerts/destinations/${destination?.id}/secret`)).text) as { secret: string }).secret).toBe(secret);

    hook.setSecret(old);
    expect(JSON.parse((await request("POST", `/api/alerts/destinations/${destination?.id}/test`)).text) as TestAlertResult).toMatchObject({ state: "failed", status: 401 });
    hook.setSecret(secret);
    expect(JSON.parse((await request("POST", `/api/alerts/destinations/${destination?.id}/test`)).text) as TestAlertResult).toMatchObject({ state: "sent", status: 200 });
  });

  it("cannot be rotated for a Slack or e-mail destination, which has none", async () => {
    const created = await request("POST", "/api/alerts/rules", { name: "No secret", kind: "each-error", destinations: [{ kind: "email", to: ["oncall@example.test"] }] });
    const answer = await request("POST", `/api/alerts/destinations/${ruleOf(created).destinations[0]?.id}/secret/rotate`);
    expect(answer.status).toBe(404);
    expect(answer.text).toContain("has no signing secret");
  });
});

describe("a saved Slack URL", () => {
  it("is never sent whole to a browser again: every answer and the page show it masked", async () => {
    const token = `tok${randomBytes(12).toString("hex")}`;
    const slackUrl = `${new URL(slack.url).origin}/services/T0MASK/B0MASK/${token}`;
    const masked = `${new URL(slack.url).origin}/services/${"•".repeat(12)}`;
    const answers: Answer[] = [];
    const created = await request("POST", "/api/alerts/rules", { name: "Slack masked", kind: "each-error", errorContains: "never-matches", destinations: [{ kind: "slack", url: slackUrl }] });
    answers.push(created);
    const rule = ruleOf(created);
    const destinationId = rule.destinations[0]?.id ?? "";
    expect(rule.destinations[0]).toMatchObject({ kind: "slack", url: masked, label: new URL(slack.url).host, maskedSecret: null });

    answers.push(await request("GET", "/api/alerts/rules"));
    answers.push(await request("PATCH", `/api/alerts/rules/${rule.id}`, { name: "Slack masked, renamed" }));
    answers.push(await request("PATCH", `/api/alerts/destinations/${destinationId}`, { isEnabled: true }));
    answers.push(await request("POST", `/api/alerts/rules/${rule.id}/destinations`, { kind: "email", to: ["oncall@example.test"] }));
    answers.push(await request("POST", `/api/alerts/destinations/${destinationId}/test`));
    answers.push(await request("GET", "/api/alerts/deliveries?limit=50"));
    answers.push(await request("GET", "/settings/alerts"));
    for (const answer of answers) {
      expect(answer.status).toBeLessThan(300);
      expect(answer.text).not.toContain(token);
      expect(answer.text).not.toContain("T0MASK");
    }
    expect(answers[7]?.text).toContain(`/services/${"•".repeat(12)}`);
    expect(slack.requests.at(-1)?.path).toBe(`/services/T0MASK/B0MASK/${token}`);
  });

  it("stays as stored when a save sends back the masked form; a URL still holding the hidden part is refused; a new URL replaces it", async () => {
    const token = `tok${randomBytes(12).toString("hex")}`;
    const origin = new URL(slack.url).origin;
    const created = await request("POST", "/api/alerts/rules", { name: "Slack kept", kind: "each-error", errorContains: "never-matches", destinations: [{ kind: "slack", url: `${origin}/services/T0KEEP/B0KEEP/${token}` }] });
    const destination = ruleOf(created).destinations[0];
    const sendTest = async () => (JSON.parse((await request("POST", `/api/alerts/destinations/${destination?.id}/test`)).text) as TestAlertResult).state;

    const kept = await request("PATCH", `/api/alerts/destinations/${destination?.id}`, { url: destination?.url, isEnabled: true });
    expect(kept.status).toBe(200);
    expect(ruleOf(kept).destinations[0]?.url).toBe(destination?.url);
    expect(await sendTest()).toBe("sent");
    expect(slack.requests.at(-1)?.path).toBe(`/services/T0KEEP/B0KEEP/${token}`);

    for (const [url, field] of [
      [`${origin}/services/T0KEEP/${"•".repeat(12)}`, "The URL"],
      [`${origin}/other/${"•".repeat(12)}`, "The URL"],
    ] as const) {
      const refused = await request("PATCH", `/api/alerts/destinations/${destination?.id}`, { url });
      expect(refused.status).toBe(422);
      expect(JSON.parse(refused.text)).toEqual({ error: { code: "unprocessable", message: `${field} still holds its hidden part (•••): paste the whole URL, or leave the URL as it is.` } });
    }
    const copied = await request("POST", "/api/alerts/rules", { name: "Copied", kind: "each-error", destinations: [{ kind: "slack", url: destination?.url }] });
    expect(copied.status).toBe(422);
    expect(copied.text).toContain("Destination 1: the URL still holds its hidden part");
    expect(await sendTest()).toBe("sent");
    expect(slack.requests.at(-1)?.path).toBe(`/services/T0KEEP/B0KEEP/${token}`);

    const changed = await request("PATCH", `/api/alerts/destinations/${destination?.id}`, { url: `${origin}/services/T0NEW/B0NEW/newtoken` });
    expect(changed.status).toBe(200);
    expect(ruleOf(changed).destinations[0]?.url).toBe(`${origin}/services/${"•".repeat(12)}`);
    expect(await sendTest()).toBe("sent");
    expect(slack.requests.at(-1)?.path).toBe("/services/T0NEW/B0NEW/newtoken");
  });
});
