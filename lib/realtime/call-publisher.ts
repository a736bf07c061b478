// Sends committed call changes to every board, on every instance: `calls:updated` over Socket.IO (the adapter in
// socket-server.ts carries it to the other instances). lib/calls hands each committed change to publish().
import type { Server } from "socket.io";
import type { CallPublisher } from "@/lib/calls/call-recorder";
import type { Metrics } from "@/lib/observability/metrics";
import type { CallView } from "@/lib/shared/calls/call-view";
import type { ClientToServerEvents, ServerToClientEvents } from "@/lib/shared/realtime/events";
import type { BroadcastOperator } from "socket.io";
import { maskCallForWallboard } from "@/lib/wallboards/mask-call";
import { BOARDS_ROOM, FULL_ROOM, lineRoom, MASKED_ROOM } from "./wallboard-sockets";

/** The Socket.IO server (socket-server.ts makes it), with Callboard's events typed. */
export type CallboardSocketServer = Server<ClientToServerEvents, ServerToClientEvents>;

/** Every connection (the server), or this instance's alone (`io.local`). */
export type Audience = CallboardSocketServer | BroadcastOperator<ServerToClientEvents, unknown>;

type LineCalls = { full: CallView[]; masked: CallView[] };

/** Each line's calls, in full and masked, and whether any call has no line (the links of a line never see it). */
function groupByLine(calls: CallView[], masked: CallView[]): { byLine: Map<string, LineCalls>; hasCallWithoutLine: boolean } {
  const byLine = new Map<string, LineCalls>();
  let hasCallWithoutLine = false;
  calls.forEach((call, index) => {
    if (!call.lineNumber) {
      hasCallWithoutLine = true;
      return;
    }
    const line = byLine.get(call.lineNumber) ?? { full: [], masked: [] };
    line.full.push(call);
    line.masked.push(masked[index] ?? maskCallForWallboard(call));
    byLine.set(call.lineNumber, line);
  });
  return { byLine, hasCallWithoutLine };
}

/**
 * The one place calls:updated is sent. A link's line is a permission (wallboard-sockets.ts puts each connection in the
 * room that decides what it gets), and the cost does not grow with the screens: each change leaves as two messages
 * (in full, masked) to boards and to links for every line, and two more (its calls in full, masked) per distinct line
 * in it to that line's rooms; a change of one line (the usual case) is two messages in all, as its line's rooms take
 * the same ones. The adapter carries every room broadcast to every instance.
 *
 * Sends calls to everyone allowed to see them: in full to boards and links that show full numbers, masked to masked
 * links; a link of one line gets that line's calls alone.
 */
export function emitCalls(io: Audience, calls: CallView[]): void {
  const masked = calls.map(maskCallForWallboard);
  const { byLine, hasCallWithoutLine } = groupByLine(calls, masked);
  const onlyLine = byLine.size === 1 && !hasCallWithoutLine ? [...byLine.keys()][0] : undefined;
  if (onlyLine !== undefined) {
    io.to([BOARDS_ROOM, FULL_ROOM, lineRoom(onlyLine, false)]).emit("calls:updated", calls);
    io.to([MASKED_ROOM, lineRoom(onlyLine, true)]).emit("calls:updated", masked);
    return;
  }
  io.to([BOARDS_ROOM, FULL_ROOM]).emit("calls:updated", calls);
  io.to(MASKED_ROOM).emit("calls:updated", masked);
  for (const [lineNumber, line] of byLine) {
    io.to(lineRoom(lineNumber, false)).emit("calls:updated", line.full);
    io.to(lineRoom(lineNumber, true)).emit("calls:updated", line.masked);
  }
}

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
