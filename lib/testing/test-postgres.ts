// The Postgres server tests run on: TEST_DATABASE_URL (or DATABASE_URL) when set, else an embedded one in
// .data/test-postgres (TEST_EMBEDDED_POSTGRES_DIR), started once and shared by every test process of a run. Each test makes its own database.
import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { canConnect } from "@/lib/db/can-connect";
import { embeddedPostgresUrl, startEmbeddedPostgres, type EmbeddedDatabase } from "@/lib/db/embedded-postgres";
import { migrateDatabase } from "@/lib/db/migrate";

const EMBEDDED_TEST_PORT = Number(process.env.TEST_EMBEDDED_POSTGRES_PORT ?? 54330);
const EMBEDDED_TEST_DIR = path.resolve(process.env.TEST_EMBEDDED_POSTGRES_DIR ?? path.join(import.meta.dirname, "../../.data/test-postgres"));
const ADMIN_URL_VARIABLE = "CALLBOARD_TEST_ADMIN_URL";

/** The embedded test server's admin URL, with the password made for its data folder (or the fixed one of an older folder). */
const embeddedAdminUrl = () => embeddedPostgresUrl(EMBEDDED_TEST_DIR, EMBEDDED_TEST_PORT, "postgres");

/**
 * Makes sure a server is reachable and returns its admin URL (to the `postgres` database). Returns a stop
 * function only when this call started the embedded server.
 */
function configuredAdminUrl(): string | null {
  const configured = process.env[ADMIN_URL_VARIABLE] ?? process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!configured) return null;
  const url = new URL(configured);
  url.pathname = "/postgres";
  return url.toString();
}

export async function ensureTestPostgres(): Promise<{ adminUrl: string; stop: (() => Promise<void>) | null }> {
  const configured = configuredAdminUrl();
  if (configured) return { adminUrl: configured, stop: null };
  const runningUrl = embeddedAdminUrl();
  if (await canConnect(runningUrl)) {
    process.env[ADMIN_URL_VARIABLE] = runningUrl;
    return { adminUrl: runningUrl, stop: null };
  }
  const embedded: EmbeddedDatabase = await startEmbeddedPostgres({
    dataDir: EMBEDDED_TEST_DIR,
    port: EMBEDDED_TEST_PORT,
    database: "postgres",
    // Test data is thrown away: no fsync. Every DROP DATABASE waits for an immediate checkpoint of the whole server;
    // with fsync on, those queue behind the disk while hundreds of test databases come and go on a busy machine.
    settings: TEST_DURABILITY_OFF,
  });
  process.env[ADMIN_URL_VARIABLE] = embedded.url;
  return { adminUrl: embedded.url, stop: embedded.stop };
}

const TEST_DURABILITY_OFF = { fsync: "off", synchronous_commit: "off", full_page_writes: "off" };

/** The server's admin URL; the global set-up has made sure it runs. */
export function getTestAdminUrl(): string {
  return configuredAdminUrl() ?? embeddedAdminUrl();
}

export type TestDatabase = { url: string; name: string; drop: () => Promise<void> };

/** One statement on the server's `postgres` database, for creating and dropping test databases. */
async function runAsAdmin(adminUrl: string, sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/** A fresh, uniquely named database; migrated unless told otherwise. */
export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const adminUrl = getTestAdminUrl();
  const name = `callboard_test_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  await runAsAdmin(adminUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  if (options.migrate !== false) await migrateDatabase(url.toString());
  return { url: url.toString(), name, drop: () => dropTestDatabase(adminUrl, name) };
}

/** How long a DROP DATABASE may take before the server's activity is printed, to show what it waits for. */
const SLOW_DROP_MS = 15_000;

/**
 * DROP DATABASE … WITH (FORCE) ends the database's sessions, then waits for a checkpoint and for every backend of
 * the server to release the database's files; should that take long, what each backend is doing is printed, once.
 */
async function dropTestDatabase(adminUrl: string, name: string): Promise<void> {
  const watchdog = setTimeout(() => void reportActivity(adminUrl, `DROP DATABASE "${name}" is still running after ${SLOW_DROP_MS / 1000} s`), SLOW_DROP_MS);
  try {
    await runAsAdmin(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    clearTimeout(watchdog);
  }
}

async function reportActivity(adminUrl: string, reason: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  try {
    await admin.connect();
    const { rows } = await admin.query(
      `SELECT pid, datname, backend_type, state, wait_event_type, wait_event, now() - query_start AS running_for, left(query, 120) AS query
         FROM pg_stat_activity ORDER BY query_start NULLS LAST`,
    );
    process.stderr.write(`${reason}. The server's backends:\n${rows.map((row) => JSON.stringify(row)).join("\n")}\n`);
  } catch (error) {
    process.stderr.write(`${reason}; its activity could not be read: ${(error as Error).message}\n`);
  } finally {
    await admin.end().catch(() => {});
  }
}
