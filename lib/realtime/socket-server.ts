// The Socket.IO server of the process, on the same HTTP server as Next.js. Every connection needs a signed-in user;
// committed call changes leave through the publisher (call-publisher.ts).
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
import type { CallPublisher } from "@/lib/calls/call-recorder";
import { isDatabaseUnavailable } from "@/lib/db/is-database-unavailable";
import type { Lifecycle } from "@/lib/observability/lifecycle";
import type { Logger } from "@/lib/observability/logger";
import type { Metrics } from "@/lib/observability/metrics";
import { SOCKET_PATH } from "@/lib/shared/realtime/events";
import { createCallPublisher, type CallboardSocketServer } from "./call-publisher";
export type RealtimeAdapter = "postgres" | "redis" | "none";

/** Who a connection belongs to: its session, which it may not outlive. Null: not signed in. */
export type SocketIdentity = { sessionId: string; expiresAt: Date };

type AttachOptions = {
  adapter: RealtimeAdapter;
  databaseUrl: string;
  redisUrl?: string;
  /** The session behind a handshake's cookies (lib/auth/session.ts). */
  authenticate: (headers: Headers) => Promise<SocketIdentity | null>;
};

export type Realtime = {
  publisher: CallPublisher;
  /** Creates the Socket.IO server on `httpServer` (server.ts, once). */
  attach: (httpServer: HttpServer, options: AttachOptions) => Promise<void>;
  /** Ends the live connections of a session that was signed out or revoked. */
  disconnectSession: (sessionId: string) => void;
  close: () => Promise<void>;
};

type Deps = { metrics: Metrics; logger: Logger; lifecycle: Lifecycle };

async function connectAdapter(io: CallboardSocketServer, options: AttachOptions, deps: Deps): Promise<() => Promise<void>> {
  /** Lost connections are expected while Postgres restarts (the adapter reconnects) and say nothing during shutdown. */
  const logAdapterError = (error: Error) => {
    if (deps.lifecycle.isShuttingDown) return;
    if (isDatabaseUnavailable(error)) deps.logger.warn({ err: error.message }, "Live updates lost their Postgres connection; reconnecting");
    else deps.logger.error({ err: error }, "Realtime adapter error");
  };
  if (options.adapter === "redis") {
    if (!options.redisUrl) throw new Error("REALTIME_ADAPTER=redis needs REDIS_URL.");
    const pubClient = createClient({ url: options.redisUrl });
    const subClient = pubClient.duplicate();
    pubClient.on("error", (error: Error) => deps.logger.error({ err: error }, "Redis (realtime) error"));
    subClient.on("error", (error: Error) => deps.logger.error({ err: error }, "Redis (realtime) error"));
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

function createSocketServer(httpServer: HttpServer, options: AttachOptions, deps: Deps): CallboardSocketServer {
  const io: CallboardSocketServer = new Server(httpServer, {
    path: SOCKET_PATH,
    serveClient: false,
    // The board only receives; a small buffer is plenty and keeps abusive clients cheap.
    maxHttpBufferSize: 16 * 1024,
  });
  // Every connection needs a signed-in user, checked with the same session lookup as pages and API routes.
  io.use((socket, next) => {
    const cookie = socket.handshake.headers.cookie ?? "";
    options.authenticate(new Headers({ cookie })).then(
      (identity) => {
        if (!identity) return next(new Error("unauthorized: sign in to receive live updates"));
        // A room per session: signing out, revoking the session or removing the user ends its open boards at once.
        void socket.join(`session:${identity.sessionId}`);
        // A connection outlives no session: it ends when the session expires (the board then asks to sign in).
        const expiry = setTimeout(() => socket.disconnect(true), Math.min(identity.expiresAt.getTime() - Date.now(), 2 ** 31 - 1));
        socket.once("disconnect", () => clearTimeout(expiry));
        next();
      },
      () => next(new Error("unavailable: could not check the session")),
    );
  });
  const clients = deps.metrics.socketClients;
  io.on("connection", (socket) => {
    clients.inc();
    socket.on("disconnect", () => clients.dec());
  });
  return io;
}

export function createRealtime(deps: Deps): Realtime {
  let io: CallboardSocketServer | undefined;
  let closeAdapter: () => Promise<void> = async () => {};
  return {
    publisher: createCallPublisher({ server: () => io, metrics: deps.metrics }),
    async attach(httpServer, options) {
      const server = createSocketServer(httpServer, options, deps);
      closeAdapter = await connectAdapter(server, options, deps);
      io = server;
    },
    disconnectSession(sessionId) {
      io?.in(`session:${sessionId}`).disconnectSockets(true);
    },
    async close() {
      await io?.close();
      await closeAdapter();
    },
  };
}
