// Integration: the life of CALLBOARD_ENCRYPTION_KEY on a real Callboard (production build) and one database. An
// upgrade from plain-text secrets; production without a key; a start with a key that cannot decrypt what is stored;
// and a key change with `npm run secrets:reencrypt`, after which the old key can go.
import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_MIGRATIONS_DIR, migrateDatabase } from "@/lib/db/migrate";
import type { AlertRuleView, TestAlertResult } from "@/lib/shared/alerts/alert-view";
import type { SecretView } from "@/lib/shared/flireo/flireo-view";
import { startAlertReceiver, type AlertReceiver } from "@/lib/testing/alert-receivers";
import { startFakeFlireo, type FakeFlireo } from "@/lib/testing/fake-flireo";
import { camelStatusUpdate, postWebhook } from "@/lib/testing/flireo-payloads";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-postgres";
import { startTestServer, type TestServer } from "@/lib/testing/test-server";
import { createSecretBox, sealedKeyId } from "./secret-box";

const ROOT = path.resolve(import.meta.dirname, "../..");
const keyA = randomBytes(32).toString("base64");
const keyB = randomBytes(32).toString("hex");
const idOf = (key: string) => createSecretBox([key]).currentKeyId;

// Stored in plain text by a Callboard from before encryption.
const OLD = {
  webhookSecret: `whsec_${randomBytes(24).toString("base64url")}`,
  destinationSecret: `whsec_${randomBytes(24).toString("base64url")}`,
  flireoKey: `sk_old_${randomBytes(12).toString("hex")}`,
};

let database: TestDatabase;
let db: pg.Pool;
let flireo: FakeFlireo;
let hook: AlertReceiver;

/** A database as the last Callboard without encryption left it, with its secrets in plain text. */
async function createPlainTextDatabase(): Promise<TestDatabase> {
  const older = mkdtempSync(path.join(os.tmpdir(), "callboard-migrations-"));
  const names = readdirSync(DEFAULT_MIGRATIONS_DIR).sort();
  const firstNew = names.findIndex((name) => name.endsWith("_alert_destination_labels"));
  for (const name of names.slice(0, firstNew)) cpSync(path.join(DEFAULT_MIGRATIONS_DIR, name), path.join(older, name), { recursive: true });
  const created = await createTestDatabase({ migrate: false });
  await migrateDatabase(created.url, { migrationsDir: older });
  const client = new pg.Client({ connectionString: created.url });
  await client.connect();
  try {
    await client.query(`INSERT INTO webhook_secrets (secret) VALUES ($1)`, [OLD.webhookSecret]);
    const { rows } = await client.query<{ id: string }>(`INSERT INTO alert_rules (name, kind, cooldown_seconds) VALUES ('Old rule', 'each-error', 0) RETURNING id`);
    await client.query(`INSERT INTO alert_destinations (rule_id, kind, url, secret) VALUES ($1, 'webhook', $2, $3)`, [rows[0]?.id, hook.url, OLD.destinationSecret]);
    await client.query(`INSERT INTO settings (key, value) VALUES ('flireo_api_key', to_jsonb($1::text))`, [OLD.flireoKey]);
  } finally {
    await client.end();
  }
  return created;
}

beforeAll(async () => {
  flireo = await startFakeFlireo({ apiKey: OLD.flireoKey });
  hook = await startAlertReceiver();
  hook.setSecret(OLD.destinationSecret);
  database = await createPlainTextDatabase();
  db = new pg.Pool({ connectionString: database.url });
});

afterAll(async () => {
  await db?.end();
  await database?.drop();
  await Promise.all([hook?.close(), flireo?.stop()]);
});

function start(key: string): Promise<TestServer> {
  return startTestServer({
    database,
    env: { CALLBOARD_ENCRYPTION_KEY: key, LOG_LEVEL: "warn", FLIREO_API_BASE_URL: flireo.baseUrl, ALERT_ALLOW_LOOPBACK_DESTINATIONS: "true" },
  });
}

async function call<T>(server: TestServer, method: string, route: string): Promise<{ status: number; body: T }> {
  const response = await fetch(`${server.baseUrl}${route}`, { method, headers: { cookie: await server.adminCookie(), origin: server.baseUrl } });
  return { status: response.status, body: (await response.json()) as T };
}

/** Every secret still works: the stored signing secret verifies a webhook, Flireo takes the key, the alert is signed. */
async function expectSecretsWork(server: TestServer): Promise<void> {
  const secrets = await call<{ secrets: SecretView[] }>(server, "GET", "/api/webhooks/secret");
  expect(secrets.body.secrets.map((secret) => secret.secret)).toEqual([OLD.webhookSecret]);
  expect((await postWebhook(server.baseUrl, camelStatusUpdate({ status: "in-progress" }), { secret: OLD.webhookSecret })).status).toBe(200);
  expect((await call(server, "GET", "/api/flireo/overview")).status).toBe(200);
  expect(flireo.requests.at(-1)?.authorization).toBe(`Bearer ${OLD.flireoKey}`);
  const rules = await call<{ rules: AlertRuleView[] }>(server, "GET", "/api/alerts/rules");
  const destinationId = rules.body.rules[0]?.destinations[0]?.id;
  const before = hook.requests.length;
  expect((await call<TestAlertResult>(server, "POST", `/api/alerts/destinations/${destinationId}/test`)).body).toMatchObject({ state: "sent", status: 200 });
  expect(hook.requests[before]?.signature).toEqual({ isValid: true });
}

async function storedKeyIds(): Promise<string[]> {
  const { rows } = await db.query<{ value: string }>(`
    SELECT secret AS value FROM webhook_secrets
    UNION ALL SELECT url FROM alert_destinations WHERE url IS NOT NULL
    UNION ALL SELECT secret FROM alert_destinations WHERE secret IS NOT NULL
    UNION ALL SELECT value #>> '{}' FROM settings WHERE key = 'flireo_api_key'`);
  expect(rows).toHaveLength(4);
  return rows.map((row) => sealedKeyId(row.value) ?? `plain text: ${row.value.slice(0, 6)}`);
}

async function reencrypt(keys: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ["--import", "tsx", "scripts/secrets-reencrypt.ts"], {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: "production", DATABASE_URL: database.url, CALLBOARD_ENCRYPTION_KEY: keys },
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

describe("CALLBOARD_ENCRYPTION_KEY over a Callboard's life", () => {
  it("is required in production: without it Callboard does not start, and says what to set", async () => {
    await expect(startTestServer({ env: { CALLBOARD_ENCRYPTION_KEY: "" } })).rejects.toThrow(/CALLBOARD_ENCRYPTION_KEY is required in production: .*openssl rand -base64 32/);
  });

  it("encrypts an upgraded database's plain-text secrets at the first start, which keep working", async () => {
    expect(await storedKeyIds()).toEqual(expect.arrayContaining([expect.stringMatching(/^plain text/)]));
    const server = await start(keyA);
    try {
      expect(await storedKeyIds()).toEqual([idOf(keyA), idOf(keyA), idOf(keyA), idOf(keyA)]);
      const { rows } = await db.query<{ label: string }>(`SELECT label FROM alert_destinations`);
      expect(rows.map((row) => row.label)).toEqual([`${new URL(hook.url).host}/…`]);
      await expectSecretsWork(server);
    } finally {
      await server.stop();
    }
  });

  it("does not start with keys that cannot decrypt what is stored, and names the key to add", async () => {
    const failure = await start(keyB).catch((error: unknown) => (error as Error).message);
    expect(failure).toContain("Callboard could not start: 4 stored secret(s) cannot be decrypted with CALLBOARD_ENCRYPTION_KEY");
    expect(failure).toContain(`a webhook signing secret: it was encrypted with key ${idOf(keyA)}, which CALLBOARD_ENCRYPTION_KEY does not hold. Add that key to CALLBOARD_ENCRYPTION_KEY (after the current one) and restart.`);
    for (const secret of Object.values(OLD)) expect(failure).not.toContain(secret);
    expect(await storedKeyIds()).toEqual([idOf(keyA), idOf(keyA), idOf(keyA), idOf(keyA)]);
  });

  it("changes key with npm run secrets:reencrypt: new key first, old after, then the old key can go", async () => {
    const refused = await reencrypt(keyB);
    expect(refused.code).toBe(1);
    expect(refused.output).toContain(`secrets:reencrypt: 4 stored secret(s) cannot be decrypted`);

    const both = `${keyB},${keyA}`;
    const done = await reencrypt(both);
    expect(done.output).toContain(`Re-encrypted 4 stored secret(s) under key ${idOf(keyB)}; 0 were in plain text and are encrypted now; 0 already were under it.`);
    expect(done.code).toBe(0);
    expect(await storedKeyIds()).toEqual([idOf(keyB), idOf(keyB), idOf(keyB), idOf(keyB)]);
    expect((await reencrypt(both)).output).toContain("Re-encrypted 0 stored secret(s)");

    const server = await start(keyB);
    try {
      await expectSecretsWork(server);
    } finally {
      await server.stop();
    }
    const old = await start(keyA).catch((error: unknown) => (error as Error).message);
    expect(old).toContain(`it was encrypted with key ${idOf(keyB)}, which CALLBOARD_ENCRYPTION_KEY does not hold`);
  });
});
