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

const TEST_DATABASE_PREFIX = "callboard_test_";

/** A fresh, uniquely named database; migrated unless told otherwise. */
export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const adminUrl = getTestAdminUrl();
  const name = `${TEST_DATABASE_PREFIX}${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  await runAsAdmin(adminUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  if (options.migrate !== false) await migrateDatabase(url.toString());
  return { url: url.toString(), name, drop: () => dropTestDatabase(adminUrl, name) };
}

/** How long a test waits for its database to be dropped before leaving the drop to finish by itself. */
const DROP_WAIT_MS = 10_000;

/**
 * DROP DATABASE … WITH (FORCE) ends the database's sessions, then waits for an immediate checkpoint of the whole
 * server. On a busy machine that checkpoint can take minutes (seen: 3 min 23 s, with fsync off, while the disk was
 * busy), and a test's clean-up must not wait that long: after DROP_WAIT_MS the drop goes on without the test, and
 * `npm test` drops what is left at its end (dropLeftoverTestDatabases).
 */
async function dropTestDatabase(adminUrl: string, name: string): Promise<void> {
  const dropping = runAsAdmin(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  let timer: NodeJS.Timeout | undefined;
  const gaveUp = await Promise.race([
    dropping.then(() => false),
    new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), DROP_WAIT_MS))),
  ]);
  clearTimeout(timer);
  if (!gaveUp) return;
  dropping.catch(() => {});
  process.stderr.write(`DROP DATABASE "${name}" was still waiting for Postgres after ${DROP_WAIT_MS / 1000} s; it goes on without this test.\n`);
}

/** When a test database was made, from its name (createTestDatabase puts the time in it). */
function createdAt(name: string): number | null {
  const stamp = name.slice(TEST_DATABASE_PREFIX.length).split("_", 1)[0] ?? "";
  const time = Number.parseInt(stamp, 36);
  return Number.isFinite(time) ? time : null;
}

/**
 * Drops the test databases made since `since` (this run's), and those older than a day (a run that was killed),
 * leaving alone any other run's on a shared server. Returns how many were dropped.
 */
export async function dropLeftoverTestDatabases(adminUrl: string, since: number): Promise<number> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE starts_with(datname, $1)", [TEST_DATABASE_PREFIX]);
    const stale = Date.now() - 24 * 60 * 60 * 1000;
    const leftovers = rows.map((row) => row.datname).filter((name) => {
      const made = createdAt(name);
      return made !== null && (made >= since || made < stale);
    });
    for (const name of leftovers) await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(name)} WITH (FORCE)`);
    return leftovers.length;
  } finally {
    await admin.end();
  }
}
