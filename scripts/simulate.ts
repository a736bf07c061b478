// npm run simulate -- --url http://localhost:3000 --rate 5
// Sends realistic, signed Flireo webhook traffic to a running Callboard: calls on a few lines that start, last a
// believable while and end (some with an error), end-of-call reports with summaries, all three payload
// variants, and some repeated and out-of-order deliveries. Prints what Callboard answered, and a summary with
// latency figures at the end (Ctrl-C, or --duration).
import "@/lib/env-files";
import { randomInt, randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import { buildEndOfCallReport, buildStatusUpdate, type PayloadVariant, type SampleCall } from "@/lib/webhooks/sample-payloads";
import { OUTCOME_HEADER, WEBHOOK_ENDPOINT_NAME } from "@/lib/webhooks/webhook-contract";
import { signatureHeaders } from "@/lib/webhooks/verify-signature";

const HELP = `npm run simulate -- [options]
  --url <url>            Callboard's address (default http://localhost:3000)
  --rate <n>             webhooks per second, on average (default 2)
  --duration <s>         stop after this many seconds (default: until Ctrl-C)
  --mean-call <s>        average call length in seconds (default 60)
  --secret <secret>      signing secret (default FLIREO_WEBHOOK_SECRET; \`npm run flireo -- secret\` prints Callboard's)
  --error-rate <0..1>    share of calls that end with an error (default 0.12)
  --duplicates <0..1>    share of webhooks delivered twice (default 0.05)
  --reorder <0..1>       share of calls whose last status-update arrives after the report (default 0.1)`;

const { values } = parseArgs({
  options: {
    url: { type: "string", default: "http://localhost:3000" },
    rate: { type: "string", default: "2" },
    duration: { type: "string" },
    "mean-call": { type: "string", default: "60" },
    secret: { type: "string" },
    "error-rate": { type: "string", default: "0.12" },
    duplicates: { type: "string", default: "0.05" },
    reorder: { type: "string", default: "0.1" },
    help: { type: "boolean", short: "h" },
  },
});
if (values.help) {
  console.log(HELP);
  process.exit(0);
}

function readNumber(name: string, raw: string | undefined, min: number, max: number): number {
  const value = Number(raw);
  if (raw === undefined || !Number.isFinite(value) || value < min || value > max) {
    console.error(`--${name} must be a number from ${min} to ${max} (got ${raw}).\n\n${HELP}`);
    process.exit(1);
  }
  return value;
}

const targetUrl = `${values.url.replace(/\/+$/, "")}/api/webhooks/flireo`;
const rate = readNumber("rate", values.rate, 0.01, 5_000);
const durationSeconds = values.duration === undefined ? Infinity : readNumber("duration", values.duration, 1, 86_400);
const meanCallSeconds = readNumber("mean-call", values["mean-call"], 2, 3_600);
const errorRate = readNumber("error-rate", values["error-rate"], 0, 1);
const duplicateRate = readNumber("duplicates", values.duplicates, 0, 1);
const reorderRate = readNumber("reorder", values.reorder, 0, 1);
const secret = values.secret ?? process.env.FLIREO_WEBHOOK_SECRET?.split(",")[0]?.trim() ?? null;

const LINES = [
  { number: "+31201234567", name: "Main line" },
  { number: "+31207654321", name: "Support NL" },
  { number: "+31103456789", name: "Sales" },
  { number: "+31852001234", name: "After hours" },
  { number: "+3227001234", name: "Support BE" },
];

const ERRORS = [
  "STT connection failed",
  "LLM request timed out after 30 s",
  "TTS provider returned 503 Service Unavailable",
  "SIP 486 Busy Here on transfer",
  "Transfer failed: destination unreachable",
  "WebSocket closed unexpectedly (code 1006)",
  "Insufficient credits",
  "Tool call 'book_appointment' failed: upstream returned 500",
];

const CONVERSATIONS = [
  { summary: "Caller asked about opening hours on public holidays; the agent gave them.", user: "Are you open on Monday, it's a holiday?", agent: "We're open from ten to four on public holidays." },
  { summary: "Caller moved their appointment to Thursday at 14:30; confirmation sent by SMS.", user: "I need to move my appointment.", agent: "I've moved it to Thursday at 14:30 and sent you a text." },
  { summary: "Caller reported a double charge on their last invoice; a billing ticket was created.", user: "I was charged twice this month.", agent: "I've opened a ticket with billing; they'll call you within a day." },
  { summary: "Caller asked for the status of order 48213; it ships tomorrow.", user: "Where is my order 48213?", agent: "It leaves our warehouse tomorrow morning." },
  { summary: "Caller wanted a person; transferred to the front desk.", user: "Can I speak to someone, please?", agent: "Of course, I'll put you through to the front desk." },
  { summary: "Caller asked about pricing for the business plan and asked for a brochure by email.", user: "What does the business plan cost?", agent: "It's 49 euros a month; I'll email you the brochure." },
];

const END_REASONS = ["customer-ended-call", "assistant-ended-call", "silence-timed-out"];

function pick<T>(items: readonly T[]): T {
  return items[randomInt(items.length)] as T;
}

function chance(probability: number): boolean {
  return Math.random() < probability;
}

/** Call lengths are right-skewed: many short calls, a few long ones (log-normal around the mean). */
function callLengthMs(): number {
  const sigma = 0.8;
  const mu = Math.log(meanCallSeconds) - (sigma * sigma) / 2;
  const normal = Math.sqrt(-2 * Math.log(1 - Math.random())) * Math.cos(2 * Math.PI * Math.random());
  return Math.min(Math.max(Math.exp(mu + sigma * normal), 3), meanCallSeconds * 8) * 1000;
}

function pickVariant(): PayloadVariant {
  const roll = Math.random();
  return roll < 0.45 ? "camel" : roll < 0.9 ? "snake" : "legacy";
}

function dutchMobile(): string {
  return `+316${String(randomInt(10_000_000, 100_000_000))}`;
}

/** One call's timeline. Bodies are built when sent, so a call cut short on stop still has consistent times. */
type CallPlan = {
  call: SampleCall;
  variant: PayloadVariant;
  startAt: number;
  endAt: number;
  isError: boolean;
  error: string;
  reportDelay: number;
  /** Set for calls whose last status-update arrives after the end-of-call report. */
  lateBy: number | null;
  conversation: (typeof CONVERSATIONS)[number];
  endReason: string;
};

type DeliveryKind = "start" | "final" | "report" | "tool";
type Delivery = { plan: CallPlan; kind: DeliveryKind; repeatDelay: number; shared: { body?: string } };
const queue: Delivery[] = [];
const activePlans = new Set<CallPlan>();

function deliveryTime(delivery: Delivery): number {
  const { plan } = delivery;
  const reportAt = plan.endAt + plan.reportDelay;
  const base = {
    start: plan.startAt,
    tool: plan.startAt + 1_000,
    report: reportAt,
    final: plan.lateBy === null ? plan.endAt : reportAt + plan.lateBy,
  }[delivery.kind];
  return base + delivery.repeatDelay;
}

function eventType(kind: DeliveryKind): string {
  return kind === "report" ? "end-of-call-report" : kind === "tool" ? "tool-calls" : "status-update";
}

function buildBody(delivery: Delivery): string {
  const { plan, kind } = delivery;
  const { call, variant } = plan;
  if (kind === "start") return JSON.stringify(buildStatusUpdate(variant, call, "in-progress", { at: new Date(plan.startAt) }));
  if (kind === "final") {
    return JSON.stringify(buildStatusUpdate(variant, call, plan.isError ? "ended-with-error" : "ended", { at: new Date(plan.endAt), error: plan.error }));
  }
  if (kind === "tool") {
    const at = new Date(plan.startAt + 1_000).toISOString();
    return JSON.stringify({ message: { type: "tool-calls", timestamp: at, call: { id: call.callId, status: "in-progress" }, tool_call_list: [] } });
  }
  // Flireo sends a report after every call; a failed call's report is short.
  const greeting = { role: "assistant" as const, content: "Hello, how can I help you?" };
  return JSON.stringify(
    buildEndOfCallReport(variant, call, {
      startedAt: new Date(plan.startAt),
      endedAt: new Date(plan.endAt),
      summary: plan.isError ? "The call ended early because of a technical problem." : plan.conversation.summary,
      transcript: plan.isError
        ? [greeting]
        : [greeting, { role: "user", content: plan.conversation.user }, { role: "assistant", content: plan.conversation.agent }],
      endReason: plan.isError ? "pipeline-error" : plan.endReason,
    }),
  );
}

function schedule(plan: CallPlan, kind: DeliveryKind): void {
  const shared = {};
  queue.push({ plan, kind, repeatDelay: 0, shared });
  // A repeated delivery carries the same body, signed afresh when it is sent.
  if (chance(duplicateRate)) queue.push({ plan, kind, repeatDelay: randomInt(200, 4_000), shared });
}

function planCall(startAt: number): void {
  const line = pick(LINES);
  const variant = pickVariant();
  const plan: CallPlan = {
    call: {
      callId: variant === "legacy" ? `call-_${dutchMobile()}_${randomUUID().slice(0, 8)}` : randomUUID(),
      lineNumber: line.number,
      lineName: line.name,
      customerNumber: dutchMobile(),
      callType: chance(0.15) ? "outbound" : "inbound",
    },
    variant,
    startAt,
    endAt: startAt + callLengthMs(),
    isError: chance(errorRate),
    error: pick(ERRORS),
    reportDelay: randomInt(800, 2_500),
    lateBy: chance(reorderRate) ? randomInt(500, 3_000) : null,
    conversation: pick(CONVERSATIONS),
    endReason: pick(END_REASONS),
  };
  activePlans.add(plan);
  schedule(plan, "start");
  schedule(plan, "final");
  schedule(plan, "report");
  // Now and then an event Callboard does not use, as an assistant with more events enabled would send.
  if (chance(0.03)) schedule(plan, "tool");
}

type Stats = { sent: number; byStatus: Map<string, number>; byOutcome: Map<string, number>; latencies: number[]; failures: Map<string, number> };
const total: Stats = { sent: 0, byStatus: new Map(), byOutcome: new Map(), latencies: [], failures: new Map() };
// What is sent while stopping (every call still in progress ends within two seconds) is a burst, not the steady
// rate: it is counted apart so that its latencies do not pass for the steady run's.
const windDown: Stats = { sent: 0, byStatus: new Map(), byOutcome: new Map(), latencies: [], failures: new Map() };
let stoppedAt: number | null = null;
let window: Stats = { sent: 0, byStatus: new Map(), byOutcome: new Map(), latencies: [], failures: new Map() };
let inFlight = 0;
const MAX_IN_FLIGHT = 256;

function count(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

async function deliver(delivery: Delivery): Promise<void> {
  inFlight++;
  delivery.shared.body ??= buildBody(delivery);
  if (delivery.kind === "report") activePlans.delete(delivery.plan);
  const body = delivery.shared.body;
  const overall = isStopping ? windDown : total;
  const startedAt = performance.now();
  let status = "network-error";
  let outcome = "—";
  try {
    const response = await fetch(targetUrl, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "user-agent": "HMS-Sovereign/1.0",
        "x-webhook-event": eventType(delivery.kind),
        ...(secret ? signatureHeaders(secret, body) : {}),
      },
      body,
      signal: AbortSignal.timeout(30_000),
    });
    status = String(response.status);
    const text = await response.text();
    if (response.ok) {
      outcome = response.headers.get(OUTCOME_HEADER) ?? "ignored";
    } else {
      const reason = text.slice(0, 160);
      for (const stats of [overall, window]) count(stats.failures, `${response.status} ${reason}`);
    }
  } catch (error) {
    for (const stats of [overall, window]) count(stats.failures, `network: ${(error as Error).message}`);
  } finally {
    inFlight--;
  }
  const latency = performance.now() - startedAt;
  for (const stats of [overall, window]) {
    stats.sent++;
    count(stats.byStatus, status);
    count(stats.byOutcome, outcome);
    stats.latencies.push(latency);
  }
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

function describe(stats: Stats, seconds: number): string {
  const sorted = [...stats.latencies].sort((a, b) => a - b);
  const statuses = [...stats.byStatus].map(([key, value]) => `${key}×${value}`).join(" ");
  const outcomes = [...stats.byOutcome].filter(([key]) => key !== "—").map(([key, value]) => `${key} ${value}`).join(", ");
  return (
    `${stats.sent} sent (${(stats.sent / seconds).toFixed(1)}/s) · HTTP ${statuses || "—"} · ${outcomes || (statuses ? "nothing stored" : "no answers yet")} · ` +
    `latency p50 ${percentile(sorted, 50).toFixed(0)} ms, p95 ${percentile(sorted, 95).toFixed(0)} ms, p99 ${percentile(sorted, 99).toFixed(0)} ms`
  );
}

/**
 * Checks that the URL is Callboard's webhook route before sending anything: its GET describes itself. A development
 * server builds the route on its first request, which can take a while, so the answer may take up to a minute.
 */
async function checkTarget(): Promise<void> {
  const slowNotice = setTimeout(() => console.log(`Waiting for ${targetUrl} (a development server builds the route on its first request)…`), 3_000);
  let response: Response;
  let description: { endpoint?: unknown } | null;
  try {
    response = await fetch(targetUrl, { signal: AbortSignal.timeout(60_000) });
    description = (await response.json().catch(() => null)) as typeof description;
  } catch (error) {
    console.error(`Callboard does not answer at ${targetUrl} (${(error as Error).message}). Start it with \`npm run dev\`, or pass --url.`);
    process.exit(1);
  } finally {
    clearTimeout(slowNotice);
  }
  if (!response.ok || description?.endpoint !== WEBHOOK_ENDPOINT_NAME) {
    console.error(
      `${targetUrl} answered, but not as Callboard's webhook URL (GET: HTTP ${response.status}). Is another program on that port? ` +
        "Pass Callboard's address with --url (the console of `npm run dev` prints it).",
    );
    process.exit(1);
  }
}

await checkTarget();
console.log(`Simulating Flireo → ${targetUrl} at about ${rate} webhooks/s${Number.isFinite(durationSeconds) ? ` for ${durationSeconds} s` : " (Ctrl-C to stop)"}.`);
if (!secret) {
  console.log("No secret: sending unsigned webhooks (a development Callboard accepts them). For signed ones pass --secret, e.g. --secret \"$(npm run -s flireo -- secret | head -1 | cut -d' ' -f1)\".");
}

const startedAt = Date.now();
let windowStartedAt = startedAt;
let plannedUntil = startedAt;
let isStopping = false;

// Calls arrive as a Poisson process whose rate makes the webhooks average out at --rate.
const callsPerSecond = rate / 3;
let nextCallAt = startedAt;

const tick = setInterval(() => {
  const now = Date.now();
  if (!isStopping && now - startedAt < durationSeconds * 1000) {
    while (nextCallAt <= now + 100) {
      planCall(nextCallAt);
      nextCallAt += (-Math.log(1 - Math.random()) / callsPerSecond) * 1000;
    }
    plannedUntil = now;
  } else if (!isStopping) {
    stop();
  }
  queue.sort((a, b) => deliveryTime(a) - deliveryTime(b));
  while (queue.length > 0 && deliveryTime(queue[0] as Delivery) <= now && inFlight < MAX_IN_FLIGHT) {
    const delivery = queue.shift();
    if (delivery) void deliver(delivery);
  }
  if (isStopping) {
    // End the calls still in progress within a few seconds instead of waiting out their length.
    for (const plan of activePlans) {
      if (plan.endAt > now + 2_000) plan.endAt = Math.max(plan.startAt + 1_000, now + randomInt(0, 2_000));
    }
    activePlans.clear();
    if (queue.length === 0 && inFlight === 0) finish();
  }
}, 20);

const report = setInterval(() => {
  const seconds = (Date.now() - windowStartedAt) / 1000;
  console.log(`[${new Date().toISOString().slice(11, 19)}] ${describe(window, seconds)} · ${queue.length} events scheduled`);
  for (const [failure, times] of window.failures) console.log(`    ${times}× ${failure}`);
  window = { sent: 0, byStatus: new Map(), byOutcome: new Map(), latencies: [], failures: new Map() };
  windowStartedAt = Date.now();
}, 5_000);

function stop(): void {
  isStopping = true;
  stoppedAt = Date.now();
}

function finish(): void {
  clearInterval(tick);
  clearInterval(report);
  const seconds = ((stoppedAt ?? Date.now()) - startedAt) / 1000;
  console.log(`\nTotal over ${seconds.toFixed(1)} s (calls planned until ${new Date(plannedUntil).toISOString().slice(11, 19)}):\n  ${describe(total, seconds)}`);
  for (const [failure, times] of total.failures) console.log(`    ${times}× ${failure}`);
  if (windDown.sent > 0) {
    const windDownSeconds = (Date.now() - (stoppedAt ?? Date.now())) / 1000;
    console.log(`Winding down, the calls still in progress ended at once, over ${windDownSeconds.toFixed(1)} s:\n  ${describe(windDown, windDownSeconds)}`);
    for (const [failure, times] of windDown.failures) console.log(`    ${times}× ${failure}`);
  }
  process.exit(total.failures.size + windDown.failures.size > 0 ? 1 : 0);
}

process.on("SIGINT", () => {
  if (isStopping) finish();
  console.log("\nStopping: ending the calls in progress (Ctrl-C again to quit now)…");
  stop();
});
