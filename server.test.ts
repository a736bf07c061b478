// The server process itself: it outlives a lost log destination (and database) without spinning, a supervisor's death (the
// CALLBOARD_PARENT_PID it was given) stops it, and it shuts down in order on its own embedded Postgres.
import { spawn } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { camelStatusUpdate, newCallId, postWebhook } from "@/lib/testing/flireo-payloads";
import { processCpuMs } from "@/lib/testing/process-cpu";
import { createTestDatabase } from "@/lib/testing/test-postgres";
import { findFreePort, startTestServer, TEST_AUTH_SECRET, TEST_ENCRYPTION_KEY, TEST_WEBHOOK_SECRET } from "@/lib/testing/test-server";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const sendStart = (baseUrl: string) =>
  postWebhook(baseUrl, camelStatusUpdate({ callId: newCallId(), status: "in-progress" }), { secret: TEST_WEBHOOK_SECRET });

describe("the Callboard server process", () => {
  it("started without NODE_ENV, behaves as production: no start without AUTH_SECRET, and no unsigned webhooks", async () => {
    await expect(startTestServer({ env: { NODE_ENV: "", AUTH_SECRET: "" } })).rejects.toThrow(/AUTH_SECRET is required in production/);
    const server = await startTestServer({ env: { NODE_ENV: "" } });
    try {
      expect(server.output()).toContain("(production)");
      const unsigned = await postWebhook(server.baseUrl, camelStatusUpdate({ callId: newCallId(), status: "in-progress" }));
      expect(unsigned.status).toBe(401);
    } finally {
      await server.stop();
    }
  });

  it("keeps answering webhooks, and idles, after the reader of its stdout and stderr and its database have gone", async () => {
    // Calls go stale within a second, so the sweep reports them (console.log to stdout) while the pipes are closed.
    const server = await startTestServer({ env: { LOG_LEVEL: "debug", STALE_CALL_MINUTES: "0.01", STALE_SWEEP_INTERVAL_SECONDS: "0.5" } });
    try {
      server.process.stdout?.destroy();
      server.process.stderr?.destroy();
      // Every request now logs into a closed pipe, and so does the sweep marking these calls unresolved.
      for (let index = 0; index < 10; index++) {
        expect((await sendStart(server.baseUrl)).status).toBe(200);
      }
      // With its database gone as well, every webhook and housekeeping run writes a warning to stderr.
      await server.database.drop();
      expect((await sendStart(server.baseUrl)).status).toBe(503);
      const pid = server.process.pid!;
      const before = processCpuMs(pid);
      await sleep(3_000);
      // A write-error loop would use all of a core (3,000 ms); an idle server uses a few ms.
      expect(processCpuMs(pid) - before).toBeLessThan(600);
      expect(server.process.exitCode).toBeNull();
      expect((await sendStart(server.baseUrl)).status).toBe(503);
    } finally {
      await server.stop();
    }
  });

  it("stops when `npm start` is sent SIGTERM, as a service manager stopping it does", async () => {
    // npm forwards the signal to its child; the script execs node, so no shell in between keeps it from the server.
    const database = await createTestDatabase();
    const port = await findFreePort();
    const npm = spawn("npm", ["start"], {
      env: { ...process.env, DATABASE_URL: database.url, PORT: String(port), HOST: "127.0.0.1", FLIREO_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET, AUTH_SECRET: TEST_AUTH_SECRET, CALLBOARD_ENCRYPTION_KEY: TEST_ENCRYPTION_KEY, CALLBOARD_PARENT_PID: String(process.pid) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    npm.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    npm.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const baseUrl = `http://127.0.0.1:${port}`;
    try {
      await expect.poll(() => output, { timeout: 60_000 }).toContain("is up.");
      expect((await sendStart(baseUrl)).status).toBe(200);
      const exited = new Promise((resolve) => npm.once("exit", resolve));
      npm.kill("SIGTERM");
      await Promise.race([exited, sleep(15_000)]);
      expect(output).toContain('"msg":"shutting down"');
      await expect(fetch(`${baseUrl}/api/health`)).rejects.toThrow();
    } finally {
      npm.kill("SIGKILL");
      await database.drop();
    }
  });

  it("on SIGTERM closes everything, then stops its embedded Postgres, and exits 0 without an error logged", async () => {
    const dataRoot = mkdtempSync(path.join(os.tmpdir(), "callboard-shutdown-"));
    // As root, the embedded Postgres runs as an unprivileged user that must reach its data folder.
    chmodSync(dataRoot, 0o755);
    const dataDir = path.join(dataRoot, "postgres");
    // DATABASE_URL empty means unset: the server starts its own embedded Postgres, as `npm run dev` does.
    const noDatabase = { url: "", name: "embedded", drop: async () => {} };
    const server = await startTestServer({
      database: noDatabase,
      env: { DATABASE_URL: "", EMBEDDED_POSTGRES_DIR: dataDir, EMBEDDED_POSTGRES_PORT: String(await findFreePort()) },
    });
    try {
      expect((await sendStart(server.baseUrl)).status).toBe(200);
      expect(existsSync(path.join(dataDir, "postmaster.pid"))).toBe(true);
      // A production start on the embedded Postgres says what that means.
      expect(server.output()).toContain("No DATABASE_URL: Callboard runs its own embedded Postgres in");
      expect(server.output()).toContain("a single-machine setup");
      const exited = new Promise<number | null>((resolve) => server.process.once("exit", resolve));
      server.process.kill("SIGTERM");
      // embedded-postgres' own signal hook would stop Postgres at once and exit with 143, under open connections.
      expect(await Promise.race([exited, sleep(15_000).then(() => "still running")])).toBe(0);
      expect(existsSync(path.join(dataDir, "postmaster.pid"))).toBe(false);
      expect(server.output()).not.toMatch(/uncaughtException|"level":50/);
    } finally {
      await server.stop();
      rmSync(dataRoot, { recursive: true, force: true });
    }
  });

  it("says which port is taken, and how to choose another, when it cannot listen", async () => {
    const holder = net.createServer();
    await new Promise<void>((resolve) => holder.listen(0, "127.0.0.1", resolve));
    const database = await createTestDatabase();
    try {
      const { port } = holder.address() as net.AddressInfo;
      const started = startTestServer({ database, port });
      await expect(started).rejects.toThrow(`Callboard could not start: port ${port} is taken by another program. Stop it, or start Callboard on another port, e.g. PORT=${port + 1} npm run dev.`);
    } finally {
      holder.close();
      await database.drop();
    }
  });

  it("writes the delivery log's last rows before it exits on SIGTERM", async () => {
    const server = await startTestServer();
    const db = new pg.Client({ connectionString: server.database.url });
    try {
      const callId = newCallId();
      const answered = await postWebhook(server.baseUrl, camelStatusUpdate({ callId, status: "in-progress" }), { secret: TEST_WEBHOOK_SECRET });
      expect(answered.status).toBe(200);
      // At once: the row is still in the in-memory queue, which is written a moment after the answer.
      const exited = new Promise<number | null>((resolve) => server.process.once("exit", resolve));
      server.process.kill("SIGTERM");
      expect(await Promise.race([exited, sleep(15_000).then(() => "still running")])).toBe(0);
      await db.connect();
      const { rows } = await db.query("SELECT outcome, status_code FROM webhook_deliveries WHERE call_id = $1", [callId]);
      expect(rows).toEqual([{ outcome: "stored", status_code: 200 }]);
    } finally {
      await db.end().catch(() => {});
      await server.stop();
    }
  });

  it("shuts down once the process named by CALLBOARD_PARENT_PID is gone", async () => {
    const parent = spawn("sleep", ["600"], { stdio: "ignore" });
    const server = await startTestServer({ env: { CALLBOARD_PARENT_PID: String(parent.pid) } });
    try {
      const exited = new Promise<number | null>((resolve) => server.process.once("exit", resolve));
      await sleep(2_500);
      expect(server.process.exitCode).toBeNull();
      parent.kill("SIGKILL");
      const code = await Promise.race([exited, sleep(15_000).then(() => "still running")]);
      expect(code).toBe(0);
      expect(server.output()).toContain("is gone");
    } finally {
      parent.kill("SIGKILL");
      await server.stop();
    }
  });
});
