// npm run bench:auth – what the per-request session check costs. Starts the production build on its own
// database and measures, in the same run: the webhook route's GET (skips proxy.ts: the baseline), an anonymous
// API request (proxy answers 401 without a query), and the signed-in board API (session lookup in the proxy and
// the handler, then the board query). Sequential batches with a fixed concurrency, loopback.
import { ensureProductionBuild } from "@/lib/testing/global-setup";
import { createSignedInUser } from "@/lib/testing/auth";
import { ensureTestPostgres } from "@/lib/testing/test-postgres";
import { startTestServer } from "@/lib/testing/test-server";

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 20);

async function measure(label: string, url: string, headers: Record<string, string> = {}): Promise<void> {
  const latencies: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < REQUESTS) {
      next++;
      const started = performance.now();
      const response = await fetch(url, { headers });
      await response.arrayBuffer();
      latencies.push(performance.now() - started);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const p = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!.toFixed(1);
  console.log(`${label.padEnd(44)} ${(latencies.length / seconds).toFixed(0).padStart(6)} req/s   p50 ${p(0.5)} ms   p99 ${p(0.99)} ms`);
}

const postgres = await ensureTestPostgres();
ensureProductionBuild();
const server = await startTestServer({ env: { LOGIN_ATTEMPTS_PER_MINUTE: "100" } });
try {
  const viewer = await createSignedInUser(server.baseUrl, server.database.url, "viewer");
  console.log(`${REQUESTS} requests per row, ${CONCURRENCY} at a time`);
  // Warm up every path once so the first row does not pay for start-up.
  await measure("warm-up", `${server.baseUrl}/api/calls/board`, { cookie: viewer.cookie });
  await measure("baseline: GET /api/webhooks/flireo (no proxy)", `${server.baseUrl}/api/webhooks/flireo`);
  await measure("anonymous GET /api/calls/board (401)", `${server.baseUrl}/api/calls/board`);
  await measure("signed-in GET /api/auth/get-session (1 lookup)", `${server.baseUrl}/api/auth/get-session`, { cookie: viewer.cookie });
  await measure("signed-in GET /api/calls/board", `${server.baseUrl}/api/calls/board`, { cookie: viewer.cookie });
} finally {
  await server.stop();
  await postgres.stop?.();
}
