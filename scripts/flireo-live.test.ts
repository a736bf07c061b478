// What the command line changes reaches open boards and wallboards at once, through the running server: a reconcile
// round's backfilled call (masked on a masked link) and a command with Flireo's answer (never on a wallboard). And
// the changes channel takes nothing on trust: a malformed message or an unknown id sends nothing.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { io, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHANGES_CHANNEL } from "@/lib/realtime/changes-channel";
import type { CallView } from "@/lib/shared/calls/call-view";
import type { CallCommandView } from "@/lib/shared/control/call-command";
import { SOCKET_PATH, type ClientToServerEvents, type ServerToClientEvents } from "@/lib/shared/realtime/events";
import { createSignedInUser } from "@/lib/testing/auth";
import { startFakeFlireo, type FakeFlireo } from "@/lib/testing/fake-flireo";
import { fakeCall } from "@/lib/testing/fake-flireo-calls";
import { startTestServer, TEST_ENCRYPTION_KEY, type TestServer } from "@/lib/testing/test-server";
import { connectAsWallboard, createWallboardOverHttp, wallboardCookie, type WallboardSocket } from "@/lib/testing/wallboards";

const ROOT = path.resolve(import.meta.dirname, "..");
let flireo: FakeFlireo;
let server: TestServer;
let db: pg.Pool;
let board: Socket<ServerToClientEvents, ClientToServerEvents>;
let wall: WallboardSocket;
const seen = { board: [] as CallView[], commands: [] as CallCommandView[], wall: [] as CallView[], wallCommands: 0 };

beforeAll(async () => {
  flireo = await startFakeFlireo({ assistants: [], numbers: [] });
  server = await startTestServer();
  db = new pg.Pool({ connectionString: server.database.url });
  const viewer = await createSignedInUser(server.baseUrl, server.database.url, "viewer");
  board = io(server.baseUrl, { path: SOCKET_PATH, transports: ["websocket"], extraHeaders: { cookie: viewer.cookie } });
  board.on("calls:updated", (calls) => seen.board.push(...calls));
  board.on("commands:recorded", (commands) => seen.commands.push(...commands));
  await new Promise<void>((resolve, reject) => (board.once("connect", resolve), board.once("connect_error", reject)));
  const link = await createWallboardOverHttp(server.baseUrl, await server.adminCookie(), { name: "Floor" });
  wall = await connectAsWallboard(server.baseUrl, wallboardCookie(link.url));
  wall.on("calls:updated", (calls) => seen.wall.push(...calls));
  wall.on("commands:recorded", () => (seen.wallCommands += 1));
});

afterAll(async () => {
  board?.close();
  wall?.close();
  await db?.end();
  await Promise.all([server?.stop(), flireo?.stop()]);
});

async function runCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env, NODE_ENV: "development" as const, DATABASE_URL: server.database.url, FLIREO_API_BASE_URL: flireo.baseUrl, FLIREO_API_KEY: flireo.apiKey, CALLBOARD_ENCRYPTION_KEY: TEST_ENCRYPTION_KEY, PUBLIC_BASE_URL: "https://callboard.example.test" };
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ["--import", "tsx", "scripts/flireo.ts", ...args], { cwd: ROOT, env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    return error as { code: number; stdout: string; stderr: string };
  }
}

describe("the command line's changes on open boards", () => {
  it("sends a call a reconcile round backfilled to boards in full and to masked wallboards masked", async () => {
    const startedAt = new Date(Date.now() - 10 * 60_000).toISOString();
    flireo.putCalls(fakeCall({ id: "live-cli-1", status: "ended", caller_phone: "+31612345678", started_at: startedAt, ended_at: new Date().toISOString(), summary: "Booked" }));
    const result = await runCli(["reconcile", "--since", new Date(Date.now() - 3_600_000).toISOString()]);
    expect(result.code, result.stderr).toBe(0);
    await expect.poll(() => seen.board.find((call) => call.id === "live-cli-1")?.status, { timeout: 10_000 }).toBe("ended");
    expect(seen.board.find((call) => call.id === "live-cli-1")?.customerNumber).toBe("+31612345678");
    await expect.poll(() => seen.wall.find((call) => call.id === "live-cli-1")?.customerNumber, { timeout: 10_000 }).toBe("••• 5678");
  }, 120_000);

  it("sends a command and Flireo's answer to boards, never to wallboards", async () => {
    const now = new Date();
    const callId = `live-cli-call-${Date.now()}`;
    await db.query(`INSERT INTO calls (id, status, status_rank, status_at, first_event_at, last_event_at) VALUES ($1, 'in-progress', 1, $2, $2, $2)`, [callId, now]);
    flireo.control.calls.set(callId, { id: callId, status: "in-progress" });
    const said = await runCli(["control", "--call", callId, "say", "--text", "One moment please"]);
    expect(said.code, said.stderr).toBe(0);
    await expect.poll(() => seen.commands.filter((command) => command.callId === callId).map((command) => command.outcome), { timeout: 10_000 }).toContain("ok");
    expect(seen.commands.find((command) => command.callId === callId)?.actor).toBe("cli");
    expect(seen.wallCommands).toBe(0);
  }, 120_000);

  it("ignores a malformed message, an oversized one and unknown ids, and still sends the next real change", async () => {
    const before = seen.board.length;
    for (const payload of ["not json", '{"calls":"x"}', JSON.stringify({ calls: Array.from({ length: 500 }, (_, index) => `c${index}`) }), JSON.stringify({ calls: ["no-such-call"], commands: ["1e9", "-1"] })]) {
      await db.query("SELECT pg_notify($1, $2)", [CHANGES_CHANNEL, payload]);
    }
    const now = new Date();
    await db.query(`INSERT INTO calls (id, status, status_rank, status_at, first_event_at, last_event_at) VALUES ('live-cli-notify', 'in-progress', 1, $1, $1, $1)`, [now]);
    await db.query("SELECT pg_notify($1, $2)", [CHANGES_CHANNEL, JSON.stringify({ calls: ["live-cli-notify"] })]);
    await expect.poll(() => seen.board.slice(before).map((call) => call.id), { timeout: 10_000 }).toEqual(["live-cli-notify"]);
    expect((await fetch(`${server.baseUrl}/api/health`)).status).toBe(200);
  });
});
