// The one Socket.IO server of the process. server.ts creates it; route handlers (a separate bundled copy of
// this module) reach it through globalThis. Only committed changes are broadcast.
//
// Several instances share broadcasts through Socket.IO's own adapters: Postgres LISTEN/NOTIFY on Callboard's
// database by default, or Redis pub/sub when REDIS_URL is set. A webhook that reaches instance A reaches the
// boards connected to instance B.
import type { Server as HttpServer } from "node:http";
import { createAdapter as createPostgresAdapter } from "@socket.io/postgres-adapter";
import { createAdapter as createRedisAdapter } from "@socket.io/redis-adapter";
import pg from "pg";
import { createClient } from "redis";
import { Server } from "socket.io";
import { getSessionUser } from "@/lib/auth/session";
import type { CallView } from "@/lib/shared/calls/call-view";
import { isDatabaseUnavailable } from "@/lib/db/is-database-unavailable";
import { logger } from "@/lib/observability/logger";
import { isShuttingDown } from "@/lib/observability/shutdown-state";
import { getMetrics } from "@/lib/observability/metrics";
import { SOCKET_PATH, type ClientToServerEvents, type ServerToClientEvents } from "@/lib/shared/realtime/events";

export type CallboardSocketServer = Server<ClientToServerEvents, ServerToClientEvents>;
export type RealtimeAdapter = "postgres" | "redis" | "none";

const IO_KEY = Symbol.for("callboard.io");
type IoHolder = { [IO_KEY]?: CallboardSocketServer };
const holder = globalThis as IoHolder;

type AttachOptions = { adapter: RealtimeAdapter; databaseUrl: string; redisUrl?: string };

/** Lost connections are expected while Postgres restarts (the adapter reconnects) and say nothing during shutdown. */
function logAdapterError(error: Error): void {
  if (isShuttingDown()) return;
  if (isDatabaseUnavailable(error)) logger.warn({ err: error.message }, "Live updates lost their Postgres connection; reconnecting");
  else logger.error({ err: error }, "Realtime adapter error");
}

async function connectAdapter(io: CallboardSocketServer, options: AttachOptions): Promise<() => Promise<void>> {
  if (options.adapter === "redis") {
    if (!options.redisUrl) throw new Error("REALTIME_ADAPTER=redis needs REDIS_URL.");
    const pubClient = createClient({ url: options.redisUrl });
    const subClient = pubClient.duplicate();
    pubClient.on("error", (error: Error) => logger.error({ err: error }, "Redis (realtime) error"));
    subClient.on("error", (error: Error) => logger.error({ err: error }, "Redis (realtime) error"));
    await Promise.all([pubClient.connect(), subClient.connect()]);
    io.adapter(createRedisAdapter(pubClient, subClient));
    return async () => {
      await Promise.allSettled([pubClient.quit(), subClient.quit()]);
    };
  }
  if (options.adapter === "postgres") {
    // A small pool of its own: one connection holds LISTEN, the others send NOTIFY.
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 4 });
    pool.on("error", logAdapterError);
    // The adapter keeps its LISTEN connection checked out with no "error" listener, so a connection Postgres ends (a
    // restart, a failover) would be an uncaught exception. Listened to here; the adapter reconnects on "end".
    pool.on("connect", (client) => client.on("error", logAdapterError));
    io.adapter(createPostgresAdapter(pool, { errorHandler: logAdapterError }));
    return () => pool.end();
  }
  return async () => {};
}

export async function attachSocketServer(
  httpServer: HttpServer,
  options: AttachOptions,
): Promise<{ io: CallboardSocketServer; close: () => Promise<void> }> {
  const io: CallboardSocketServer = new Server(httpServer, {
    path: SOCKET_PATH,
    serveClient: false,
    // The board only receives; a small buffer is plenty and keeps abusive clients cheap.
    maxHttpBufferSize: 16 * 1024,
  });
  // Every connection needs a signed-in user, checked with the same session lookup as pages and API routes.
  io.use((socket, next) => {
    const cookie = socket.handshake.headers.cookie ?? "";
    getSessionUser(new Headers({ cookie })).then(
      (user) => {
        if (!user) return next(new Error("unauthorized: sign in to receive live updates"));
        // A room per session: signing out, revoking the session or removing the user ends its open boards at once.
        void socket.join(`session:${user.session.id}`);
        // A connection outlives no session: it ends when the session expires (the board then asks to sign in).
        const expiry = setTimeout(() => socket.disconnect(true), Math.min(user.session.expiresAt.getTime() - Date.now(), 2 ** 31 - 1));
        socket.once("disconnect", () => clearTimeout(expiry));
        next();
      },
      () => next(new Error("unavailable: could not check the session")),
    );
  });
  const closeAdapter = await connectAdapter(io, options);
  const clients = getMetrics().socketClients;
  io.on("connection", (socket) => {
    clients.inc();
    socket.on("disconnect", () => clients.dec());
  });
  holder[IO_KEY] = io;
  return {
    io,
    close: async () => {
      await io.close();
      await closeAdapter();
    },
  };
}

export function getSocketServer(): CallboardSocketServer | undefined {
  return holder[IO_KEY];
}

/** Ends the live connections of a session that was signed out or revoked. */
export function disconnectSessionSockets(sessionId: string): void {
  getSocketServer()?.in(`session:${sessionId}`).disconnectSockets(true);
}

/**
 * Largest message the coalescer builds, in bytes of JSON. The Postgres adapter sends a message up to 8,000 bytes
 * as a NOTIFY and anything bigger through a table insert (a WAL write per message), so chunks stay under that.
 */
const MAX_MESSAGE_BYTES = 7_000;

const pending = new Map<string, CallView>();
let flushScheduled = false;

function flushBroadcasts(): void {
  flushScheduled = false;
  const io = getSocketServer();
  const calls = [...pending.values()];
  pending.clear();
  if (!io || calls.length === 0) return;
  let chunk: CallView[] = [];
  let chunkBytes = 0;
  for (const call of calls) {
    const bytes = Buffer.byteLength(JSON.stringify(call));
    if (chunk.length > 0 && chunkBytes + bytes > MAX_MESSAGE_BYTES) {
      io.emit("calls:updated", chunk);
      chunk = [];
      chunkBytes = 0;
    }
    chunk.push(call);
    chunkBytes += bytes + 1;
  }
  io.emit("calls:updated", chunk);
  getMetrics().broadcasts.inc(calls.length);
}

/**
 * Sends a committed call state to every board, on every instance. Changes committed in the same turn of the event
 * loop (the ingest batcher commits concurrent webhooks together) leave as one message, a newer state of a call
 * replacing an older one: under load the number of messages, NOTIFYs and board renders follows the commits, not the
 * events, and the first change of a quiet moment still leaves at once.
 */
export function broadcastCallUpdated(call: CallView): void {
  const queued = pending.get(call.id);
  if (!queued || queued.version < call.version) pending.set(call.id, call);
  if (flushScheduled) return;
  flushScheduled = true;
  setImmediate(flushBroadcasts);
}
