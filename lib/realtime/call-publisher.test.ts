// The publisher on a real Socket.IO server with real clients: a change leaves at once when few screens listen, and
// changes that follow a message closely leave together in the next when many do.
import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Server } from "socket.io";
import { io, type Socket } from "socket.io-client";
import { afterEach, describe, expect, it } from "vitest";
import { createMetrics } from "@/lib/observability/metrics";
import type { CallView } from "@/lib/shared/calls/call-view";
import { createCallPublisher, messageInterval, type CallboardSocketServer } from "./call-publisher";
import { BOARDS_ROOM } from "./wallboard-sockets";

function call(id: string, version = 1): CallView {
  const now = new Date().toISOString();
  return {
    ...{ id, status: "in-progress", callType: "inbound", lineNumber: "+31201234567", lineName: null, customerNumber: "+31612345678" },
    ...{ startedAt: now, endedAt: null, firstEventAt: now, lastEventAt: now, error: null, endReason: null, durationSeconds: null },
    ...{ summary: null, unresolvedAt: null, unresolvedReason: null, version },
  };
}

type Listening = { io: CallboardSocketServer; http: HttpServer; clients: Socket[]; messages: CallView[][] };
let listening: Listening | undefined;

/** A Socket.IO server with `screens` clients connected; the first client's messages are collected. */
async function listen(screens: number): Promise<Listening> {
  const http = createServer();
  const server: CallboardSocketServer = new Server(http, { serveClient: false });
  // As socket-server.ts admits a signed-in user's connection: boards are sent every call.
  server.use((socket, next) => {
    void socket.join(BOARDS_ROOM);
    next();
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const clients = await Promise.all(
    Array.from({ length: screens }, () => {
      const client = io(url, { transports: ["websocket"], forceNew: true, reconnection: false });
      return new Promise<Socket>((resolve, reject) => {
        client.once("connect", () => resolve(client));
        client.once("connect_error", reject);
      });
    }),
  );
  const messages: CallView[][] = [];
  clients[0]?.on("calls:updated", (calls: CallView[]) => messages.push(calls));
  listening = { io: server, http, clients, messages };
  return listening;
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitForCalls(messages: CallView[][], count: number): Promise<void> {
  for (let waited = 0; messages.flat().length < count; waited += 10) {
    if (waited > 5_000) throw new Error(`only ${messages.flat().length} of ${count} calls arrived`);
    await sleep(10);
  }
}

afterEach(async () => {
  listening?.clients.forEach((client) => client.close());
  await listening?.io.close();
  listening = undefined;
});

describe("the call publisher", () => {
  it("waits longer between messages the more screens are connected, and never more than 200 ms", () => {
    expect(messageInterval(1)).toBeLessThan(1);
    expect(messageInterval(500)).toBe(50);
    expect(messageInterval(1_000)).toBe(100);
    expect(messageInterval(100_000)).toBe(200);
  });

  it("sends each change at once when few screens are connected", async () => {
    const { io: server, messages } = await listen(2);
    const publisher = createCallPublisher({ server: () => server, metrics: createMetrics() });
    for (const id of ["a", "b", "c"]) {
      publisher.publish(call(id));
      await nextTurn();
      await sleep(5);
    }
    await waitForCalls(messages, 3);
    expect(messages.map((calls) => calls.map((one) => one.id))).toEqual([["a"], ["b"], ["c"]]);
  });

  it("sends the first change of a quiet moment at once, and those right after it together in the next message", async () => {
    const { io: server, messages } = await listen(2);
    // Two screens at 10 deliveries a second: 200 ms between messages, as 2,000 screens would have.
    const publisher = createCallPublisher({ server: () => server, metrics: createMetrics(), deliveriesPerSecond: 10 });
    const started = performance.now();
    publisher.publish(call("first"));
    await waitForCalls(messages, 1);
    for (const id of ["second", "third"]) {
      publisher.publish(call(id));
      await nextTurn();
    }
    publisher.publish(call("second", 2));
    await waitForCalls(messages, 3);
    const restAfter = performance.now() - started;
    expect(messages.map((calls) => calls.map((one) => `${one.id}@${one.version}`))).toEqual([["first@1"], ["second@2", "third@1"]]);
    // Timers may fire a millisecond early against performance.now(); the point is that the rest waited for the interval.
    expect(restAfter).toBeGreaterThanOrEqual(180);
  });
});
