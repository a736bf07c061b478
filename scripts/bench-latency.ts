// npm run bench:latency – time from a webhook POST to the board's Socket.IO client receiving the update,
// at 100 and 300 events/s, against the production build. Baselines from the same run, both bare node:http +
// Socket.IO servers with no Next.js and no validation: one broadcasts each POST at once; the other first commits
// it with one INSERT on the same Postgres, as Callboard must before it may answer or broadcast. The second shows
// the floor this machine's database (its disk's fsync at every commit) sets under Callboard's latency.
//   Options: --seconds 15 (per rate), --rates 100,300, --warm-up 10 (seconds per target and rate, not measured)
//   --async-commit: diagnostic only, never a setting to run with: turns off synchronous_commit for both databases,
//   so commits stop waiting for the disk; what remains of the tail is then not the disk's.
import "@/lib/env-files";
import http, { createServer, type Server as HttpServer } from "node:http";
import { parseArgs } from "node:util";
import { Server } from "socket.io";
import { io, type Socket } from "socket.io-client";
import { SOCKET_PATH } from "@/lib/shared/realtime/events";
import { createCallTraffic } from "@/lib/testing/call-traffic";
import { ensureProductionBuild } from "@/lib/testing/global-setup";
import { summarize } from "@/lib/testing/percentiles";
import pg from "pg";
import { createTestDatabase, ensureTestPostgres, type TestDatabase } from "@/lib/testing/test-postgres";
import { findFreePort, startTestServer, TEST_WEBHOOK_SECRET } from "@/lib/testing/test-server";
import { signatureHeaders } from "@/lib/webhooks/verify-signature";

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "15" },
    "warm-up": { type: "string", default: "10" },
    rates: { type: "string", default: "100,300" },
    "async-commit": { type: "boolean", default: false },
  },
});
const SECONDS = Number(values.seconds);
const WARM_UP_SECONDS = Number(values["warm-up"]);
const RATES = values.rates.split(",").map(Number);
const GOALS: Record<number, number> = { 100: 50, 300: 150 };

type Target = { name: string; baseUrl: string; webhookPath: string; cookie?: string };
type RunResult = {
  sent: number;
  received: number;
  failed: number;
  latency: ReturnType<typeof summarize>;
  http: ReturnType<typeof summarize>;
  /** CPU time this process (the load generator and the Socket.IO client) spent per event. */
  generatorCpuMs: number;
};

/** With `database`, each POST is first committed (one INSERT, autocommit) before it is broadcast and answered. */
async function startBareServer(database?: TestDatabase): Promise<{ baseUrl: string; close: () => Promise<void> }> {
  const pool = database ? new pg.Pool({ connectionString: database.url, max: 10 }) : null;
  await pool?.query("CREATE TABLE bare_events (id BIGSERIAL PRIMARY KEY, call_id TEXT NOT NULL, payload JSONB NOT NULL)");
  const httpServer: HttpServer = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      void (async () => {
        const text = Buffer.concat(chunks).toString();
        const body = JSON.parse(text) as { message: { call: { id: string } } };
        await pool?.query("INSERT INTO bare_events (call_id, payload) VALUES ($1, $2)", [body.message.call.id, text]);
        ioServer.emit("calls:updated", [{ id: body.message.call.id }]);
        response.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
      })().catch(() => response.writeHead(500).end());
    });
  });
  const ioServer = new Server(httpServer, { path: SOCKET_PATH, serveClient: false });
  const port = await findFreePort();
  await new Promise<void>((resolve) => httpServer.listen(port, "127.0.0.1", resolve));
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: async () => {
      await ioServer.close();
      await pool?.end();
    },
  };
}

/** The diagnostic --async-commit: new connections to `database` stop waiting for the disk at commit. */
async function turnOffSynchronousCommit(database: TestDatabase): Promise<void> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  await client.query(`ALTER DATABASE "${database.name}" SET synchronous_commit = off`);
  await client.end();
}

function connect(baseUrl: string, cookie = ""): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = io(baseUrl, { path: SOCKET_PATH, transports: ["websocket"], extraHeaders: { cookie } });
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", reject);
  });
}

/**
 * POSTs `body` and resolves with the status once the answer has been read. node:http with keep-alive rather than
 * fetch: the load generator shares the machine's two cores with the servers it measures, and undici costs about twice
 * the CPU per request (1.5 against 0.8 ms at 100/s here), time taken from whichever server is being measured.
 */
function post(agent: http.Agent, url: string, headers: Record<string, string>, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: "POST", agent, headers: { ...headers, "content-length": String(Buffer.byteLength(body)) } }, (response) => {
      response.resume();
      response.once("end", () => resolve(response.statusCode ?? 0));
      response.once("error", reject);
    });
    request.once("error", reject);
    request.end(body);
  });
}

async function measure(target: Target, rate: number, seconds: number): Promise<RunResult> {
  const socket = await connect(target.baseUrl, target.cookie);
  // A fresh agent per measurement: no idle connection from an earlier one that the server may be closing.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 512 });
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  const httpTimes: number[] = [];
  let failed = 0;
  // Keyed by call and status: a call's start and end are two events, and a short call's end may be sent
  // before its start's update has arrived.
  const keyOf = (id: string, status: string | undefined) => `${id}|${status === "in-progress" || status === undefined ? "start" : "end"}`;
  socket.on("calls:updated", (calls: { id: string; status?: string }[]) => {
    for (const call of calls) {
      const key = keyOf(call.id, call.status);
      const started = sentAt.get(key) ?? sentAt.get(keyOf(call.id, undefined));
      if (started === undefined) continue;
      latencies.push(performance.now() - started);
      sentAt.delete(sentAt.has(key) ? key : keyOf(call.id, undefined));
    }
  });

  const nextEvent = createCallTraffic({ meanDurationSeconds: 20 });
  const cpuBefore = process.cpuUsage();
  const total = Math.round(rate * seconds);
  const pending: Promise<void>[] = [];
  const startedAt = performance.now();
  let sent = 0;
  // Open loop: each event leaves at its scheduled time, whether or not earlier ones were answered.
  await new Promise<void>((resolve) => {
    const tick = () => {
      const due = Math.min(total, Math.floor(((performance.now() - startedAt) / 1000) * rate));
      while (sent < due) {
        sent += 1;
        const { callId, payload } = nextEvent();
        const body = JSON.stringify(payload);
        const t0 = performance.now();
        sentAt.set(keyOf(callId, target.name === "Callboard" ? payload.message.call.status : undefined), t0);
        pending.push(
          post(agent, `${target.baseUrl}${target.webhookPath}`, { "content-type": "application/json", ...signatureHeaders(TEST_WEBHOOK_SECRET, body) }, body)
            .then((status) => {
              if (status >= 200 && status < 300) httpTimes.push(performance.now() - t0);
              else failed += 1;
            })
            .catch(() => {
              failed += 1;
            }),
        );
      }
      if (sent >= total) resolve();
      else setTimeout(tick, 2);
    };
    tick();
  });
  await Promise.all(pending);
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  socket.close();
  agent.destroy();
  const cpu = process.cpuUsage(cpuBefore);
  const generatorCpuMs = (cpu.user + cpu.system) / 1000 / Math.max(1, sent);
  return { sent, received: latencies.length, failed, latency: summarize(latencies), http: summarize(httpTimes), generatorCpuMs };
}

function row(name: string, rate: number, result: RunResult): string {
  const ms = (value: number) => `${value.toFixed(1)} ms`.padStart(10);
  return `${name.padEnd(26)} ${String(rate).padStart(5)}/s ${String(result.received).padStart(6)}/${String(result.sent).padEnd(6)} ${ms(result.latency.p50)} ${ms(result.latency.p99)} ${ms(result.http.p50)} ${ms(result.http.p99)} ${String(result.failed).padStart(7)} ${result.generatorCpuMs.toFixed(2).padStart(10)} ms`;
}

async function main(): Promise<void> {
  const postgres = await ensureTestPostgres();
  ensureProductionBuild();
  const callboardDatabase = await createTestDatabase();
  const bareDatabase = await createTestDatabase({ migrate: false });
  if (values["async-commit"]) {
    await turnOffSynchronousCommit(callboardDatabase);
    await turnOffSynchronousCommit(bareDatabase);
  }
  const callboard = await startTestServer({
    database: callboardDatabase,
    env: { LOG_LEVEL: "warn", WEBHOOK_RATE_LIMIT_PER_MINUTE: "100000000" },
  });
  const bare = await startBareServer();
  const bareCommit = await startBareServer(bareDatabase);
  const targets: Target[] = [
    { name: "bare node:http+Socket.IO", baseUrl: bare.baseUrl, webhookPath: "/webhook" },
    { name: "bare + 1 INSERT (commit)", baseUrl: bareCommit.baseUrl, webhookPath: "/webhook" },
    { name: "Callboard", baseUrl: callboard.baseUrl, webhookPath: "/api/webhooks/flireo", cookie: await callboard.adminCookie() },
  ];
  try {
    // Warm-up: each target runs at every measured rate first, so what is measured is a server in its steady state
    // (JIT-compiled, pools open, tables past their first pages), as on a board that has been up for a while.
    for (const target of targets) for (const rate of RATES) await measure(target, rate, WARM_UP_SECONDS);
    const commitMode = values["async-commit"] ? " — DIAGNOSTIC: synchronous_commit off, commits not durable" : "";
    console.log(`\nWebhook POST → its update in calls:updated on a connected client, ${SECONDS} s per rate (open loop)${commitMode}\n`);
    console.log(`${"target".padEnd(26)} ${"rate".padStart(7)} ${"received".padStart(13)} ${"e2e p50".padStart(10)} ${"e2e p99".padStart(10)} ${"http p50".padStart(10)} ${"http p99".padStart(10)} ${"failed".padStart(7)} ${"gen CPU/event".padStart(13)}`);
    const verdicts: string[] = [];
    for (const rate of RATES) {
      let commitFloor: number | undefined;
      for (const target of targets) {
        const result = await measure(target, rate, SECONDS);
        console.log(row(target.name, rate, result));
        if (target.name.startsWith("bare + 1 INSERT")) commitFloor = result.latency.p99;
        const goal = GOALS[rate];
        if (target.name === "Callboard" && goal !== undefined) {
          const floor = commitFloor === undefined ? "" : `; a bare commit's p99 in the same run: ${commitFloor.toFixed(1)} ms`;
          verdicts.push(`p99 at ${rate}/s: ${result.latency.p99.toFixed(1)} ms (goal ≤ ${goal} ms): ${result.latency.p99 <= goal ? "met" : "MISSED"}${floor}`);
        }
      }
    }
    console.log(`\n${verdicts.join("\n")}`);
  } finally {
    await bare.close();
    await bareCommit.close();
    await callboard.stop();
    await callboardDatabase.drop();
    await bareDatabase.drop();
    await postgres.stop?.();
  }
}

await main();
