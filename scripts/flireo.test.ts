// The command line (npm run flireo) against a fake Flireo API and a real Postgres.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fakeAssistant, startFakeFlireo, type FakeFlireo } from "@/lib/testing/fake-flireo";
import { fakeCall } from "@/lib/testing/fake-flireo-calls";
import { useTestDatabase } from "@/lib/testing/use-test-database";

const ROOT = path.resolve(import.meta.dirname, "..");
let flireo: FakeFlireo;
const database = useTestDatabase();

beforeAll(async () => {
  flireo = await startFakeFlireo({
    assistants: [fakeAssistant({ id: "a-1", name: "Reception" }), fakeAssistant({ id: "a-2", name: "Support" })],
    numbers: [{ id: "n-1", phone_number: "+31201234567", name: "Main line", agent_id: "a-1", transfer_trunk_id: null }],
  });
});
afterAll(async () => {
  await flireo?.stop();
});

async function runCli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ["--import", "tsx", "scripts/flireo.ts", ...args], {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: "development",
        DATABASE_URL: database.url,
        FLIREO_API_BASE_URL: flireo.baseUrl,
        FLIREO_API_KEY: flireo.apiKey,
        PUBLIC_BASE_URL: "https://callboard.example.test",
        ...env,
      },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe("npm run flireo", () => {
  it("prints the stored secret, and rotates it on request", async () => {
    const first = await runCli(["secret"]);
    expect(first.code).toBe(0);
    const secret = /^(whsec_\S+) {2}\(current\)$/m.exec(first.stdout)?.[1];
    expect(secret).toBeDefined();
    const rotated = await runCli(["secret", "--rotate"]);
    expect(rotated.stdout).toContain(`${secret}  (previous, valid until`);
    expect(rotated.stdout).toMatch(/^whsec_\S+ {2}\(current\)$/m);
  });

  it("revokes the previous secret at once on request", async () => {
    const rotated = await runCli(["secret", "--rotate"]);
    const current = /^(whsec_\S+) {2}\(current\)$/m.exec(rotated.stdout)?.[1];
    expect(rotated.stdout).toContain("(previous, valid until");
    const revoked = await runCli(["secret", "--revoke-previous"]);
    expect(revoked.code).toBe(0);
    expect(revoked.stdout).toMatch(/^Revoked [1-9]\d* previous secret\(s\)\.$/m);
    expect(revoked.stdout).not.toContain("(previous");
    expect(revoked.stdout).toContain(`${current}  (current)`);
  });

  it("registers an assistant with PUBLIC_BASE_URL's webhook URL and lists it as pointing here", async () => {
    const registered = await runCli(["register", "--assistant", "a-1"]);
    expect(registered.code, registered.stderr).toBe(0);
    expect(registered.stdout).toMatch(/^registe\s+a-1/m);
    expect(flireo.assistants.get("a-1")).toMatchObject({
      webhook_url: "https://callboard.example.test/api/webhooks/flireo",
      webhook_secret: expect.stringMatching(/^whsec_/),
      webhook_events: ["status-update", "end-of-call-report"],
    });

    const listed = await runCli(["list"]);
    expect(listed.stdout).toContain("a-1  Reception  → this Callboard (secret: current)");
    expect(listed.stdout).toContain("a-2  Support  no webhook");
    expect(listed.stdout).toContain("+31201234567  Main line  → Reception");
  });

  it("exits with 1 and Flireo's reason when one assistant fails", async () => {
    const result = await runCli(["register", "--assistant", "a-2", "--assistant", "missing"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^registe\s+a-2/m);
    expect(result.stdout).toMatch(/^FAILED\s+missing\s+.*404/m);
  });

  it("unregisters, and explains a refused key", async () => {
    const result = await runCli(["unregister", "--assistant", "a-1"]);
    expect(result.stdout).toMatch(/^unregis\s+a-1/m);
    expect(flireo.assistants.get("a-1")?.webhook_url).toBeNull();

    const refused = await runCli(["list"], { FLIREO_API_KEY: "sk_not_the_key" });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("Flireo rejected the API key (401");
  });

  it("says what is missing instead of guessing", async () => {
    expect((await runCli(["register"])).stderr).toContain("--assistant <id>");
    expect((await runCli(["frobnicate"])).stderr).toContain('Unknown command "frobnicate"');
  });

  it("acts on a live call (control), recorded as cli, and refuses what the API refuses", async () => {
    const now = new Date();
    const callId = `cli-call-${Date.now()}`;
    await database.prisma.call.create({ data: { id: callId, status: "in-progress", statusRank: 1, statusAt: now, firstEventAt: now, lastEventAt: now } });
    flireo.control.calls.set(callId, { id: callId, status: "in-progress" });

    const said = await runCli(["control", "--call", callId, "say", "--text", "One moment please"]);
    expect(said.code, said.stderr).toBe(0);
    expect(said.stdout).toContain("Flireo is saying it to the caller.");
    const ended = await runCli(["control", "--call", callId, "end", "--message", "Goodbye"]);
    expect(ended.stdout).toContain("Flireo is ending the call.");
    expect(flireo.control.commands.filter((command) => command.callId === callId).map((command) => command.body)).toEqual([
      { type: "say", content: "One moment please", end_after: false },
      { type: "end-call", message: "Goodbye" },
    ]);
    const rows = await database.prisma.callCommand.findMany({ where: { callId }, orderBy: { id: "asc" } });
    expect(rows.map((row) => [row.actor, row.source, row.type, row.outcome])).toEqual([
      ["cli", "cli", "say", "ok"],
      ["cli", "cli", "end-call", "ok"],
    ]);

    const tooLong = await runCli(["control", "--call", callId, "brief", "--text", "x".repeat(501)]);
    expect(tooLong.code).toBe(1);
    expect(tooLong.stderr).toContain("at most 500 characters");
    expect((await runCli(["control", "--call", callId])).stderr).toContain("end, say, transfer or brief");
    expect((await runCli(["control", "end"])).stderr).toContain("--call <id>");
  }, 180_000);

  it("reconciles once and prints the round, from --since when given", async () => {
    const startedAt = new Date(Date.now() - 30 * 60_000).toISOString();
    flireo.putCalls(fakeCall({ id: "cli-call-1", status: "ended", started_at: startedAt, ended_at: new Date().toISOString(), summary: "Booked" }));
    const result = await runCli(["reconcile", "--since", new Date(Date.now() - 3_600_000).toISOString()]);
    expect(result.stdout).toContain("1 listed, 1 backfilled");
    expect(result.code).toBe(0);
    const { rows } = await database.pool.query("SELECT status, summary FROM calls WHERE id = 'cli-call-1'");
    expect(rows).toEqual([{ status: "ended", summary: "Booked" }]);
    expect((await runCli(["reconcile", "--since", "yesterday"])).stderr).toContain("--since must be an ISO 8601 time");
  });
});
