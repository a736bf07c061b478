// npm run bench:ingest-profile [-- --seconds=10 --connections=50]
//
// Where a webhook's CPU time goes, next to the GET on the same route that bench:ingest uses as its floor. Starts
// Callboard's production build under V8's CPU profiler twice, once per target, loads it with autocannon (the
// same signed status-updates as bench:ingest), and attributes every profile sample taken during the measured
// window: to Callboard's own code (the innermost frame of ours on the stack, with the libraries it calls), or
// else to Next.js, the Web streams and undici objects Next builds a route handler's Request and Response from,
// the promise hooks behind AsyncLocalStorage, Node's HTTP and sockets, the pg driver, garbage collection.
// Prints µs of main-thread CPU per request for each, for the GET, the POST and the difference.
//
// The profiler slows the server (about 1.5×), so the absolute figures are larger than bench:ingest's; the shares
// are what this is for.
import "@/lib/env-files";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { breakDownProfile, type CpuProfile, type ProfileBreakdown } from "@/lib/testing/cpu-profile";
import { ensureProductionBuild } from "@/lib/testing/global-setup";
import { CLIENT_HEADERS, statusUpdateLoad } from "@/lib/testing/ingest-load";
import { ensureTestPostgres } from "@/lib/testing/test-postgres";
import { startTestServer } from "@/lib/testing/test-server";

function readArg(name: string, fallback: number): number {
  const arg = process.argv.find((value) => value.startsWith(`--${name}=`));
  const value = arg ? Number(arg.split("=")[1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
}

const nowMicros = () => Number(process.hrtime.bigint() / 1000n);

type Measured = { name: string; requests: number; requestsPerSecond: number; breakdown: ProfileBreakdown };

async function profileTarget(
  name: string,
  load: (url: string) => autocannon.Options,
  seconds: number,
): Promise<Measured> {
  const profileDir = mkdtempSync(path.join(tmpdir(), "callboard-profile-"));
  const server = await startTestServer({
    env: { WEBHOOK_RATE_LIMIT_PER_MINUTE: "100000000", LOG_LEVEL: "warn" },
    nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${profileDir}`],
  });
  let result: autocannon.Result;
  let window: [number, number];
  try {
    const options = load(`${server.baseUrl}/api/webhooks/flireo`);
    const run = (duration: number) => autocannon({ ...options, headers: { ...CLIENT_HEADERS, ...options.headers }, duration });
    await run(5); // JIT, pools and Next's first route load are not what is measured.
    const from = nowMicros();
    result = await run(seconds);
    window = [from, nowMicros()];
  } finally {
    await server.stop(); // The profile is written as the server exits.
  }
  try {
    if (result.errors > 0 || (result.non2xx > 0 && !name.includes("415"))) throw new Error(`${name}: ${result.non2xx + result.errors} requests failed.`);
    const file = readdirSync(profileDir).find((entry) => entry.endsWith(".cpuprofile"));
    if (!file) throw new Error(`The server wrote no CPU profile to ${profileDir}.`);
    const profile = JSON.parse(readFileSync(path.join(profileDir, file), "utf8")) as CpuProfile;
    return { name, requests: result.requests.total, requestsPerSecond: result.requests.average, breakdown: breakDownProfile(profile, ...window) };
  } finally {
    rmSync(profileDir, { recursive: true, force: true });
  }
}

function printComparison(floor: Measured, post: Measured): void {
  const perRequest = (measured: Measured, group: string) => (measured.breakdown.byGroup.get(group) ?? 0) / measured.requests;
  const groups = [...new Set([...floor.breakdown.byGroup.keys(), ...post.breakdown.byGroup.keys()])];
  const isOwn = (group: string) => group.startsWith("Callboard: ");
  const rows = groups
    .map((group) => ({ group, get: perRequest(floor, group), post: perRequest(post, group) }))
    .sort((a, b) => b.post - b.get - (a.post - a.get));
  const sum = (list: typeof rows, pick: (row: (typeof rows)[number]) => number) => list.reduce((total, row) => total + pick(row), 0);
  const own = rows.filter((row) => isOwn(row.group));
  const others = rows.filter((row) => !isOwn(row.group));
  const format = (micros: number) => micros.toFixed(0).padStart(6);
  const line = (label: string, get: number, postMicros: number) => console.log(`${label.padEnd(58)} ${format(get)} ${format(postMicros)} ${format(postMicros - get)}`);

  console.log(`\nMain-thread CPU per request, µs (profiled: ${floor.requestsPerSecond.toFixed(0)} GET/s, ${post.requestsPerSecond.toFixed(0)} POST/s)`);
  console.log(`${"".padEnd(58)} ${"GET".padStart(6)} ${"POST".padStart(6)} ${"Δ".padStart(6)}`);
  for (const row of others.filter((row) => Math.max(row.get, row.post) >= 3)) line(row.group, row.get, row.post);
  line("(smaller ones)", sum(others.filter((row) => Math.max(row.get, row.post) < 3), (row) => row.get), sum(others.filter((row) => Math.max(row.get, row.post) < 3), (row) => row.post));
  line("Callboard's own code, with the libraries it calls", sum(own, (row) => row.get), sum(own, (row) => row.post));
  for (const row of own.filter((row) => Math.max(row.get, row.post) >= 3)) line(`  ${row.group.replace("Callboard: ", "")}`, row.get, row.post);
  const total = (measured: Measured) => measured.breakdown.busyMicros / measured.requests;
  line("Total", total(floor), total(post));

  const ownPost = sum(own, (row) => row.post);
  const gap = total(post) - total(floor);
  console.log(
    `\nCallboard's own code is ${((ownPost / total(post)) * 100).toFixed(0)}% of a webhook's main-thread CPU ` +
      `(${ownPost.toFixed(0)} of ${total(post).toFixed(0)} µs); the rest of the POST's extra ${gap.toFixed(0)} µs over the GET ` +
      `(${(gap - (ownPost - sum(own, (row) => row.get))).toFixed(0)} µs) is spent outside it.`,
  );
}

async function main(): Promise<void> {
  const seconds = readArg("seconds", 10);
  const connections = readArg("connections", 50);
  await ensureTestPostgres();
  ensureProductionBuild();
  console.log(`Profiling ${seconds} s per target, ${connections} connections, after a 5 s warm-up…`);
  const floor = await profileTarget("GET", (url) => ({ url, connections }), seconds);
  const post = await profileTarget("POST signed status-updates", (url) => statusUpdateLoad(url, connections, "profile"), seconds);
  printComparison(floor, post);
  if (process.argv.includes("--refused")) {
    const refused = await profileTarget(
      "POST refused with 415",
      (url) => ({ url, connections, method: "POST", body: JSON.stringify({ message: {} }), headers: { "content-type": "text/plain" } }),
      seconds,
    );
    printComparison(floor, refused);
  }
}

await main();
