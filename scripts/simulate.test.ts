// The simulator against the real server: its traffic is accepted, and it leaves calls that look like Flireo's.
import { execFile } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, TEST_WEBHOOK_SECRET, type TestServer } from "@/lib/testing/test-server";

const ROOT = path.resolve(import.meta.dirname, "..");
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

describe("npm run simulate", () => {
  it("sends signed traffic that Callboard stores: ended and failed calls with reports, some repeats", async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["--import", "tsx", "scripts/simulate.ts", "--url", server.baseUrl, "--rate", "40", "--duration", "4", "--mean-call", "2", "--duplicates", "0.3", "--error-rate", "0.3", "--secret", TEST_WEBHOOK_SECRET],
      { cwd: ROOT, timeout: 60_000 },
    );
    const totals = /Total over [\d.]+ s.*\n\s+(\d+) sent .*HTTP (.*?) ·/.exec(stdout);
    expect(totals, stdout).not.toBeNull();
    expect(Number(totals?.[1])).toBeGreaterThan(30);
    expect(totals?.[2]).toMatch(/^200×\d+$/);
    expect(stdout).toMatch(/duplicate \d+/);
    // The calls still in progress at the end are ended at once: that burst is reported apart from the steady run.
    expect(stdout).toMatch(/Winding down, the calls still in progress ended at once, over [\d.]+ s:\n\s+\d+ sent .*HTTP 200×\d+ ·/);

    const db = new pg.Client({ connectionString: server.database.url });
    await db.connect();
    try {
      const { rows } = await db.query<{ status: string; calls: number; with_summary: number; with_error: number }>(
        `SELECT status, count(*)::int AS calls, count(summary)::int AS with_summary, count(error)::int AS with_error FROM calls GROUP BY status`,
      );
      const byStatus = Object.fromEntries(rows.map((row) => [row.status, row]));
      // --duration ends every call: nothing is left in progress.
      expect(byStatus["in-progress"]).toBeUndefined();
      expect(byStatus.ended?.calls).toBeGreaterThan(0);
      expect(byStatus.ended?.with_summary).toBe(byStatus.ended?.calls);
      expect(byStatus["ended-with-error"]?.with_error).toBe(byStatus["ended-with-error"]?.calls);
      const { rows: future } = await db.query("SELECT id FROM calls WHERE ended_at > now() + interval '1 second'");
      expect(future).toEqual([]);
      const { rows: variants } = await db.query<{ n: number }>(
        `SELECT count(DISTINCT CASE WHEN payload ? 'eventType' THEN 'legacy' WHEN payload->'message' ? 'phoneNumber' THEN 'camel' ELSE 'snake' END)::int AS n FROM call_events`,
      );
      expect(variants[0]?.n).toBeGreaterThanOrEqual(2);
    } finally {
      await db.end();
    }
  });

  it("explains a wrong option or an unreachable Callboard", async () => {
    const run = (args: string[]) =>
      promisify(execFile)(process.execPath, ["--import", "tsx", "scripts/simulate.ts", ...args], { cwd: ROOT }).then(
        () => ({ code: 0, stderr: "" }),
        (error: { code: number; stderr: string }) => error,
      );
    expect((await run(["--rate", "fast"])).stderr).toContain("--rate must be a number");
    expect((await run(["--url", "http://127.0.0.1:1"])).stderr).toContain("Callboard does not answer at http://127.0.0.1:1");

    // Another program on the port: it answers, but not as Callboard's webhook route, and nothing is sent to it.
    const requests: string[] = [];
    const other = http.createServer((request, response) => {
      requests.push(request.method ?? "");
      response.end("other");
    });
    await new Promise<void>((resolve) => other.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = other.address() as AddressInfo;
      const result = await run(["--url", `http://127.0.0.1:${port}`, "--duration", "2"]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain("answered, but not as Callboard's webhook URL");
      expect(requests).toEqual(["GET"]);
    } finally {
      other.close();
    }
  });
});
