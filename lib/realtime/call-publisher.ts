// Sends committed call changes to every board, on every instance: `calls:updated` over Socket.IO (the adapter in
// socket-server.ts carries it to the other instances). lib/calls hands each committed change to publish().
import type { Server } from "socket.io";
import type { CallPublisher } from "@/lib/calls/call-recorder";
import type { Metrics } from "@/lib/observability/metrics";
import type { CallView } from "@/lib/shared/calls/call-view";
import type { ClientToServerEvents, ServerToClientEvents } from "@/lib/shared/realtime/events";
import { emitCalls } from "./wallboard-sockets";

/** The Socket.IO server (socket-server.ts makes it), with Callboard's events typed. */
export type CallboardSocketServer = Server<ClientToServerEvents, ServerToClientEvents>;

/**
 * Largest message the coalescer builds, in bytes of JSON. The Postgres adapter sends a message up to 8,000 bytes
 * as a NOTIFY and anything bigger through a table insert (a WAL write per message), so chunks stay under that.
 */
const MAX_MESSAGE_BYTES = 7_000;

function emitInChunks(io: CallboardSocketServer, calls: CallView[]): void {
  let chunk: CallView[] = [];
  let chunkBytes = 0;
  for (const call of calls) {
    const bytes = Buffer.byteLength(JSON.stringify(call));
    if (chunk.length > 0 && chunkBytes + bytes > MAX_MESSAGE_BYTES) {
      emitCalls(io, chunk);
      chunk = [];
      chunkBytes = 0;
    }
    chunk.push(call);
    chunkBytes += bytes + 1;
  }
  emitCalls(io, chunk);
}

/**
 * Sending one message to one screen costs the server about 15–20 µs of its one thread, so a message a screen is the
 * cost that grows. Messages to this instance's screens are kept under about this many a second: with 500 screens
 * connected, changes leave together at most every 50 ms; with a handful, at once. (Measured by npm run bench:fanout.)
 */
const DELIVERIES_PER_SECOND = 10_000;
/** However many screens are connected, no change waits longer than this for its message. */
const MAX_WAIT_MS = 200;

/** How long after a message the next may leave, for this many connected screens. */
export const messageInterval = (screens: number, deliveriesPerSecond = DELIVERIES_PER_SECOND) => Math.min(MAX_WAIT_MS, (screens * 1000) / deliveriesPerSecond);

/**
 * Changes committed in the same turn of the event loop (the recorder commits concurrent webhooks together) leave as
 * one message, a newer state of a call replacing an older one: under load the number of messages, NOTIFYs and board
 * renders follows the commits, not the events, and the first change of a quiet moment still leaves at once. With
 * many screens connected, changes that follow a message closely wait for the next one (`messageInterval`), so the
 * server's cost follows the number of screens, not screens times changes.
 * Before the Socket.IO server is attached (`server` returns undefined) changes go nowhere, as no board can listen.
 */
export function createCallPublisher(options: { server: () => CallboardSocketServer | undefined; metrics: Metrics; deliveriesPerSecond?: number }): CallPublisher {
  const pending = new Map<string, CallView>();
  let isFlushScheduled = false;
  let lastFlushAt = Number.NEGATIVE_INFINITY;

  const flush = () => {
    isFlushScheduled = false;
    lastFlushAt = performance.now();
    const io = options.server();
    const calls = [...pending.values()];
    pending.clear();
    if (!io || calls.length === 0) return;
    emitInChunks(io, calls);
    options.metrics.broadcasts.inc(calls.length);
  };

  return {
    publish(call) {
      const queued = pending.get(call.id);
      if (!queued || queued.version < call.version) pending.set(call.id, call);
      if (isFlushScheduled) return;
      isFlushScheduled = true;
      const wait = lastFlushAt + messageInterval(options.server()?.engine.clientsCount ?? 0, options.deliveriesPerSecond) - performance.now();
      if (wait > 0) setTimeout(flush, wait);
      else setImmediate(flush);
    },
  };
}
