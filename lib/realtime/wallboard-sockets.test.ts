// Who is sent which calls, over a real Socket.IO server and real clients: a link of one line gets that line's calls
// alone (masked or in full), links for every line and boards get every call, and a change costs a fixed number of
// messages whatever the number of screens.
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Server } from "socket.io";
import { io as connectClient, type Socket as ClientSocket } from "socket.io-client";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { CallView } from "@/lib/shared/calls/call-view";
import type { ClientToServerEvents, ServerToClientEvents } from "@/lib/shared/realtime/events";
import { emitCalls } from "./call-publisher";
import { admitWallboardSocket, BOARDS_ROOM } from "./wallboard-sockets";

/** Who a test client is, in its handshake: a signed-in board, or a wallboard link. */
type Who = { kind: "board" } | { kind: "wallboard"; lineNumber: string | null; isMasked: boolean };

type Client = { socket: ClientSocket<ServerToClientEvents, ClientToServerEvents>; received: CallView[]; nextBarrier: () => Promise<void> };

const LINE_A = "+31201110001";
const LINE_B = "+31201110002";

let io: Server<ClientToServerEvents, ServerToClientEvents>;
let baseUrl: string;
let broadcasts = 0;
const clients: Client[] = [];

beforeAll(async () => {
  const httpServer = createServer();
  io = new Server(httpServer);
  // As socket-server.ts admits them: a board joins the boards' room, a link the rooms admitWallboardSocket picks.
  io.use((socket, next) => {
    const who = socket.handshake.auth as Who;
    if (who.kind === "board") void socket.join(BOARDS_ROOM);
    else admitWallboardSocket(socket, { wallboardId: randomUUID(), lineNumber: who.lineNumber, isMasked: who.isMasked, expiresAt: null });
    next();
  });
  // Counts the messages built: each room broadcast is one, whatever the number of sockets it reaches.
  const adapter = io.of("/").adapter;
  const broadcast = adapter.broadcast.bind(adapter);
  adapter.broadcast = (packet, options) => {
    broadcasts++;
    broadcast(packet, options);
  };
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const client of clients) client.socket.close();
  await io?.close();
});

beforeEach(() => {
  for (const client of clients) client.received.length = 0;
});

async function connect(who: Who): Promise<Client> {
  const socket: Client["socket"] = connectClient(baseUrl, { transports: ["websocket"], auth: who, forceNew: true, reconnection: false });
  const received: CallView[] = [];
  const barriers: (() => void)[] = [];
  // An empty list is the test's barrier (sent to every connection after the calls): what came before it has arrived.
  socket.on("calls:updated", (calls) => {
    if (calls.length === 0) barriers.shift()?.();
    else received.push(...calls);
  });
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
  const client = { socket, received, nextBarrier: () => new Promise<void>((resolve) => barriers.push(resolve)) };
  clients.push(client);
  return client;
}

function disconnect(client: Client): void {
  client.socket.close();
  clients.splice(clients.indexOf(client), 1);
}

/** Sends the calls as the publisher does, and waits until every client has had all it will get of them. */
async function emitAndSettle(calls: CallView[]): Promise<number> {
  const settled = Promise.all(clients.map((client) => client.nextBarrier()));
  broadcasts = 0;
  emitCalls(io, calls);
  const built = broadcasts;
  io.emit("calls:updated", []);
  await settled;
  return built;
}

function call(id: string, lineNumber: string | null): CallView {
  const customerNumber = `+3161${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`;
  return { id, lineNumber, customerNumber, error: null, endReason: null, unresolvedReason: null, summary: `Caller ${customerNumber}` } as unknown as CallView;
}

const idsOf = (client: Client) => client.received.map((received) => received.id);
const isMasked = (received: CallView) => received.customerNumber?.startsWith("•••") === true && received.summary === null;

describe("calls over wallboard links' connections", () => {
  let board: Client;
  let everyLine: Client;
  let everyLineMasked: Client;
  let lineA: Client;
  let lineAMasked: Client;
  let lineBMasked: Client;

  beforeAll(async () => {
    board = await connect({ kind: "board" });
    everyLine = await connect({ kind: "wallboard", lineNumber: null, isMasked: false });
    everyLineMasked = await connect({ kind: "wallboard", lineNumber: null, isMasked: true });
    lineA = await connect({ kind: "wallboard", lineNumber: LINE_A, isMasked: false });
    lineAMasked = await connect({ kind: "wallboard", lineNumber: LINE_A, isMasked: true });
    lineBMasked = await connect({ kind: "wallboard", lineNumber: LINE_B, isMasked: true });
  });

  it("sends a link of one line that line's calls alone, and boards and links for every line every call", async () => {
    const calls = [call("a1", LINE_A), call("b1", LINE_B), call("a2", LINE_A), call("none", null)];
    const built = await emitAndSettle(calls);
    expect(idsOf(board)).toEqual(["a1", "b1", "a2", "none"]);
    expect(board.received).toEqual(calls);
    expect(idsOf(everyLine)).toEqual(["a1", "b1", "a2", "none"]);
    expect(everyLine.received.some(isMasked)).toBe(false);
    expect(idsOf(everyLineMasked)).toEqual(["a1", "b1", "a2", "none"]);
    expect(everyLineMasked.received.every(isMasked)).toBe(true);
    expect(lineA.received).toEqual([calls[0], calls[2]]);
    expect(idsOf(lineAMasked)).toEqual(["a1", "a2"]);
    expect(lineAMasked.received.every(isMasked)).toBe(true);
    expect(idsOf(lineBMasked)).toEqual(["b1"]);
    expect(JSON.stringify(lineBMasked.received)).not.toContain(calls[1]!.customerNumber!.slice(1));
    // Two for boards and links for every line, and two for each of the two lines in the change.
    expect(built).toBe(6);
  });

  it("sends a change of one line as two messages, however many screens show it", async () => {
    const more = await Promise.all(Array.from({ length: 8 }, (_, index) => connect({ kind: "wallboard", lineNumber: LINE_A, isMasked: index % 2 === 0 })));
    const calls = [call("a3", LINE_A), call("a4", LINE_A)];
    expect(await emitAndSettle(calls)).toBe(2);
    for (const client of [board, everyLine, everyLineMasked, lineA, lineAMasked, ...more]) expect(idsOf(client)).toEqual(["a3", "a4"]);
    expect(lineBMasked.received).toEqual([]);
    for (const client of more) disconnect(client);
  });

  it("never sends a call of a line named like another line's room to that line's links", async () => {
    const lookalikes = [call("lookalike-masked", `line-masked:${LINE_A}`), call("lookalike-suffix", `${LINE_A}:masked`)];
    await emitAndSettle(lookalikes);
    expect(idsOf(board)).toEqual(["lookalike-masked", "lookalike-suffix"]);
    for (const client of [lineA, lineAMasked, lineBMasked]) expect(client.received).toEqual([]);
  });

  it("never sends a call without a line to a link of one line", async () => {
    expect(await emitAndSettle([call("lineless", null)])).toBe(2);
    expect(idsOf(board)).toEqual(["lineless"]);
    expect(idsOf(everyLineMasked)).toEqual(["lineless"]);
    for (const client of [lineA, lineAMasked, lineBMasked]) expect(client.received).toEqual([]);
  });
});
