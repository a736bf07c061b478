// Integration: secrets at rest on a real Callboard (production build). Every kind of stored secret is made through
// the real API, used on its hot path (webhooks verified with the stored signing secrets, alerts sent to an encrypted
// URL signed with an encrypted secret, Flireo called with the saved key), and then every text, JSON, array and bytea
// column of every table is scanned for each of them in plain text. A value that cannot be decrypted at run time
// stops its feature with what to set (a 503, a notice on the page), never a 500.
import { randomBytes, randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AlertRuleView, TestAlertResult } from "@/lib/shared/alerts/alert-view";
import type { SecretView } from "@/lib/shared/flireo/flireo-view";
import { createTestCertificate, startAlertReceiver, type AlertReceiver } from "@/lib/testing/alert-receivers";
import { startFakeFlireo, type FakeFlireo } from "@/lib/testing/fake-flireo";
import { camelStatusUpdate, newCallId, postWebhook } from "@/lib/testing/flireo-payloads";
import { startTestServer, TEST_ENCRYPTION_KEY, type TestServer } from "@/lib/testing/test-server";
import { createSecretBox } from "./secret-box";

const tls = createTestCertificate();
const box = createSecretBox([TEST_ENCRYPTION_KEY]);
const token = (prefix: string) => `${prefix}${randomBytes(12).toString("hex")}`;

let server: TestServer;
let db: pg.Pool;
let flireo: FakeFlireo;
let hook: AlertReceiver;
let slack: AlertReceiver;
const flireoKey = token("sk_scan_");

beforeAll(async () => {
  flireo = await startFakeFlireo({ apiKey: flireoKey });
  hook = await startAlertReceiver();
  slack = await startAlertReceiver({ tls });
  server = await startTestServer({
    env: {
      LOG_LEVEL: "warn",
      FLIREO_API_BASE_URL: flireo.baseUrl,
      ALERT_ALLOW_LOOPBACK_DESTINATIONS: "true",
      ALERT_SLACK_HOSTS: "127.0.0.1,hooks.slack.com",
      NODE_EXTRA_CA_CERTS: tls.certFile,
      ALERT_RETRY_BASE_SECONDS: "0.2",
    },
  });
  db = new pg.Pool({ connectionString: server.database.url });
});

afterAll(async () => {
  await db?.end();
  await server?.stop();
  await Promise.all([hook?.close(), slack?.close(), flireo?.stop()]);
});

async function api<T>(method: string, path: string, body?: unknown, expectedStatus = 200): Promise<T> {
  const response = await fetch(`${server.baseUrl}${path}`, {
    method,
    headers: { cookie: await server.adminCookie(), origin: server.baseUrl, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  expect(response.status, `${method} ${path}: ${text}`).toBe(expectedStatus);
  return (text ? JSON.parse(text) : null) as T;
}

type Column = { table: string; column: string; type: string };

/** Every column of every table that can hold text: text and varchar, JSON, arrays, bytea. */
async function textColumns(): Promise<Column[]> {
  const { rows } = await db.query<Column>(`
    SELECT c.table_name AS table, c.column_name AS column, c.data_type AS type
    FROM information_schema.columns c JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
    WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
      AND c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'bytea', 'ARRAY')
    ORDER BY 1, 2`);
  return rows;
}

/** The columns (table.column) holding `needle` anywhere in a value, as text or as bytes. */
async function findInDatabase(columns: Column[], needle: string): Promise<string[]> {
  const found: string[] = [];
  for (const { table, column, type } of columns) {
    const where = type === "bytea" ? `position(convert_to($1, 'UTF8') in "${column}") > 0` : `strpos("${column}"::text, $1) > 0`;
    const { rows } = await db.query<{ hits: number }>(`SELECT count(*)::int AS hits FROM "${table}" WHERE ${where}`, [needle]);
    if ((rows[0]?.hits ?? 0) > 0) found.push(`${table}.${column}`);
  }
  return found;
}

async function waitFor<T>(read: () => Promise<T | null>, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("secrets at rest", () => {
  it("never stores a secret in plain text, in any column of any table, while each works on its hot path", async () => {
    // The webhook signing secrets: the first one, and the one a rotation makes.
    const first = (await api<{ secrets: SecretView[] }>("GET", "/api/webhooks/secret")).secrets[0]?.secret ?? "";
    const rotated = (await api<{ secrets: SecretView[] }>("POST", "/api/webhooks/secret/rotate")).secrets[0]?.secret ?? "";
    expect(first).toMatch(/^whsec_/);
    expect(rotated).not.toBe(first);
    // The Flireo API key, saved on the server and used for Flireo's API (the fake refuses any other key).
    await api("PUT", "/api/flireo/api-key", { apiKey: flireoKey });
    await api("GET", "/api/flireo/overview");
    expect(flireo.requests.at(-1)?.authorization).toBe(`Bearer ${flireoKey}`);

    // An alert rule with a webhook destination (a token in its path) and a Slack one.
    const webhookUrl = `${hook.url}/${token("tok_path_")}?key=${token("tok_query_")}`;
    const slackToken = token("slacktoken");
    const slackUrl = `${slack.url.replace("/hooks/callboard", "")}/services/T0SCAN/B0SCAN/${slackToken}`;
    const tag = token("scan");
    const { rule } = await api<{ rule: AlertRuleView }>(
      "POST",
      "/api/alerts/rules",
      { name: `Scan ${tag}`, kind: "each-error", errorContains: tag, cooldownMinutes: 0, destinations: [{ kind: "webhook", url: webhookUrl }, { kind: "slack", url: slackUrl }] },
      201,
    );
    const [webhookDestination, slackDestination] = rule.destinations;
    const firstDestinationSecret = (await api<{ secret: string }>("GET", `/api/alerts/destinations/${webhookDestination?.id}/secret`)).secret;
    const destinationSecret = (await api<{ secret: string }>("POST", `/api/alerts/destinations/${webhookDestination?.id}/secret/rotate`)).secret;
    expect(destinationSecret).not.toBe(firstDestinationSecret);
    hook.setSecret(destinationSecret);

    // Webhooks verified with the stored (encrypted) secrets, the previous one still in its grace period.
    for (const secret of [rotated, first]) {
      expect((await postWebhook(server.baseUrl, camelStatusUpdate({ status: "in-progress" }), { secret })).status).toBe(200);
    }
    // Alerts to the encrypted URLs, signed with the encrypted secret: a test alert, and a real error's alert.
    for (const destination of [webhookDestination, slackDestination]) {
      expect(await api<TestAlertResult>("POST", `/api/alerts/destinations/${destination?.id}/test`)).toMatchObject({ state: "sent", status: 200 });
    }
    const callId = newCallId();
    expect((await postWebhook(server.baseUrl, camelStatusUpdate({ callId, status: "ended-with-error", error: `SIP trunk down ${tag}` }), { secret: rotated })).status).toBe(200);
    await hook.waitForRequests(2);
    await slack.waitForRequests(2);
    expect(hook.requests.map((request) => request.signature)).toEqual([{ isValid: true }, { isValid: true }]);
    expect(hook.requests.every((request) => `${hook.url.replace("/hooks/callboard", "")}${request.path}` === webhookUrl)).toBe(true);
    expect(slack.requests.map((request) => request.path)).toEqual([`/services/T0SCAN/B0SCAN/${slackToken}`, `/services/T0SCAN/B0SCAN/${slackToken}`]);
    await waitFor(async () => {
      const { rows } = await db.query<{ state: string }>(`SELECT state FROM alert_deliveries d JOIN alerts a ON a.id = d.alert_id WHERE a.kind = 'error' AND a.rule_id = $1`, [rule.id]);
      return rows.length === 2 && rows.every((row) => row.state === "sent") ? rows : null;
    }, "the error's deliveries");

    const columns = await textColumns();
    expect(columns.length).toBeGreaterThan(30);
    expect(columns.map((column) => `${column.table}.${column.column}`)).toEqual(expect.arrayContaining(["webhook_secrets.secret", "alert_destinations.url", "alert_destinations.secret", "settings.value", "alert_deliveries.destination_label", "alerts.content", "socket_io_attachments.payload"]));
    // The scan finds what is there: the rule's name and the error text are stored in plain text, as they should be.
    expect(await findInDatabase(columns, `Scan ${tag}`)).toContain("alert_rules.name");
    expect(await findInDatabase(columns, `SIP trunk down ${tag}`)).toContain("calls.error");

    const secrets = {
      first,
      rotated,
      flireoKey,
      webhookUrl,
      webhookPath: new URL(webhookUrl).pathname,
      webhookQuery: new URL(webhookUrl).search.slice(1),
      slackUrl,
      slackToken,
      firstDestinationSecret,
      destinationSecret,
      encryptionKey: TEST_ENCRYPTION_KEY,
    };
    for (const [name, secret] of Object.entries(secrets)) expect(await findInDatabase(columns, secret), name).toEqual([]);

    // What is there instead: envelopes that name the key, and that open to the secrets.
    const stored = await db.query<{ secret: string }>(`SELECT secret FROM webhook_secrets`);
    expect(stored.rows.map((row) => box.open(row.secret, "webhook_secrets.secret"))).toEqual(expect.arrayContaining([first, rotated]));
    const destinations = await db.query<{ url: string; secret: string | null; label: string }>(`SELECT url, secret, label FROM alert_destinations WHERE rule_id = $1 ORDER BY id`, [rule.id]);
    expect(destinations.rows.map((row) => box.open(row.url, "alert_destinations.url"))).toEqual([webhookUrl, slackUrl]);
    expect(box.open(destinations.rows[0]?.secret ?? "", "alert_destinations.secret")).toBe(destinationSecret);
    expect(destinations.rows.map((row) => row.label)).toEqual([`${new URL(hook.url).host}/…`, new URL(slackUrl).host]);
    const setting = await db.query<{ value: string }>(`SELECT value FROM settings WHERE key = 'flireo_api_key'`);
    expect(box.open(setting.rows[0]?.value ?? "", "settings.flireo_api_key")).toBe(flireoKey);
  });

  it("stops a feature whose stored secret does not decrypt with what to set, never with a 500", async () => {
    const otherBox = createSecretBox([randomBytes(32).toString("base64")]);
    const original = await db.query<{ value: string }>(`SELECT value FROM settings WHERE key = 'flireo_api_key'`);
    if (original.rows.length === 0) await api("PUT", "/api/flireo/api-key", { apiKey: flireoKey });
    await db.query(`UPDATE settings SET value = to_jsonb($1::text) WHERE key = 'flireo_api_key'`, [otherBox.seal(flireoKey, "settings.flireo_api_key")]);
    try {
      const response = await fetch(`${server.baseUrl}/api/flireo/overview`, { headers: { cookie: await server.adminCookie() } });
      expect(response.status).toBe(503);
      const { error } = (await response.json()) as { error: { code: string; message: string } };
      expect(error.code).toBe("unavailable");
      expect(error.message).toBe(
        `Callboard cannot decrypt the saved Flireo API key: it was encrypted with key ${otherBox.currentKeyId}, which CALLBOARD_ENCRYPTION_KEY does not hold. ` +
          "Add that key to CALLBOARD_ENCRYPTION_KEY (after the current one) and restart.",
      );
      const page = await fetch(`${server.baseUrl}/webhooks`, { headers: { cookie: await server.adminCookie() } });
      expect(page.status).toBe(200);
      expect(await page.text()).toContain(`it was encrypted with key ${otherBox.currentKeyId}, which CALLBOARD_ENCRYPTION_KEY does not hold`);
    } finally {
      await db.query(`UPDATE settings SET value = to_jsonb($1::text) WHERE key = 'flireo_api_key'`, [box.seal(flireoKey, "settings.flireo_api_key")]);
    }

    // An alert destination's URL: the test alert fails with the reason, the rules answer 503, the page says why.
    const tag = randomUUID().slice(0, 8);
    const { rule } = await api<{ rule: AlertRuleView }>("POST", "/api/alerts/rules", { name: `Broken ${tag}`, kind: "each-error", errorContains: tag, cooldownMinutes: 0, destinations: [{ kind: "webhook", url: hook.url }] }, 201);
    const destinationId = rule.destinations[0]?.id;
    await db.query(`UPDATE alert_destinations SET url = $1 WHERE id = $2`, [otherBox.seal(hook.url, "alert_destinations.url"), destinationId]);
    try {
      const result = await api<TestAlertResult>("POST", `/api/alerts/destinations/${destinationId}/test`);
      expect(result).toMatchObject({ state: "failed", status: null });
      expect(result.error).toContain(`Callboard cannot decrypt an alert destination's URL: it was encrypted with key ${otherBox.currentKeyId}`);
      const listed = await fetch(`${server.baseUrl}/api/alerts/rules`, { headers: { cookie: await server.adminCookie() } });
      expect(listed.status).toBe(503);
      expect(((await listed.json()) as { error: { message: string } }).error.message).toContain("CALLBOARD_ENCRYPTION_KEY does not hold");
      const page = await fetch(`${server.baseUrl}/settings/alerts`, { headers: { cookie: await server.adminCookie() } });
      expect(page.status).toBe(200);
      expect(await page.text()).toContain("Callboard cannot decrypt an alert destination&#x27;s URL");
    } finally {
      await api("DELETE", `/api/alerts/rules/${rule.id}`, undefined, 204);
    }
  });
});
