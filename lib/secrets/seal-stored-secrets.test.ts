// The data step after the SQL migrations, on a real Postgres: plain-text secrets from before encryption are sealed,
// once, also when several instances start at once; a value the keys cannot open stops it (and changes nothing);
// re-encryption moves every value to the current key. And the migration that names destinations without their URL.
import { cpSync, mkdtempSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { destinationLabel } from "@/lib/alerts/alert-rules";
import { DEFAULT_MIGRATIONS_DIR, migrateDatabase } from "@/lib/db/migrate";
// The second block needs a database migrated only up to an older migration, which useTestDatabase() does not give.
import { createTestDatabase } from "@/lib/testing/test-postgres";
import { useTestDatabase } from "@/lib/testing/use-test-database";
import { createSecretBox, sealedKeyId, type SecretBox } from "./secret-box";
import { sealStoredSecrets, UndecryptableStoredSecretsError } from "./seal-stored-secrets";

const keyA = randomBytes(32).toString("base64");
const keyB = randomBytes(32).toString("base64");
const boxA = createSecretBox([keyA]);

const PLAIN = {
  webhookSecrets: ["whsec_plain_current_0123456789abcdefghijklmno", "whsec_plain_previous_0123456789abcdefghijklm"],
  webhookUrl: "https://alerts.example.test/hooks/tok_plain_webhook_url_0123456789",
  destinationSecret: "whsec_plain_destination_0123456789abcdefghij",
  slackUrl: "https://hooks.slack.com/services/T0PLAIN/B0PLAIN/plainslacktoken0123456789",
  flireoKey: "sk_plain_flireo_key_0123456789",
};

type Stored = { webhookSecrets: string[]; webhookUrl: string; destinationSecret: string; slackUrl: string; flireoKey: string; slackSecret: string | null; events: unknown };

async function insertPlainRows(pool: pg.Pool): Promise<void> {
  await pool.query(`INSERT INTO webhook_secrets (secret, retired_at, valid_until) VALUES ($1, now() - interval '1 hour', now() + interval '1 hour')`, [PLAIN.webhookSecrets[1]]);
  await pool.query(`INSERT INTO webhook_secrets (secret) VALUES ($1)`, [PLAIN.webhookSecrets[0]]);
  const { rows } = await pool.query<{ id: string }>(`INSERT INTO alert_rules (name, kind) VALUES ('Errors', 'each-error') RETURNING id`);
  const ruleId = rows[0]?.id;
  await pool.query(`INSERT INTO alert_destinations (rule_id, kind, url, secret) VALUES ($1, 'webhook', $2, $3), ($1, 'slack', $4, NULL)`, [ruleId, PLAIN.webhookUrl, PLAIN.destinationSecret, PLAIN.slackUrl]);
  await pool.query(`INSERT INTO alert_destinations (rule_id, kind, email_to) VALUES ($1, 'email', ARRAY['oncall@example.test'])`, [ruleId]);
  await pool.query(`INSERT INTO settings (key, value) VALUES ('flireo_api_key', to_jsonb($1::text)), ('webhook_events', '["status-update"]'::jsonb)`, [PLAIN.flireoKey]);
}

async function readRaw(pool: pg.Pool): Promise<Stored> {
  const secrets = await pool.query<{ secret: string }>(`SELECT secret FROM webhook_secrets ORDER BY retired_at NULLS FIRST`);
  const destinations = await pool.query<{ kind: string; url: string | null; secret: string | null }>(`SELECT kind, url, secret FROM alert_destinations ORDER BY id`);
  const settings = await pool.query<{ key: string; value: unknown }>(`SELECT key, value FROM settings ORDER BY key`);
  const [webhook, slack] = destinations.rows;
  return {
    webhookSecrets: secrets.rows.map((row) => row.secret),
    webhookUrl: webhook?.url ?? "",
    destinationSecret: webhook?.secret ?? "",
    slackUrl: slack?.url ?? "",
    slackSecret: slack?.secret ?? null,
    flireoKey: settings.rows.find((row) => row.key === "flireo_api_key")?.value as string,
    events: settings.rows.find((row) => row.key === "webhook_events")?.value,
  };
}

function openAll(box: SecretBox, stored: Stored) {
  return {
    webhookSecrets: stored.webhookSecrets.map((secret) => box.open(secret, "webhook_secrets.secret")),
    webhookUrl: box.open(stored.webhookUrl, "alert_destinations.url"),
    destinationSecret: box.open(stored.destinationSecret, "alert_destinations.secret"),
    slackUrl: box.open(stored.slackUrl, "alert_destinations.url"),
    flireoKey: box.open(stored.flireoKey, "settings.flireo_api_key"),
  };
}

const sealedValues = (stored: Stored) => [...stored.webhookSecrets, stored.webhookUrl, stored.destinationSecret, stored.slackUrl, stored.flireoKey];

async function emptyTables(pool: pg.Pool): Promise<void> {
  await pool.query(`TRUNCATE webhook_secrets, alert_rules, alert_destinations, settings CASCADE`);
}

describe("sealing stored secrets at start-up", () => {
  const database = useTestDatabase();
  it("encrypts every plain-text secret in place, leaves the rest alone, and changes nothing when run again", async () => {
    await emptyTables(database.pool);
    await insertPlainRows(database.pool);
    const report = await sealStoredSecrets(database.pool, boxA);
    expect(report).toEqual({ sealed: 6, resealed: 0, unchanged: 0 });

    const stored = await readRaw(database.pool);
    for (const value of sealedValues(stored)) expect(value).toMatch(new RegExp(`^cb1:${boxA.currentKeyId}:`));
    expect(stored.slackSecret).toBeNull();
    expect(stored.events).toEqual(["status-update"]);
    expect(openAll(boxA, stored)).toEqual({ ...PLAIN, webhookSecrets: PLAIN.webhookSecrets });

    expect(await sealStoredSecrets(database.pool, boxA)).toEqual({ sealed: 0, resealed: 0, unchanged: 6 });
    expect(await readRaw(database.pool)).toEqual(stored);
  });

  it("encrypts each value once when several instances start at once", async () => {
    await emptyTables(database.pool);
    await insertPlainRows(database.pool);
    const reports = await Promise.all([sealStoredSecrets(database.pool, boxA), sealStoredSecrets(database.pool, boxA), sealStoredSecrets(database.pool, boxA)]);
    expect(reports.map((report) => report.sealed).sort()).toEqual([0, 0, 6]);
    expect(openAll(boxA, await readRaw(database.pool))).toEqual(PLAIN);
  });

  it("stops, naming the missing key and what to set, when a stored value does not decrypt; and seals nothing then", async () => {
    await emptyTables(database.pool);
    await insertPlainRows(database.pool);
    await sealStoredSecrets(database.pool, boxA);
    await database.pool.query(`INSERT INTO webhook_secrets (secret, retired_at, valid_until) VALUES ('whsec_plain_newer', now(), now())`);
    const boxB = createSecretBox([keyB]);
    const failure = await sealStoredSecrets(database.pool, boxB).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(UndecryptableStoredSecretsError);
    const message = (failure as Error).message;
    expect(message).toContain(`6 stored secret(s) cannot be decrypted with CALLBOARD_ENCRYPTION_KEY (its keys: ${boxB.currentKeyId}; the first encrypts)`);
    expect(message).toContain(`2 × a webhook signing secret: it was encrypted with key ${boxA.currentKeyId}, which CALLBOARD_ENCRYPTION_KEY does not hold. Add that key`);
    expect(message).toContain("the saved Flireo API key: it was encrypted with key");
    for (const secret of Object.values(PLAIN).flat()) expect(message).not.toContain(secret);
    // Rolled back: the plain-text row waits for a start with the right keys.
    const { rows } = await database.pool.query<{ count: number }>(`SELECT count(*)::int AS count FROM webhook_secrets WHERE secret = 'whsec_plain_newer'`);
    expect(rows[0]?.count).toBe(1);
  });

  it("re-encrypts every value under the current key with both keys configured, after which the old key can go", async () => {
    await emptyTables(database.pool);
    await insertPlainRows(database.pool);
    await sealStoredSecrets(database.pool, boxA);
    const rotated = createSecretBox([keyB, keyA]);
    // Starting with both keys changes nothing: what keyA sealed still opens.
    expect(await sealStoredSecrets(database.pool, rotated)).toEqual({ sealed: 0, resealed: 0, unchanged: 6 });
    expect(await sealStoredSecrets(database.pool, rotated, { reseal: true })).toEqual({ sealed: 0, resealed: 6, unchanged: 0 });
    const stored = await readRaw(database.pool);
    for (const value of sealedValues(stored)) expect(sealedKeyId(value)).toBe(rotated.currentKeyId);
    const onlyB = createSecretBox([keyB]);
    expect(openAll(onlyB, stored)).toEqual(PLAIN);
    expect(await sealStoredSecrets(database.pool, onlyB, { reseal: true })).toEqual({ sealed: 0, resealed: 0, unchanged: 6 });
  });
});

describe("the migration that names destinations by their host", () => {
  it("gives existing destinations the same label Callboard gives new ones, with no path or token in it", async () => {
    const older = mkdtempSync(path.join(os.tmpdir(), "callboard-migrations-"));
    const names = readdirSync(DEFAULT_MIGRATIONS_DIR).sort();
    const labelMigration = names.findIndex((name) => name.endsWith("_alert_destination_labels"));
    for (const name of names.slice(0, labelMigration)) cpSync(path.join(DEFAULT_MIGRATIONS_DIR, name), path.join(older, name), { recursive: true });
    const upgraded = await createTestDatabase({ migrate: false });
    const upgradedPool = new pg.Pool({ connectionString: upgraded.url });
    try {
      await migrateDatabase(upgraded.url, { migrationsDir: older });
      const { rows } = await upgradedPool.query<{ id: string }>(`INSERT INTO alert_rules (name, kind) VALUES ('r', 'each-error') RETURNING id`);
      const destinations = [
        { kind: "webhook", url: "https://Alerts.Example.test:8443/hooks/tok_secret?key=abc", emailTo: [] },
        { kind: "webhook", url: "https://alerts.example.test/", emailTo: [] },
        { kind: "webhook", url: "http://user:pass@10.1.2.3:9000", emailTo: [] },
        { kind: "slack", url: "https://hooks.slack.com/services/T1/B1/slacksecret", emailTo: [] },
        { kind: "email", url: null, emailTo: ["a@example.test", "b@example.test"] },
      ];
      for (const destination of destinations) {
        await upgradedPool.query(`INSERT INTO alert_destinations (rule_id, kind, url, email_to) VALUES ($1, $2, $3, $4)`, [rows[0]?.id, destination.kind, destination.url, destination.emailTo]);
      }
      await migrateDatabase(upgraded.url);
      const labels = (await upgradedPool.query<{ label: string }>(`SELECT label FROM alert_destinations ORDER BY id`)).rows.map((row) => row.label);
      expect(labels).toEqual(destinations.map((destination) => destinationLabel(destination)));
      expect(labels).toEqual(["alerts.example.test:8443/…", "alerts.example.test", "10.1.2.3:9000", "hooks.slack.com", "a@example.test, b@example.test"]);
    } finally {
      await upgradedPool.end();
      await upgraded.drop();
    }
  });
});
