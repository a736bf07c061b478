// npm run bench:search -- --database-url postgresql://…/callboard_search_bench [--runs 40]
//
// Search at scale, on a database filled by `npm run seed:calls` (1,000,000 calls): p50 and p95 of a one-word and a
// three-word search, unfiltered and filtered (a line and the error status), each a page of 50 with its marked
// passages, as the calls page and the read API run them; then the calls page's first render in Chromium (the
// production server on that database). Goals: p95 under 150 ms for the searches, first render under 1 s.
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";
import { createDatabase } from "@/lib/db/client";
import { searchCalls, type CallSearch } from "@/lib/calls/search-calls";
import { storageStateFromCookie } from "@/lib/testing/auth";
import { ensureProductionBuild } from "@/lib/testing/global-setup";
import { startTestServer } from "@/lib/testing/test-server";

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : (process.argv[index + 1] ?? fallback);
}

const DATABASE_URL = option("database-url", process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/callboard_search_bench");
const RUNS = Number(option("runs", "40"));
const ONE_WORD = ["refund", "terugbetaling", "garantie", "password", "abonnement", "depot", "manager", "factuur", "timeout", "kleur"];
const THREE_WORDS = ["refund damaged order", "terugbetaling beschadigde bestelling", "invoice charged twice", "wachtwoord herstellen link", "appointment next week", "bezorgadres pakket wijzigen"];
const FILTER: Partial<CallSearch> = { line: "+31201234567", statuses: ["ended-with-error"] };

const percentile = (sorted: number[], share: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? NaN;

function summarize(label: string, timings: number[], goal: number): string {
  const sorted = [...timings].sort((a, b) => a - b);
  const p95 = percentile(sorted, 0.95);
  return `${label.padEnd(38)} ${percentile(sorted, 0.5).toFixed(1).padStart(8)} ms ${p95.toFixed(1).padStart(8)} ms   ${p95 < goal ? "ok" : "OVER"} (goal p95 < ${goal} ms)`;
}

/** A search that fails (the pool's statement timeout, 15 s) counts as that long, and is named. */
async function timeSearches(prisma: ReturnType<typeof createDatabase>["prisma"], words: string[], extra: Partial<CallSearch>): Promise<number[]> {
  const timings: number[] = [];
  for (let run = -3; run < RUNS; run++) {
    const search: CallSearch = { words: words[(run + 3) % words.length] || null, number: null, line: null, statuses: null, from: null, to: null, after: null, limit: 50, ...extra };
    const started = performance.now();
    try {
      await searchCalls(prisma, search);
    } catch (error) {
      console.log(`  "${search.words ?? ""}" failed after ${(performance.now() - started).toFixed(0)} ms: ${String(error).split("\n").find((line) => line.includes("Message")) ?? String(error)}`);
    }
    if (run >= 0) timings.push(performance.now() - started);
  }
  return timings;
}

async function benchSearches(): Promise<string[]> {
  const database = createDatabase(DATABASE_URL);
  try {
    const count = await database.prisma.call.count();
    console.log(`${count.toLocaleString("en")} calls in ${new URL(DATABASE_URL).pathname.slice(1)}; ${RUNS} searches per row after 3 to warm up.`);
    return [
      summarize("one word, unfiltered", await timeSearches(database.prisma, ONE_WORD, {}), 150),
      summarize("three words, unfiltered", await timeSearches(database.prisma, THREE_WORDS, {}), 150),
      summarize("one word, line + status error", await timeSearches(database.prisma, ONE_WORD, FILTER), 150),
      summarize("three words, line + status error", await timeSearches(database.prisma, THREE_WORDS, FILTER), 150),
      summarize("no words (newest 50)", await timeSearches(database.prisma, [""], {}), 150),
    ];
  } finally {
    await database.disconnect();
  }
}

/** Navigation start to the first contentful paint (the server-rendered list), over a few loads. */
async function benchFirstRender(): Promise<string[]> {
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  ensureProductionBuild();
  const name = new URL(DATABASE_URL).pathname.slice(1);
  const server = await startTestServer({ database: { url: DATABASE_URL, name, drop: async () => {} } });
  const executablePath = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((candidate) => existsSync(candidate));
  const browser = await chromium.launch({ executablePath: existsSync(chromium.executablePath()) ? undefined : executablePath });
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, storageState: storageStateFromCookie(await server.adminCookie()) });
    const lines: string[] = [];
    for (const [label, path] of [["/calls", "/calls"], ["/calls?q=refund", "/calls?q=refund"], ["/calls?q=… + line + status", `/calls?q=terugbetaling&line=${encodeURIComponent("+31201234567")}&status=error`]] as const) {
      const timings: number[] = [];
      for (let run = -1; run < 8; run++) {
        const page = await context.newPage();
        await page.goto(`${server.baseUrl}${path}`, { waitUntil: "load" });
        await page.getByTestId("calls-list").or(page.getByTestId("calls-empty")).waitFor();
        const paint = await page.evaluate(() => performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN);
        if (run >= 0) timings.push(paint);
        await page.close();
      }
      lines.push(summarize(`first render ${label}`, timings, 1000));
    }
    return lines;
  } finally {
    await browser.close();
    await server.stop();
  }
}

const searchLines = await benchSearches();
const renderLines = await benchFirstRender();
console.log(`\nCallboard search benchmark\n\n${"".padEnd(38)} ${"p50".padStart(11)} ${"p95".padStart(11)}`);
for (const line of [...searchLines, ...renderLines]) console.log(line);
console.log("\nsearch: searchCalls as the calls page and GET /api/v1/calls run it (page of 50, passages marked), from Node over loopback.");
console.log("first render: Chromium, navigation start to first contentful paint of the server-rendered list (production build).");
