// Starts the real Callboard server (server.ts, production build) on a free port and its own database.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { createSignedInUser } from "./auth";
import { createTestDatabase, type TestDatabase } from "./test-postgres";

const ROOT = path.resolve(import.meta.dirname, "../..");

export const TEST_WEBHOOK_SECRET = "whsec_test_callboard";
export const TEST_AUTH_SECRET = "test-auth-secret-0123456789abcdef0123456789";
/** The test servers' CALLBOARD_ENCRYPTION_KEY (32 bytes, base64): tests open what a server stored with it. */
export const TEST_ENCRYPTION_KEY = "BzI9uXL7bnud/sixCKh8S/oK3Cpg5WnvVL0mfsnLKv8=";

export type TestServer = {
  baseUrl: string;
  port: number;
  database: TestDatabase;
  process: ChildProcess;
  output: () => string;
  /** A signed-in admin's Cookie header for this server (made once, on first use). */
  adminCookie: () => Promise<string>;
  stop: () => Promise<void>;
};

export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** How long a stopped server may take to shut down by itself (its own forced exit comes after 10 s). */
const SHUTDOWN_GRACE_MS = 15_000;

/**
 * SIGTERM, then SIGKILL if the server has not exited within the grace period, saying so with its last output: a
 * server that does not stop is a bug to see, not a hung test run. A process that already ended, by a signal too
 * (exitCode stays null then), is not waited for.
 */
async function stopServerProcess(child: ChildProcess, output: () => string): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  let timer: NodeJS.Timeout | undefined;
  const gaveUp = await Promise.race([
    exited.then(() => false),
    new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), SHUTDOWN_GRACE_MS))),
  ]);
  clearTimeout(timer);
  if (!gaveUp) return;
  process.stderr.write(`Callboard (pid ${child.pid}) did not exit within ${SHUTDOWN_GRACE_MS / 1000} s of SIGTERM; killed. Its last output:\n${output().slice(-4_000)}\n`);
  child.kill("SIGKILL");
  await exited;
}

export async function startTestServer(
  options: { env?: Record<string, string>; database?: TestDatabase; port?: number; nodeArgs?: string[] } = {},
): Promise<TestServer> {
  const serverBundle = path.join(ROOT, ".next", "callboard-server.mjs");
  if (!existsSync(path.join(ROOT, ".next", "BUILD_ID")) || !existsSync(serverBundle)) {
    throw new Error("No production build: run `npm run build` (npm test does it for you).");
  }
  const database = options.database ?? (await createTestDatabase());
  const port = options.port ?? (await findFreePort());
  // The same command as `npm start` (its default heap cap included); `nodeArgs` come after, so they can override it.
  const child = spawn(process.execPath, ["--max-old-space-size=256", ...(options.nodeArgs ?? []), serverBundle], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: database.url,
      HOST: "127.0.0.1",
      PORT: String(port),
      FLIREO_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET,
      AUTH_SECRET: TEST_AUTH_SECRET,
      CALLBOARD_ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
      CALLBOARD_PARENT_PID: String(process.pid),
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));

  await new Promise<void>((resolve, reject) => {
    const timeout = setTimeout(() => reject(new Error(`Callboard did not start within 60 s:\n${output}`)), 60_000);
    const onData = () => {
      if (output.includes("is up.")) {
        clearTimeout(timeout);
        resolve();
      }
    };
    child.stdout?.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timeout);
      reject(new Error(`Callboard exited with code ${code} while starting:\n${output}`));
    });
  });

  const stop = async () => {
    await stopServerProcess(child, () => output);
    if (!options.database) await database.drop();
  };
  const baseUrl = `http://127.0.0.1:${port}`;
  let adminCookie: Promise<string> | undefined;
  return {
    baseUrl,
    port,
    database,
    process: child,
    output: () => output,
    adminCookie: () => (adminCookie ??= createSignedInUser(baseUrl, database.url, "admin").then((user) => user.cookie)),
    stop,
  };
}
