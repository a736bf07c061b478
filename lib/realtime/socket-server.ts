// The Socket.IO server of the process, on the same HTTP server as Next.js. Every connection needs a signed-in user;
// committed call changes leave through the publisher (call-publisher.ts).
//
// Several instances share broadcasts through Socket.IO's own adapters: Postgres LISTEN/NOTIFY on Callboard's
// database by default, or Redis pub/sub when REDIS_URL is set. A webhook that reaches instance A reaches the
// boards connected to instance B.
import type { IncomingMessage, Server as HttpServer } from "node:http";
import { createAdapter as createPostgresAdapter } from "@socket.io/postgres-adapter";
import { createAdapter as createRedisAdapter } from "@socket.io/redis-adapter";
import pg from "pg";
import { createClient } from "redis";
import { Server, type Socket } from "socket.io";
import type { CallPublisher } from "@/lib/calls/call-recorder";
import { isDatabaseUnavailable } from "@/lib/db/is-database-unavailable";
import type { Lifecycle } from "@/lib/observability/lifecycle";
import type { Logger } from "@/lib/observability/logger";
import type { Metrics } from "@/lib/observability/metrics";
import type { CallView } from "@/lib/shared/calls/call-view";
import type { CallCommandView } from "@/lib/shared/control/call-command";
import type { ErrorBody, ErrorCode } from "@/lib/shared/http/error-shape";
import { SOCKET_PATH } from "@/lib/shared/realtime/events";
import { createCallPublisher, emitCalls, type CallboardSocketServer } from "./call-publisher";
import { listenForChanges, type Changes } from "./changes-channel";
import { countOpenConnections, type OpenConnections } from "./open-connections";
import {
  admitWallboardSocket,
  BOARDS_ROOM,
  endWallboardSockets,
  reconnectWallboardSockets,
  WALLBOARDS_ROOM,
  type WallboardRefusal,
  type WallboardSocketIdentity,
} from "./wallboard-sockets";
export type RealtimeAdapter = "postgres" | "redis" | "none";

/** Who a connection belongs to: its user and session, which it may not outlive. Null: not signed in. */
export type SocketIdentity = { userId: string; sessionId: string; expiresAt: Date };

type AttachOptions = {
  adapter: RealtimeAdapter;
  databaseUrl: string;
  redisUrl?: string;
  /** The session behind a handshake's cookies (lib/auth/session.ts). */
  authenticate: (headers: Headers) => Promise<SocketIdentity | null>;
  /** Whether a browser's Origin is Callboard's own (lib/auth/same-origin.ts). */
  isTrustedOrigin: (origin: string, headers: Headers) => boolean;
  /** Connections one user may hold open on this instance (SOCKET_MAX_PER_USER). */
  maxPerUser: number;
  /** Screens one wallboard link may have open on this instance (WALLBOARD_MAX_SCREENS). */
  maxScreensPerWallboard: number;
  /** Of these sessions, the ones still valid: checked every `revalidateMs` for every open connection. */
  findLiveSessions: (sessionIds: string[]) => Promise<Set<string>>;
  revalidateMs?: number;
  /** Without a session: the wallboard link in the handshake's cookie, refused (revoked, expired, unknown), or none. */
  authenticateWallboard: (headers: Headers, request: IncomingMessage) => Promise<WallboardSocketIdentity | WallboardRefusal | null>;
  /** Of these links, the ones still valid: checked with the sessions. */
  findLiveWallboards: (wallboardIds: string[]) => Promise<Set<string>>;
  /** The committed rows behind changes a command-line process announced (changes-channel.ts). */
  loadChanges: (changes: Changes) => Promise<{ calls: CallView[]; commands: CallCommandView[] }>;
};

type SocketData = { userId: string; sessionId: string } | { wallboardId: string };

/**
 * A refused handshake, in Callboard's one error shape: the client's connect_error carries `{ error: { code, message } }`
 * as its `data` (and the message as its own, as Socket.IO clients expect).
 */
function refusal(code: ErrorCode, message: string): Error & { data: ErrorBody } {
  return Object.assign(new Error(message), { data: { error: { code, message } } });
}

export type Realtime = {
  publisher: CallPublisher;
  /** Tells every board and call page, on every instance, of a command to a live call and of Flireo's answer. */
  publishCommand: (command: CallCommandView) => void;
  /** Creates the Socket.IO server on `httpServer` (server.ts, once). */
  attach: (httpServer: HttpServer, options: AttachOptions) => Promise<void>;
  /** Ends the live connections of a session that was signed out or revoked. */
  disconnectSession: (sessionId: string) => void;
  /** Tells a revoked wallboard link's screens, on every instance, and ends their connections. */
  disconnectWallboard: (wallboardId: string) => void;
  /** Makes a changed wallboard link's screens, on every instance, load the wall and connect again (and so take the change). */
  reconnectWallboard: (wallboardId: string) => void;
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

/** The request's headers as a Headers object (the same-origin check reads Host and Origin from it). */
function toHeaders(raw: Record<string, string | string[] | undefined>): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  return headers;
}

type Next = (error?: Error) => void;

function admitUser(socket: Socket, identity: SocketIdentity, perUser: OpenConnections, next: Next): void {
  if (!perUser.tryOpen(identity.userId, socket)) {
    return next(refusal("rate_limited", `too many connections: close some of your ${perUser.count(identity.userId)} open boards and reload`));
  }
  (socket.data as SocketData) = { userId: identity.userId, sessionId: identity.sessionId };
  // A room per session: signing out, revoking the session or removing the user ends its open boards at once. Boards
  // get every call in full (wallboard-sockets.ts).
  void socket.join([BOARDS_ROOM, `session:${identity.sessionId}`]);
  // A connection outlives no session: it ends when the session expires (the board then asks to sign in).
  const expiry = setTimeout(() => socket.disconnect(true), Math.min(identity.expiresAt.getTime() - Date.now(), 2 ** 31 - 1));
  socket.once("disconnect", () => clearTimeout(expiry));
  next();
}

function createSocketServer(httpServer: HttpServer, options: AttachOptions, deps: Deps): CallboardSocketServer {
  const io: CallboardSocketServer = new Server(httpServer, {
    path: SOCKET_PATH,
    serveClient: false,
    // The board only receives; a small buffer is plenty and keeps abusive clients cheap.
    maxHttpBufferSize: 16 * 1024,
    // A browser always says which page opens a connection: another site's page may not, even with the user's cookie
    // (cross-site WebSocket hijacking). No Origin at all is not a browser on another site.
    allowRequest: (request, callback) => {
      const { origin } = request.headers;
      const isAllowed = origin === undefined || options.isTrustedOrigin(origin, toHeaders(request.headers));
      callback(isAllowed ? null : "cross-site connection refused", isAllowed);
    },
  });
  const perUser = countOpenConnections(options.maxPerUser);
  const perWallboard = countOpenConnections(options.maxScreensPerWallboard);
  // Every connection needs a signed-in user, checked with the same session lookup as pages and API routes, or else a
  // valid wallboard link.
  io.use((socket, next) => {
    const headers = new Headers({ cookie: socket.handshake.headers.cookie ?? "" });
    options.authenticate(headers).then(
      (identity) => {
        if (identity) return admitUser(socket, identity, perUser, next);
        return options.authenticateWallboard(headers, socket.request).then((wallboard) => {
          if (!wallboard) return next(refusal("unauthorized", "unauthorized: sign in to receive live updates"));
          if ("refused" in wallboard) {
            // The reason (revoked, expired) lets the screen say so in large type rather than retry.
            const error = { code: "forbidden" as const, message: wallboard.refused, details: { reason: wallboard.reason } };
            return next(Object.assign(new Error(wallboard.refused), { data: { error } }));
          }
          if (!perWallboard.tryOpen(wallboard.wallboardId, socket)) {
            const open = perWallboard.count(wallboard.wallboardId);
            return next(refusal("rate_limited", `too many screens: this wallboard link is open on ${open} screens already; make another link for more`));
          }
          (socket.data as SocketData) = { wallboardId: wallboard.wallboardId };
          admitWallboardSocket(socket, wallboard);
          next();
        });
      },
    ).catch(() => next(refusal("unavailable", "unavailable: could not check the session")));
  });
  const clients = deps.metrics.socketClients;
  io.on("connection", (socket) => {
    clients.inc();
    socket.on("disconnect", () => clients.dec());
  });
  return io;
}

/**
 * Closes the connections whose session is no longer valid, however it ended: revoked on another instance, deleted
 * in the database, its user banned. Sign-out and revocation through Callboard close them at once already (the
 * session's room); this catches the rest within `revalidateMs`.
 */
function startRevalidating(io: CallboardSocketServer, options: AttachOptions, deps: Deps): () => void {
  const timer = setInterval(() => {
    const sockets = [...io.of("/").sockets.values()];
    const sessionIds = new Set<string>();
    const wallboardIds = new Set<string>();
    for (const socket of sockets) {
      const data = socket.data as SocketData;
      if ("sessionId" in data) sessionIds.add(data.sessionId);
      else if ("wallboardId" in data) wallboardIds.add(data.wallboardId);
    }
    if (sessionIds.size === 0 && wallboardIds.size === 0) return;
    Promise.all([
      sessionIds.size ? options.findLiveSessions([...sessionIds]) : new Set<string>(),
      wallboardIds.size ? options.findLiveWallboards([...wallboardIds]) : new Set<string>(),
    ]).then(
      ([liveSessions, liveWallboards]) => {
        for (const socket of sockets) {
          const data = socket.data as SocketData;
          if ("sessionId" in data && !liveSessions.has(data.sessionId)) socket.disconnect(true);
          if ("wallboardId" in data && !liveWallboards.has(data.wallboardId)) {
            socket.emit("wallboard:ended", { reason: "revoked", message: "This wallboard link was revoked or has expired." });
            socket.disconnect(true);
          }
        }
      },
      (error: unknown) => {
        if (!deps.lifecycle.isShuttingDown) deps.logger.warn({ err: (error as Error).message }, "Could not recheck the sessions of open boards");
      },
    );
  }, options.revalidateMs ?? 30_000);
  timer.unref();
  return () => clearInterval(timer);
}

export function createRealtime(deps: Deps): Realtime {
  let io: CallboardSocketServer | undefined;
  let closeAdapter: () => Promise<void> = async () => {};
  let stopRevalidating = () => {};
  let stopListening = async () => {};
  return {
    publisher: createCallPublisher({ server: () => io, metrics: deps.metrics }),
    publishCommand(command) {
      // Wallboards show calls, not what supervisors do to them.
      io?.except(WALLBOARDS_ROOM).emit("commands:recorded", [command]);
    },
    async attach(httpServer, options) {
      const server = createSocketServer(httpServer, options, deps);
      closeAdapter = await connectAdapter(server, options, deps);
      stopRevalidating = startRevalidating(server, options, deps);
      // Every instance hears a command-line change and tells its own connections: local, or each would be sent N times.
      stopListening = listenForChanges({
        databaseUrl: options.databaseUrl,
        logger: deps.logger,
        isShuttingDown: () => deps.lifecycle.isShuttingDown,
        onChanges: async (changes) => {
          const { calls, commands } = await options.loadChanges(changes);
          if (calls.length) emitCalls(server.local, calls);
          if (commands.length) server.local.except(WALLBOARDS_ROOM).emit("commands:recorded", commands);
        },
      });
      io = server;
    },
    disconnectSession(sessionId) {
      io?.in(`session:${sessionId}`).disconnectSockets(true);
    },
    disconnectWallboard(wallboardId) {
      if (io) endWallboardSockets(io, wallboardId);
    },
    reconnectWallboard(wallboardId) {
      if (io) reconnectWallboardSockets(io, wallboardId);
    },
    async close() {
      stopRevalidating();
      await stopListening();
      await io?.close();
      await closeAdapter();
    },
  };
}
