// Who may hold a live connection, over real Socket.IO against the real server: only pages of Callboard's own
// origin, a bounded number per user, and never past the end of the session, however it ended.
import pg from "pg";
import { io as connectSocket, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSignedInUser } from "@/lib/testing/auth";
import { startTestServer, type TestServer } from "@/lib/testing/test-server";

let server: TestServer;
let db: pg.Pool;
const open: Socket[] = [];

beforeAll(async () => {
  server = await startTestServer({ env: { SOCKET_MAX_PER_USER: "3", SOCKET_REVALIDATE_SECONDS: "1", LOGIN_ATTEMPTS_PER_MINUTE: "50" } });
  db = new pg.Pool({ connectionString: server.database.url });
});

afterAll(async () => {
  for (const socket of open) socket.close();
  await db?.end();
  await server?.stop();
});

function connect(cookie: string, headers: Record<string, string> = {}): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connectSocket(server.baseUrl, { path: "/socket.io", transports: ["websocket"], reconnection: false, extraHeaders: { cookie, ...headers } });
    open.push(socket);
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", (error) => {
      socket.close();
      reject(error);
    });
  });
}

const closed = (socket: Socket) => new Promise<void>((resolve) => (socket.disconnected ? resolve() : socket.once("disconnect", () => resolve())));

describe("the live connection", () => {
  it("refuses a handshake without a session in the one error shape", async () => {
    const refused = await connect("").then(() => null, (error: Error & { data?: unknown }) => error);
    expect(refused?.data).toEqual({ error: { code: "unauthorized", message: expect.stringContaining("sign in") } });
  });

  it("refuses a page of another site, even with the user's cookie, and takes Callboard's own", async () => {
    const { cookie } = await createSignedInUser(server.baseUrl, server.database.url, "viewer");
    await expect(connect(cookie, { origin: "https://evil.example" })).rejects.toThrow();
    const socket = await connect(cookie, { origin: server.baseUrl });
    expect(socket.connected).toBe(true);
    socket.close();
  });

  it("holds at most SOCKET_MAX_PER_USER connections per user, and takes a new one once one has closed", async () => {
    const { cookie } = await createSignedInUser(server.baseUrl, server.database.url, "viewer");
    const sockets = [await connect(cookie), await connect(cookie), await connect(cookie)];
    const refused = await connect(cookie).then(() => null, (error: Error & { data?: unknown }) => error);
    expect(refused?.message).toMatch(/too many connections/);
    // The one error shape, as every route and server action answers.
    expect(refused?.data).toEqual({ error: { code: "rate_limited", message: refused?.message } });
    // Another user is not affected.
    const other = await createSignedInUser(server.baseUrl, server.database.url, "viewer");
    (await connect(other.cookie)).close();
    sockets[0]!.close();
    // The server counts the closed one down once it sees the close.
    await expect.poll(async () => connect(cookie).then((socket) => socket.connected, () => false), { timeout: 5_000 }).toBe(true);
    for (const socket of sockets) socket.close();
  });

  it("closes a connection whose session was revoked behind Callboard's back, or expired, within the recheck interval", async () => {
    const revoked = await createSignedInUser(server.baseUrl, server.database.url, "viewer");
    const expired = await createSignedInUser(server.baseUrl, server.database.url, "viewer");
    const revokedSocket = await connect(revoked.cookie);
    const expiredSocket = await connect(expired.cookie);
    const bystander = await connect((await createSignedInUser(server.baseUrl, server.database.url, "viewer")).cookie);
    // Straight in the database, as another instance without the shared adapter, or an operator, might.
    await db.query("DELETE FROM sessions WHERE user_id = $1", [revoked.id]);
    await db.query("UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = $1", [expired.id]);
    await Promise.all([closed(revokedSocket), closed(expiredSocket)]);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(bystander.connected).toBe(true);
    bystander.close();
  });
});
