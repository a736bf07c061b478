// npm run bench:soak – a long run at a steady webhook rate with a board open in Chromium, sampling the
// server's resident memory. The baseline is the server's own memory after warm-up, in the same run.
//   Options: --minutes 10, --rate 150, --sample-seconds 10
import "@/lib/env-files";
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { chromium } from "@playwright/test";
import { storageStateFromCookie } from "@/lib/testing/auth";
import { createCallTraffic } from "@/lib/testing/call-traffic";
import { ensureProductionBuild } from "@/lib/testing/global-setup";
import { processCpuMs } from "@/lib/testing/process-cpu";
import { ensureTestPostgres } from "@/lib/testing/test-postgres";
import { startTestServer, TEST_WEBHOOK_SECRET } from "@/lib/testing/test-server";
import { signatureHeaders } from "@/lib/webhooks/verify-signature";

const { values } = parseArgs({
  options: {
    minutes: { type: "string", default: "10" },
    rate: { type: "string", default: "150" },
    "sample-seconds": { type: "string", default: "10" },
    // Node flags for the server only, e.g. --server-node-options="--max-old-space-size=256" to try heap limits,
    // or "--cpu-prof --cpu-prof-dir=/tmp/prof" for a CPU profile written when the server stops.
    "server-node-options": { type: "string", default: "" },
  },
});
const MINUTES = Number(values.minutes);
const RATE = Number(values.rate);
const SAMPLE_MS = Number(values["sample-seconds"]) * 1000;
const GOAL_MB = 400;

function residentMegabytes(pid: number): number {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, "utf8");
  } catch {
    throw new Error(`The server (pid ${pid}) is gone: it exited during the soak. Its last output is above.`);
  }
  const kilobytes = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return kilobytes / 1024;
}

/** The server's own view of its memory (V8 heap in use, and memory held outside it), from /api/metrics. */
async function heapFigures(baseUrl: string, cookie: string): Promise<string> {
  try {
    const text = await (await fetch(`${baseUrl}/api/metrics`, { headers: { cookie } })).text();
    const megabytes = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, "m").exec(text)?.[1] ?? Number.NaN) / 2 ** 20;
    const lagMs = Number(/^nodejs_eventloop_lag_max_seconds (\S+)$/m.exec(text)?.[1] ?? Number.NaN) * 1000;
    return `heap ${megabytes("nodejs_heap_size_used_bytes").toFixed(0).padStart(4)} MB  external ${megabytes("nodejs_external_memory_bytes").toFixed(0).padStart(3)} MB  loop lag max ${lagMs.toFixed(0).padStart(4)} ms`;
  } catch {
    return "heap ? (metrics did not answer)";
  }
}

/** Least-squares slope of memory over time, in MB per minute. */
function slopePerMinute(samples: { minute: number; mb: number }[]): number {
  const n = samples.length;
  const meanX = samples.reduce((sum, s) => sum + s.minute, 0) / n;
  const meanY = samples.reduce((sum, s) => sum + s.mb, 0) / n;
  const covariance = samples.reduce((sum, s) => sum + (s.minute - meanX) * (s.mb - meanY), 0);
  const variance = samples.reduce((sum, s) => sum + (s.minute - meanX) ** 2, 0);
  return variance === 0 ? 0 : covariance / variance;
}

async function main(): Promise<void> {
  const postgres = await ensureTestPostgres();
  ensureProductionBuild();
  const server = await startTestServer({
    env: { LOG_LEVEL: "warn", WEBHOOK_RATE_LIMIT_PER_MINUTE: "100000000" },
    nodeArgs: values["server-node-options"].split(/\s+/).filter(Boolean),
  });
  const pid = server.process.pid;
  if (pid === undefined) throw new Error("no server pid");
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--disable-dev-shm-usage", "--disable-background-networking"],
  });
  const page = await browser.newPage({ storageState: storageStateFromCookie(await server.adminCookie()) });
  await page.goto(server.baseUrl);

  const nextEvent = createCallTraffic({ meanDurationSeconds: 90, errorRate: 0.05 });
  let sent = 0;
  let failed = 0;
  const failures = new Map<string, number>();
  const countFailure = (reason: string) => {
    failed += 1;
    failures.set(reason, (failures.get(reason) ?? 0) + 1);
  };
  const startedAt = performance.now();
  const cpuAtStart = processCpuMs(pid);
  const durationMs = MINUTES * 60_000;
  const samples: { minute: number; mb: number }[] = [];
  const cookie = await server.adminCookie();
  const sample = async () => {
    const minute = (performance.now() - startedAt) / 60_000;
    let mb: number;
    try {
      mb = residentMegabytes(pid);
    } catch (error) {
      console.error(`${(error as Error).message}\n${server.output().slice(-2_000)}`);
      process.exit(1);
    }
    samples.push({ minute, mb });
    const heap = await heapFigures(server.baseUrl, cookie);
    console.log(`${minute.toFixed(1).padStart(5)} min  RSS ${mb.toFixed(0).padStart(4)} MB  ${heap}  sent ${sent}  failed ${failed}`);
  };
  const sampleTimer = setInterval(() => void sample(), SAMPLE_MS);

  const inFlight = new Set<Promise<void>>();
  await new Promise<void>((resolve) => {
    const tick = () => {
      const elapsed = performance.now() - startedAt;
      const due = Math.floor((Math.min(elapsed, durationMs) / 1000) * RATE);
      while (sent < due) {
        sent += 1;
        const body = JSON.stringify(nextEvent().payload);
        const request = fetch(`${server.baseUrl}/api/webhooks/flireo`, {
          method: "POST",
          headers: { "content-type": "application/json", ...signatureHeaders(TEST_WEBHOOK_SECRET, body) },
          body,
        })
          .then(async (response) => {
            await response.arrayBuffer();
            if (!response.ok) countFailure(String(response.status));
          })
          .catch((error: unknown) => countFailure((error as Error).cause ? String((error as { cause: Error }).cause.message) : (error as Error).message))
          .finally(() => inFlight.delete(request));
        inFlight.add(request);
      }
      if (elapsed >= durationMs) resolve();
      else setTimeout(tick, 5);
    };
    tick();
  });
  await Promise.all(inFlight);
  clearInterval(sampleTimer);
  const serverCpuMs = processCpuMs(pid) - cpuAtStart;
  const liveOnBoard = await page
    .getByTestId("live-count")
    .textContent({ timeout: 10_000 })
    .catch(() => "(the board did not answer)");
  await browser.close();
  await server.stop();
  await postgres.stop?.();

  // The first minute is warm-up (JIT, caches, pools filling); the baseline is memory right after it.
  const steady = samples.filter((sample) => sample.minute >= Math.min(1, MINUTES / 4));
  const baseline = steady[0]?.mb ?? Number.NaN;
  const peak = Math.max(...steady.map((sample) => sample.mb));
  const last = steady.at(-1)?.mb ?? Number.NaN;
  console.log(`\nSoak: ${MINUTES} min at ${RATE} events/s, ${sent} sent, ${failed} failed, ${liveOnBoard} calls live on the board at the end`);
  if (failed > 0) console.log(`Failures: ${[...failures].map(([reason, count]) => `${count}× ${reason}`).join(", ")}`);
  console.log(`Server CPU: ${(serverCpuMs / 1000).toFixed(1)} s in all, ${(serverCpuMs / sent).toFixed(2)} ms per event sent`);
  console.log(`Server RSS: baseline ${baseline.toFixed(0)} MB after warm-up, peak ${peak.toFixed(0)} MB, last ${last.toFixed(0)} MB`);
  console.log(`Growth: ${(last - baseline).toFixed(0)} MB over the run, trend ${slopePerMinute(steady).toFixed(1)} MB/min`);
  console.log(`Goal (flat, under ${GOAL_MB} MB): ${peak < GOAL_MB ? "under" : "OVER"} the limit`);
}

await main();
