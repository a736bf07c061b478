// npm run bench:ingest [-- --seconds=5 --rounds=3 --connections=50 --alerts --alert-cooldown=0 --without-search]
//
// --alerts: adds (d), the same status-updates to a second Callboard whose each-error alert rule (no cooldown) sends
// every error (every 7th call ends with one) to a signed webhook receiver in this process. (d) takes turns with the
// others, so alerting's cost on ingestion shows as the gap between it and the plain Callboard row; the run ends with
// how many alerts arrived. --alert-cooldown=<minutes> gives the rule a cooldown (default 0: every error is sent,
// the worst case); with one, a storm is one alert and summaries, and the rest is counted.
//
// Throughput and latency of signed Flireo status-updates against Callboard's production build, side by side in
// one run with (a) a GET on the same route, the framework's own floor, and (b) a bare node:http + pg server doing
// the same validation (size limit, signature, JSON, payload parsing) and one insert; and, to explain the gap,
// (c) a POST the route refuses with 415 before reading its body. The targets take turns for
// several rounds (the machine is shared, so load drifts) and each figure is the median over the rounds. Prints
// req/s, p50, p99 and the ratio to (a), the CPU time each request cost the server under test, Postgres and this
// load generator (all on the same machine, read from /proc), then checks that every acknowledged event was stored.
import "@/lib/env-files";
import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { ensureProductionBuild } from "@/lib/testing/global-setup";
import { postgresCpuBetween, postgresCpuByPid, processCpuMs } from "@/lib/testing/process-cpu";
import { createTestDatabase, ensureTestPostgres } from "@/lib/testing/test-postgres";
import { startAlertReceiver, type AlertReceiver } from "@/lib/testing/alert-receivers";
import { findFreePort, startTestServer, TEST_WEBHOOK_SECRET, type TestServer } from "@/lib/testing/test-server";
import { eventDedupeKey } from "@/lib/calls/call-event";
import { parseFlireoPayload } from "@/lib/webhooks/parse-flireo-payload";
import { verifySignature } from "@/lib/webhooks/verify-signature";
import { CLIENT_HEADERS, statusUpdateLoad } from "@/lib/testing/ingest-load";

const ROOT = path.resolve(import.meta.dirname, "..");
const BODY_LIMIT = 1024 * 1024;

function readArg(name: string, fallback: number): number {
  const arg = process.argv.find((value) => value.startsWith(`--${name}=`));
  const value = arg ? Number(arg.split("=")[1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
}

/** CPU figures are ms per request: of the server under test, of all Postgres processes, and of this process. */
type Figures = {
  name: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  ok: number;
  failed: number;
  serverCpu: number;
  postgresCpu: number;
  clientCpu: number;
};

const ownCpuMs = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

async function runOnce(name: string, options: autocannon.Options, seconds: number, serverPid: number): Promise<Figures> {
  const before = { server: processCpuMs(serverPid), postgres: postgresCpuByPid(), client: ownCpuMs() };
  const result = await autocannon({ ...options, headers: { ...CLIENT_HEADERS, ...options.headers }, duration: seconds });
  const requests = Math.max(1, result.requests.total);
  return {
    name,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok: result["2xx"],
    failed: result.non2xx + result.errors + result.timeouts,
    serverCpu: (processCpuMs(serverPid) - before.server) / requests,
    postgresCpu: postgresCpuBetween(before.postgres, postgresCpuByPid()) / requests,
    clientCpu: (ownCpuMs() - before.client) / requests,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** Medians per figure over the rounds; 2xx and other answers are totals. */
function summarize(runs: Figures[]): Figures {
  return {
    name: runs[0]?.name ?? "",
    requestsPerSecond: median(runs.map((run) => run.requestsPerSecond)),
    p50: median(runs.map((run) => run.p50)),
    p99: median(runs.map((run) => run.p99)),
    ok: runs.reduce((sum, run) => sum + run.ok, 0),
    failed: runs.reduce((sum, run) => sum + run.failed, 0),
    serverCpu: median(runs.map((run) => run.serverCpu)),
    postgresCpu: median(runs.map((run) => run.postgresCpu)),
    clientCpu: median(runs.map((run) => run.clientCpu)),
  };
}

/** (b): the same validation and one insert, with nothing in between. Runs in its own process, like Callboard. */
async function runBareServer(databaseUrl: string, port: number): Promise<void> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 20 });
  await pool.query(`CREATE TABLE IF NOT EXISTS bare_events (
    id BIGSERIAL PRIMARY KEY, call_id TEXT NOT NULL, dedupe_key TEXT NOT NULL, payload JSONB NOT NULL,
    UNIQUE (call_id, dedupe_key))`);
  const reply = (response: http.ServerResponse, status: number, body: unknown) => {
    response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
  };
  const server = http.createServer((request, response) => {
    void (async () => {
      if (!(request.headers["content-type"] ?? "").startsWith("application/json")) return reply(response, 415, { error: "json" });
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of request as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > BODY_LIMIT) return reply(response, 413, { error: "too large" });
        chunks.push(chunk);
      }
      const rawBody = Buffer.concat(chunks);
      const check = verifySignature({
        secrets: [TEST_WEBHOOK_SECRET],
        rawBody,
        signatureHeader: request.headers["x-webhook-signature"]?.toString() ?? null,
        timestampHeader: request.headers["x-webhook-timestamp"]?.toString() ?? null,
      });
      if (!check.isValid) return reply(response, 401, { error: check.reason });
      let body: unknown;
      try {
        body = JSON.parse(rawBody.toString("utf8"));
      } catch {
        return reply(response, 400, { error: "json" });
      }
      const parsed = parseFlireoPayload(body, request.headers["x-webhook-event"]?.toString() ?? null);
      if (parsed.kind !== "event") return reply(response, parsed.kind === "invalid" ? 422 : 200, {});
      await pool.query("INSERT INTO bare_events (call_id, dedupe_key, payload) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING", [
        parsed.event.callId,
        eventDedupeKey(parsed.event),
        body,
      ]);
      // As Callboard answers: an empty 200 naming the outcome.
      response.writeHead(200, { "x-callboard-outcome": "stored" }).end();
    })().catch((error: unknown) => reply(response, 500, { error: String(error) }));
  });
  server.listen(port, "127.0.0.1", () => console.log("bare server ready"));
}

async function startBareServer(databaseUrl: string): Promise<{ url: string; child: ChildProcess }> {
  const port = await findFreePort();
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/bench-ingest.ts", "--bare-server", databaseUrl, String(port)], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => chunk.toString().includes("ready") && resolve());
    child.once("exit", (code) => reject(new Error(`The bare server exited with code ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}/`, child };
}

/** Drops the triggers that keep call_search, the words a search looks through: a Callboard with no search upkeep. */
async function dropSearchUpkeep(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('DROP TRIGGER "calls_search_insert" ON "calls"; DROP TRIGGER "calls_search_update" ON "calls"');
  } finally {
    await client.end();
  }
}

async function countRows(databaseUrl: string, sql: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(sql);
    return rows[0]?.n ?? -1;
  } finally {
    await client.end();
  }
}

/** An each-error rule without cooldown, sending to a local receiver: every error of the run becomes an alert. */
async function enableErrorAlerts(callboard: TestServer, cooldownMinutes: number): Promise<AlertReceiver> {
  const receiver = await startAlertReceiver();
  const response = await fetch(`${callboard.baseUrl}/api/alerts/rules`, {
    method: "POST",
    headers: { cookie: await callboard.adminCookie(), origin: callboard.baseUrl, "content-type": "application/json" },
    body: JSON.stringify({ name: "bench: every error", kind: "each-error", cooldownMinutes, destinations: [{ kind: "webhook", url: receiver.url }] }),
  });
  if (response.status !== 201) throw new Error(`Creating the alert rule failed: ${response.status} ${await response.text()}`);
  const { rule } = (await response.json()) as { rule: { destinations: { id: string }[] } };
  const secret = await fetch(`${callboard.baseUrl}/api/alerts/destinations/${rule.destinations[0]?.id}/secret`, { headers: { cookie: await callboard.adminCookie() } });
  receiver.setSecret(((await secret.json()) as { secret: string }).secret);
  return receiver;
}

function printTable(figures: Figures[], floor: Figures): void {
  const rows = figures.map((f) => [
    f.name,
    f.requestsPerSecond.toFixed(0),
    `${f.p50} ms`,
    `${f.p99} ms`,
    String(f.ok),
    String(f.failed),
    `${(f.requestsPerSecond / floor.requestsPerSecond).toFixed(2)}×`,
    ...[f.serverCpu, f.postgresCpu, f.clientCpu].map((ms) => (Number.isFinite(ms) ? `${ms.toFixed(2)} ms` : "n/a")),
  ]);
  const header = ["", "req/s", "p50", "p99", "2xx", "other", "vs (a)", "CPU/req: server", "Postgres", "client"];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)));
  const line = (cells: string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join("  ");
  console.log(`\n${line(header)}\n${rows.map(line).join("\n")}`);
  console.log(
    "CPU/req: CPU time per request of the server under test, of the Postgres processes running (backends that exit " +
      "during a run are missed), and of this load generator; " +
      "on this machine they share its cores, so what Postgres and the load generator use is not the server's.",
  );
}

async function main(): Promise<void> {
  const seconds = readArg("seconds", 5);
  const rounds = readArg("rounds", 3);
  const connections = readArg("connections", 50);
  const withAlerts = process.argv.includes("--alerts");
  const cooldownArg = process.argv.find((value) => value.startsWith("--alert-cooldown="));
  const alertCooldownMinutes = cooldownArg ? Number(cooldownArg.split("=")[1]) : 0;
  if (!Number.isFinite(alertCooldownMinutes) || alertCooldownMinutes < 0) throw new Error("--alert-cooldown must be 0 or more minutes");
  await ensureTestPostgres();
  ensureProductionBuild();

  // The per-source webhook limit would otherwise cap one load generator on one address; this measures ingestion.
  const callboard = await startTestServer({ env: { WEBHOOK_RATE_LIMIT_PER_MINUTE: "100000000", LOG_LEVEL: "warn" } });
  // Its alerts go to a receiver on 127.0.0.1, which Callboard refuses unless told otherwise.
  const alerting = withAlerts ? await startTestServer({ env: { WEBHOOK_RATE_LIMIT_PER_MINUTE: "100000000", LOG_LEVEL: "warn", ALERT_ALLOW_LOOPBACK_DESTINATIONS: "true" } }) : null;
  const alertReceiver = alerting ? await enableErrorAlerts(alerting, alertCooldownMinutes) : null;
  const unsearched = process.argv.includes("--without-search") ? await startTestServer({ env: { WEBHOOK_RATE_LIMIT_PER_MINUTE: "100000000", LOG_LEVEL: "warn" } }) : null;
  if (unsearched) await dropSearchUpkeep(unsearched.database.url);
  const bareDatabase = await createTestDatabase({ migrate: false });
  const bare = await startBareServer(bareDatabase.url);
  const webhookUrl = `${callboard.baseUrl}/api/webhooks/flireo`;
  const callboardPid = callboard.process.pid ?? -1;
  const barePid = bare.child.pid ?? -1;
  const targets = [
    { name: "(a) GET /api/webhooks/flireo (Next floor)", options: { url: webhookUrl, connections }, pid: callboardPid },
    { name: "POST signed status-updates (Callboard)", options: statusUpdateLoad(webhookUrl, connections, "cb"), pid: callboardPid },
    { name: "(b) bare node:http + pg, same checks + 1 INSERT", options: statusUpdateLoad(bare.url, connections, "bare"), pid: barePid },
    // Not a goal, an explanation: what any POST costs in a Next route handler before its body is even read.
    {
      name: "(c) POST refused with 415, body unread (Next POST floor)",
      options: { url: webhookUrl, connections, method: "POST" as const, body: JSON.stringify({ message: {} }), headers: { "content-type": "text/plain" } },
      pid: callboardPid,
    },
    ...(alerting
      ? [{ name: "(d) POST signed status-updates, errors alerted", options: statusUpdateLoad(`${alerting.baseUrl}/api/webhooks/flireo`, connections, "alerts"), pid: alerting.process.pid ?? -1 }]
      : []),
    ...(unsearched
      ? [{ name: "(e) POST signed status-updates, no search upkeep", options: statusUpdateLoad(`${unsearched.baseUrl}/api/webhooks/flireo`, connections, "nosearch"), pid: unsearched.process.pid ?? -1 }]
      : []),
  ];
  try {
    console.log(
      `Benchmarking ${rounds} round(s) of ${seconds} s per target, ${connections} connections, after a warm-up` +
        `${alerting ? `, (d) with an each-error alert rule (cooldown ${alertCooldownMinutes} min) sending to a local webhook` : ""}…`,
    );
    // Warm-up: JIT, connection pools and Next's first route load are not what is being measured.
    let okInWarmUp = 0;
    for (const target of targets) {
      const warm = await runOnce(target.name, target.options, 2, target.pid);
      if (target === targets[1]) okInWarmUp = warm.ok;
    }
    const runs: Figures[][] = targets.map(() => []);
    for (let round = 0; round < rounds; round++) {
      for (const [index, target] of targets.entries()) runs[index]?.push(await runOnce(target.name, target.options, seconds, target.pid));
    }
    const [floor, ingest, baseline, postFloor, ...optional] = runs.map(summarize) as [Figures, Figures, Figures, Figures, ...Figures[]];
    const withAlerting = alerting ? optional[0] : undefined;
    const unsearchedRuns = unsearched ? runs[runs.length - 1] : undefined;
    printTable([floor, ingest, baseline, postFloor, ...optional], floor);

    // Every request carried a distinct event, so every 2xx must be a stored row. Requests still in flight when a
    // run stops, or given up on by the client, may be stored without their 2xx being counted.
    const stored = await countRows(callboard.database.url, "SELECT count(*)::int AS n FROM call_events");
    const acknowledged = ingest.ok + okInWarmUp;
    console.log(
      `\nCallboard acknowledged ${acknowledged} status-updates (warm-up included) and stored ${stored} events ` +
        `(${stored >= acknowledged ? "none acknowledged was lost" : "LOST EVENTS"}); non-2xx answers: ${ingest.failed}.`,
    );
    const ratio = ingest.requestsPerSecond / floor.requestsPerSecond;
    console.log(`Ingest throughput is ${ratio.toFixed(2)}× the GET floor (goal: at least 0.75×).`);
    // The machine is shared and its speed drifts between runs; each round's POST ran right after its GET, so the
    // spread of these paired ratios shows how much of a difference between two runs is the machine's.
    const paired = (runs[1] ?? []).map((run, round) => run.requestsPerSecond / (runs[0]?.[round]?.requestsPerSecond ?? Number.NaN));
    console.log(
      `Per round (POST right after its GET): ${paired.map((value) => value.toFixed(2)).join(", ")}; ` +
        `median ${median(paired).toFixed(2)}, range ${Math.min(...paired).toFixed(2)}–${Math.max(...paired).toFixed(2)}.`,
    );
    console.log(`Ingest throughput is ${(ingest.requestsPerSecond / postFloor.requestsPerSecond).toFixed(2)}× a POST that Next answers without reading its body.`);
    if (unsearchedRuns) {
      // Each round's (e) ran in the same round as the plain POST, a few seconds apart on the same machine.
      const withSearch = (runs[1] ?? []).map((run, round) => run.requestsPerSecond / (unsearchedRuns[round]?.requestsPerSecond ?? Number.NaN));
      const unsearchedFigures = summarize(unsearchedRuns);
      console.log(
        `With search upkeep, ingest throughput is ${median(withSearch).toFixed(2)}× that without (per round: ${withSearch.map((value) => value.toFixed(2)).join(", ")}; ` +
          `p99 ${ingest.p99} ms against ${unsearchedFigures.p99} ms; Postgres CPU ${ingest.postgresCpu.toFixed(2)} ms against ${unsearchedFigures.postgresCpu.toFixed(2)} ms per request; goal: at least 0.90×).`,
      );
    }
    if (alerting && alertReceiver && withAlerting && alertCooldownMinutes > 0) {
      console.log(
        `With alerting, ingest throughput is ${(withAlerting.requestsPerSecond / ingest.requestsPerSecond).toFixed(2)}× that without ` +
          `(p99 ${withAlerting.p99} ms against ${ingest.p99} ms); the cooldown held back all but ${alertReceiver.requests.length} alert(s).`,
      );
    } else if (alerting && alertReceiver && withAlerting) {
      console.log(
        `With alerting, ingest throughput is ${(withAlerting.requestsPerSecond / ingest.requestsPerSecond).toFixed(2)}× that without ` +
          `(p99 ${withAlerting.p99} ms against ${ingest.p99} ms).`,
      );
      const countErrors = () => countRows(alerting.database.url, "SELECT count(*)::int AS n FROM calls WHERE status = 'ended-with-error'");
      // The worker catches up after the load (and requests cut off at the end may still commit): wait, then count.
      await alertReceiver.waitForRequests(await countErrors(), 60_000).catch(() => {});
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      const errors = await countErrors();
      const verified = alertReceiver.requests.filter((request) => request.signature?.isValid);
      const calls = new Set(verified.map((request) => (request.json as { call?: { id?: string } }).call?.id));
      const deliveries = new Set(verified.map((request) => request.headers["x-callboard-delivery"]));
      // This receiver shares its event loop with the load generator, so an answer can come after the sender's
      // timeout; the sender then retries the same delivery (same X-Callboard-Delivery), as it should.
      console.log(
        `Alerts: ${errors} calls ended with an error; the receiver verified ${verified.length} of ${alertReceiver.requests.length} request(s): ` +
          `${deliveries.size} distinct deliveries for ${calls.size} distinct calls (${calls.size === errors && deliveries.size === errors ? "one each" : "MISMATCH"}), ` +
          `${verified.length - deliveries.size} repeated after a timeout.`,
      );
    }
  } finally {
    await alertReceiver?.close();
    await alerting?.stop();
    await unsearched?.stop();
    bare.child.kill("SIGTERM");
    await callboard.stop();
    await bareDatabase.drop();
  }
}

if (process.argv[2] === "--bare-server") {
  await runBareServer(process.argv[3] ?? "", Number(process.argv[4]));
} else {
  await main();
}
