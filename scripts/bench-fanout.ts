// npm run bench:fanout – live updates to many screens: N Socket.IO clients connected as wallboard links (masked) to
// the production build, and signed status-updates posted at R a second through the real webhook route. For each
// (N, R): p50 and p99 from the POST to the moment the slowest client had the call, updates delivered out of those
// expected, the server's CPU per delivered update and its RSS per client. Baseline in the same run: a bare Socket.IO
// server that broadcasts the same messages to the same number of clients when it is POSTed one.
//   -- --clients=500,1000 --rate=100 --seconds=10
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:http";
import { randomUUID } from "node:crypto";
import { Server } from "socket.io";
import { ensureProductionBuild } from "@/lib/testing/global-setup";
import { connectClients, processRssMb, runFanout, type FanoutRun } from "@/lib/testing/fanout";
import { newCallId, postWebhook, snakeStatusUpdate } from "@/lib/testing/flireo-payloads";
import { percentile } from "@/lib/testing/percentiles";
import { processCpuMs } from "@/lib/testing/process-cpu";
import { ensureTestPostgres } from "@/lib/testing/test-postgres";
import { findFreePort, startTestServer, TEST_WEBHOOK_SECRET } from "@/lib/testing/test-server";
import { createWallboardOverHttp, wallboardCookie } from "@/lib/testing/wallboards";

const BARE_PATH = "/socket.io";

function readArg(name: string, fallback: string): string {
  return process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split("=")[1] ?? fallback;
}

/** The bare baseline, in its own process: POST a call's JSON, and every client gets it as calls:updated. */
function runBareServer(port: number): void {
  const http = createServer();
  const server = new Server(http, { path: BARE_PATH, serveClient: false });
  http.on("request", (request, response) => {
    if (request.url?.startsWith(BARE_PATH)) return;
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      server.emit("calls:updated", [JSON.parse(body)]);
      response.end("ok");
    });
  });
  http.listen(port, "127.0.0.1", () => console.log("bare server ready"));
}

async function startBareServer(): Promise<{ url: string; child: ChildProcess }> {
  const port = await findFreePort();
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/bench-fanout.ts", "--bare-server", String(port)], { stdio: ["ignore", "pipe", "inherit"] });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => chunk.toString().includes("ready") && resolve());
    child.once("exit", (code) => reject(new Error(`The bare server exited with code ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}`, child };
}

/** A call as Callboard would send it, for the bare server to broadcast. */
function callLike(id: string) {
  const now = new Date().toISOString();
  return { id, status: "in-progress", callType: "inbound", lineNumber: "+31201234567", lineName: "Main line", customerNumber: "••• 5678", startedAt: now, endedAt: null, firstEventAt: now, lastEventAt: now, error: null, endReason: null, durationSeconds: null, summary: null, unresolvedAt: null, unresolvedReason: null, version: 1 };
}

type Row = { name: string; clients: number; rate: number; run: FanoutRun; cpuMs: number; rssPerClientKb: number; rssMb: number };

async function measure(name: string, target: { url: string; pid: number; cookies: string[] }, clients: number, rate: number, seconds: number, post: (id: string) => Promise<boolean>): Promise<Row> {
  const rssBefore = processRssMb(target.pid);
  const fanout = await connectClients(target.url, clients, target.cookies);
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const rssConnected = processRssMb(target.pid);
  const cpuBefore = processCpuMs(target.pid);
  const run = await runFanout(fanout, post, rate, seconds, randomUUID);
  const cpuMs = processCpuMs(target.pid) - cpuBefore;
  const rssMb = processRssMb(target.pid);
  fanout.close();
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  return { name, clients, rate, run, cpuMs, rssPerClientKb: ((rssConnected - rssBefore) * 1024) / clients, rssMb };
}

function print(row: Row): void {
  const { run } = row;
  const fmt = (ms: number) => (Number.isFinite(ms) ? `${ms.toFixed(0)} ms` : "n/a");
  console.log(
    `${row.name.padEnd(32)} N=${String(row.clients).padStart(5)} R=${String(row.rate).padStart(4)}/s  p50 ${fmt(percentile(run.latenciesMs, 50)).padStart(8)}  p99 ${fmt(percentile(run.latenciesMs, 99)).padStart(8)}  ` +
      `delivered ${run.delivered}/${run.expected}${run.failed ? ` (${run.failed} POSTs failed)` : ""}  CPU ${((row.cpuMs * 1000) / Math.max(1, run.delivered)).toFixed(1)} µs/update  ` +
      `RSS ${row.rssMb.toFixed(0)} MB (${row.rssPerClientKb.toFixed(0)} kB/client)`,
  );
}

async function main(): Promise<void> {
  const clientCounts = readArg("clients", "500").split(",").map(Number);
  const rate = Number(readArg("rate", "100"));
  const seconds = Number(readArg("seconds", "10"));
  await ensureTestPostgres();
  ensureProductionBuild();
  const callboard = await startTestServer({ env: { WEBHOOK_RATE_LIMIT_PER_MINUTE: "100000000", WALLBOARD_MAX_SCREENS: "100000", LOG_LEVEL: "warn" } });
  const bare = await startBareServer();
  try {
    const admin = await callboard.adminCookie();
    const links = await Promise.all(Array.from({ length: 10 }, (_, index) => createWallboardOverHttp(callboard.baseUrl, admin, { name: `bench wall ${index}` })));
    const postWebhookCall = async (id: string) => (await postWebhook(callboard.baseUrl, snakeStatusUpdate({ callId: id, status: "in-progress" }), { secret: TEST_WEBHOOK_SECRET })).ok;
    const postBare = async (id: string) => (await fetch(`${bare.url}/emit`, { method: "POST", body: JSON.stringify(callLike(id)) })).ok;
    console.log(`Fan-out: ${rate} webhooks/s for ${seconds} s to N clients (a shared machine: compare the rows of one run, not absolute figures)`);
    // One warm-up webhook, so the first measured one does not pay for the route's first load.
    await postWebhookCall(newCallId());
    for (const clients of clientCounts) {
      print(await measure("Callboard, wallboard links", { url: callboard.baseUrl, pid: callboard.process.pid ?? -1, cookies: links.map((link) => wallboardCookie(link.url)) }, clients, rate, seconds, postWebhookCall));
      print(await measure("bare Socket.IO broadcast", { url: bare.url, pid: bare.child.pid ?? -1, cookies: [] }, clients, rate, seconds, postBare));
    }
  } finally {
    bare.child.kill("SIGTERM");
    await callboard.stop();
  }
}

if (process.argv[2] === "--bare-server") runBareServer(Number(process.argv[3]));
else await main();
